package dev.dynamodouble.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Item sizes by the formula of the Developer Guide ("DynamoDB item sizes and formats"): names and
 * strings by UTF-8 length, numbers 1 byte per two significant digits plus 1, binaries by raw length,
 * BOOL and NULL 1 byte, lists and maps 3 bytes plus 1 byte per element.
 */
class ItemSizeTest {

  private static long size(Object... pairs) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      item.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
    }
    return ItemSize.of(item);
  }

  private static AttributeValue.N n(String text) {
    return AttributeValue.number(text);
  }

  @Test
  void strings() {
    assertThat(size("a", AttributeValue.string("hello"))).isEqualTo(1 + 5);
    assertThat(size("é", AttributeValue.string("é"))).isEqualTo(2 + 2);
    assertThat(size("k", AttributeValue.string("\uD83D\uDE00"))).isEqualTo(1 + 4);
    assertThat(size("k", AttributeValue.string(""))).isEqualTo(1);
  }

  @Test
  void numbers() {
    assertThat(size("n", n("12345"))).isEqualTo(1 + 3 + 1);  // 5 digits: 3 bytes, plus 1
    assertThat(size("n", n("1234"))).isEqualTo(1 + 2 + 1);
    assertThat(size("n", n("100"))).isEqualTo(1 + 1 + 1);    // trailing zeros are trimmed
    assertThat(size("n", n("0.001"))).isEqualTo(1 + 1 + 1);  // so are leading ones
    assertThat(size("n", n("0"))).isEqualTo(1 + 1 + 1);
    assertThat(size("n", n("12345678901234567890123456789012345678"))).isEqualTo(1 + 19 + 1);
  }

  @Test
  void binariesBooleansAndNull() {
    assertThat(size("b", AttributeValue.binary(new byte[10]))).isEqualTo(1 + 10);
    assertThat(size("t", AttributeValue.bool(true))).isEqualTo(1 + 1);
    assertThat(size("z", AttributeValue.nul())).isEqualTo(1 + 1);
  }

  @Test
  void listsAndMaps() {
    assertThat(size("l", AttributeValue.list(List.of()))).isEqualTo(1 + 3);
    assertThat(size("m", AttributeValue.map(Map.of()))).isEqualTo(1 + 3);
    // [ "ab", 1 ]: 3 + (1 + 2) + (1 + 2)
    assertThat(size("l", AttributeValue.list(List.of(AttributeValue.string("ab"), n("1"))))).isEqualTo(1 + 3 + 3 + 3);
    // { x: "ab" }: 3 + (1 + 1 + 2)
    assertThat(size("m", AttributeValue.map(Map.of("x", AttributeValue.string("ab"))))).isEqualTo(1 + 3 + 4);
    // { x: [] }: 3 + (1 + 1 + 3)
    assertThat(size("m", AttributeValue.map(Map.of("x", AttributeValue.list(List.of()))))).isEqualTo(1 + 3 + 5);
  }

  @Test
  void sets() {
    assertThat(size("s", new AttributeValue.SS(List.of("a", "bc")))).isEqualTo(1 + 3);
    assertThat(size("s", new AttributeValue.NS(List.of(n("1"), n("123"))))).isEqualTo(1 + 2 + 3);
    assertThat(size("s", new AttributeValue.BS(List.of(AttributeValue.binary(new byte[2]),
        AttributeValue.binary(new byte[3]))))).isEqualTo(1 + 5);
  }

  @Test
  void anItemIsTheSumOfItsAttributes() {
    assertThat(size("pk", AttributeValue.string("k"), "v", AttributeValue.string("xyz"), "n", n("1")))
        .isEqualTo(2 + 1 + 1 + 3 + 1 + 2);
    assertThat(ItemSize.MAX_ITEM_BYTES).isEqualTo(400 * 1024);
  }

  @Test
  void utf8LengthMatchesTheEncoder() {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = random.nextInt(6); j > 0; j--) {
        int cp = random.nextInt(0x10FFFF);
        s.appendCodePoint(cp >= 0xD800 && cp <= 0xDFFF ? 'x' : cp);
      }
      assertThat(ItemSize.utf8Length(s.toString())).isEqualTo(s.toString().getBytes(StandardCharsets.UTF_8).length);
    }
  }
}
