package dev.dynamodouble.core.dax;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The number encodings of the DAX protocol: lexicographic decimals and CBOR numbers. */
class DaxCodecTest {
  private static final List<String> NUMBERS = List.of("-1E+100", "-12345.678", "-1000", "-1", "-0.5", "-1E-100",
      "0", "1E-100", "0.001", "0.5", "1", "1.5", "10", "12", "123", "1234", "99999999999999999999999999999999999999",
      "1E+100");

  @Test
  void lexicographicDecimalsRoundTripAndSortAsNumbers() {
    List<byte[]> encoded = new ArrayList<>();
    for (String number : NUMBERS) {
      byte[] bytes = LexDecimal.encode(new BigDecimal(number));
      assertThat(LexDecimal.decode(bytes, 0, bytes.length)).isEqualByComparingTo(number);
      encoded.add(bytes);
    }
    for (int i = 1; i < encoded.size(); i++) {
      assertThat(Arrays.compareUnsigned(encoded.get(i - 1), encoded.get(i))).as(NUMBERS.get(i)).isNegative();
    }
  }

  @Test
  void aLexicographicDecimalKnownEncoding() {
    // 1.5: exponent 1 (header 0xc1), then 10-bit groups: "150" + 12 = 162, and terminator 1 (two digits).
    assertThat(HexFormat.of().formatHex(LexDecimal.encode(new BigDecimal("1.5")))).isEqualTo("c1288010");
  }

  @Test
  void cborNumbersRoundTrip() {
    for (String number : NUMBERS) {
      byte[] bytes = new CborWriter().number(new BigDecimal(number)).toByteArray();
      assertThat(DaxValues.readNumber(new CborReader(bytes))).isEqualByComparingTo(number);
    }
    assertThat(HexFormat.of().formatHex(new CborWriter().number(new BigDecimal("1.5")).toByteArray()))
        .isEqualTo("c482200f");
  }

  @Test
  void anIncompleteItemAsksForMoreBytes() {
    byte[] text = new CborWriter().text("hello").toByteArray();
    CborReader reader = new CborReader(text, 0, 3);
    org.assertj.core.api.Assertions.assertThatThrownBy(reader::skip).isInstanceOf(CborReader.Incomplete.class);
  }
}
