package dev.dynamodouble.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
  private static final KeyOrder ORDER = KeyOrder.INSTANCE;

  private static int utf8Compare(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void stringsCompareByUtf8BytesNotByUtf16Units() {
    String emoji = "\uD83D\uDE00"; // U+1F600: F0 9F 98 80 in UTF-8, D83D DE00 in UTF-16
    String lastBmp = "\uFFFF";     // U+FFFF:  EF BF BF
    String privateUse = "\uE000";  // U+E000:  EE 80 80
    // Java's String order puts the surrogate pair first ...
    assertThat(emoji.compareTo(lastBmp)).isNegative();
    assertThat(emoji.compareTo(privateUse)).isNegative();
    // ... DynamoDB's byte order puts it last.
    assertThat(KeyOrder.compareUtf8(emoji, lastBmp)).isPositive();
    assertThat(KeyOrder.compareUtf8(emoji, privateUse)).isPositive();
    assertThat(KeyOrder.compareUtf8(lastBmp, emoji)).isNegative();
    assertThat(ORDER.compare(AttributeValue.string("a" + emoji), AttributeValue.string("a" + lastBmp))).isPositive();
    // Below the surrogates both orders agree.
    assertThat(KeyOrder.compareUtf8("\uD7FF", emoji)).isNegative();
    assertThat(KeyOrder.compareUtf8("a", "b")).isNegative();
    assertThat(KeyOrder.compareUtf8("Z", "a")).isNegative();
    assertThat(KeyOrder.compareUtf8("ab", "abc")).isNegative();
    assertThat(KeyOrder.compareUtf8("", "a")).isNegative();
    assertThat(KeyOrder.compareUtf8("é", "é")).isZero();
  }

  @Test
  void agreesWithUtf8ByteOrderOnRandomStrings() {
    Random random = new Random(20240501L);
    int[] codePoints = {0x41, 0x7A, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(4);
      for (int j = 0; j < length; j++) {
        int cp = random.nextBoolean() ? codePoints[random.nextInt(codePoints.length)] : 0x20 + random.nextInt(0x10FFFF - 0x20);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          cp = 0xE000; // lone surrogates are not text
        }
        s.appendCodePoint(cp);
      }
      strings.add(s.toString());
    }
    for (String a : strings) {
      for (String b : strings) {
        assertThat(Integer.signum(KeyOrder.compareUtf8(a, b))).as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(utf8Compare(a, b)));
      }
    }
  }

  @Test
  void numbersCompareByValue() {
    List<AttributeValue> sorted = new ArrayList<>();
    for (String n : new String[] {"100", "-2", "1.5", "0", "-10", "1E+1", "9.99", "-0.001"}) {
      sorted.add(AttributeValue.number(n));
    }
    sorted.sort(ORDER);
    assertThat(sorted).extracting(v -> ((AttributeValue.N) v).text())
        .containsExactly("-10", "-2", "-0.001", "0", "1.5", "9.99", "10", "100");
    assertThat(ORDER.compare(AttributeValue.number("1.0"), AttributeValue.number("1"))).isZero();
  }

  @Test
  void binariesCompareAsUnsignedBytes() {
    assertThat(ORDER.compare(AttributeValue.binary(new byte[] {0x7f}), AttributeValue.binary(new byte[] {(byte) 0x80})))
        .isNegative();
    assertThat(ORDER.compare(AttributeValue.binary(new byte[] {(byte) 0xff}), AttributeValue.binary(new byte[] {0})))
        .isPositive();
    assertThat(ORDER.compare(AttributeValue.binary(new byte[] {1}), AttributeValue.binary(new byte[] {1, 0})))
        .isNegative();
    assertThat(ORDER.compare(AttributeValue.binary(new byte[0]), AttributeValue.binary(new byte[] {0}))).isNegative();
    assertThat(ORDER.compare(AttributeValue.binary(new byte[] {5, 6}), AttributeValue.binary(new byte[] {5, 6}))).isZero();
  }
}
