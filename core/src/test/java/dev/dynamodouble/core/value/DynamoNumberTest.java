package dev.dynamodouble.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DynamoNumberTest {

  private static String rejection(String text) {
    DynamoException e = catchThrowableOfType(DynamoException.class, () -> DynamoNumber.parse(text));
    assertThat(e).as(text).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
    return e.getMessage();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1.50, 1.5", "0100, 100", "1E+2, 100", "-0, 0", "0.000, 0", "0E-10, 0", "+7, 7", ".5, 0.5",
      "-.5, -0.5", "1e-3, 0.001", "123.4560, 123.456", "-12e2, -1200",
  })
  void parsesToNormalisedText(String text, String normalised) {
    AttributeValue.N n = DynamoNumber.parse(text);
    assertThat(n.text()).isEqualTo(normalised);
    assertThat(n.decimal()).isEqualByComparingTo(new BigDecimal(text));
  }

  /** Text kept as it came (when it is already plain) and text rebuilt must be the same. */
  @Test
  void normalisedTextIsBigDecimalsPlainTextForEveryShape() {
    String[] parts = {"", "-", "+"};
    String[] mantissas = {"0", "00", "5", "50", "05", "0.5", "0.50", "5.0", "5.", ".5", "10.01", "0.001", "100",
        "123456789012345678901234567890", "1.000000000000000000001", "0.0", "00.10"};
    String[] exponents = {"", "e0", "E2", "e-2"};
    for (String sign : parts) {
      for (String mantissa : mantissas) {
        for (String exponent : exponents) {
          String text = sign + mantissa + exponent;
          BigDecimal value = new BigDecimal(text);
          String expected = value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
          assertThat(DynamoNumber.parse(text).text()).as(text).isEqualTo(expected);
        }
      }
    }
  }

  /**
   * A number keeps only its text; its value, digit count and order are read from the text and
   * must be what the parsed decimal (stripped of trailing zeros) gives.
   */
  @Test
  void valueDigitsAndOrderComeFromTheTextAsFromTheDecimal() {
    String[] texts = {"0", "-0", "7", "-7", "50", "-50", "1200", "99", "-99", "-1200", "0.5", "-0.001", "10.01",
        "123.456", "-123.456", "1E+2", "12345678901234567890123", "-12345678901234567890124",
        "99999999999999999999999999999999999999", "-1.000000000000000000001", "1e-130", "9.99e125"};
    for (String a : texts) {
      AttributeValue.N n = DynamoNumber.parse(a);
      BigDecimal exact = new BigDecimal(a);
      BigDecimal stripped = exact.signum() == 0 ? BigDecimal.ZERO : exact.stripTrailingZeros();
      assertThat(n.decimal()).as(a).isEqualTo(stripped);
      assertThat(DynamoNumber.significantDigits(n.text())).as(a).isEqualTo(stripped.precision());
      for (String b : texts) {
        assertThat(Integer.signum(DynamoNumber.compare(n, DynamoNumber.parse(b)))).as(a + " vs " + b)
            .isEqualTo(exact.compareTo(new BigDecimal(b)));
      }
    }
    assertThat(DynamoNumber.significantDigits("1.50E+3")).isEqualTo(2);
  }

  @Test
  void equalityIsByValue() {
    assertThat(DynamoNumber.parse("1.0")).isEqualTo(DynamoNumber.parse("1")).hasSameHashCodeAs(DynamoNumber.parse("1"));
    assertThat(DynamoNumber.parse("10")).isNotEqualTo(DynamoNumber.parse("1"));
  }

  @Test
  void thirtyEightSignificantDigits() {
    assertThat(DynamoNumber.parse("12345678901234567890123456789012345678").text())
        .isEqualTo("12345678901234567890123456789012345678");
    // Trailing zeros are not significant.
    assertThat(DynamoNumber.parse("1234567890123456789012345678901234567800000").decimal().precision()).isEqualTo(38);
    assertThat(rejection("123456789012345678901234567890123456789"))
        .isEqualTo("Attempting to store more than 38 significant digits in a Number");
    assertThat(rejection("0.000123456789012345678901234567890123456789"))
        .isEqualTo("Attempting to store more than 38 significant digits in a Number");
  }

  @Test
  void magnitudeLimits() {
    DynamoNumber.parse("9.9999999999999999999999999999999999999E+125");
    DynamoNumber.parse("-9.9999999999999999999999999999999999999E+125");
    DynamoNumber.parse("1E-130");
    DynamoNumber.parse("-1E-130");
    String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
    String underflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    assertThat(rejection("1E+126")).isEqualTo(overflow);
    assertThat(rejection("-1E+126")).isEqualTo(overflow);
    assertThat(rejection("1E-131")).isEqualTo(underflow);
    assertThat(rejection("-0.9E-130")).isEqualTo(underflow);
    // Zero has no magnitude, whatever its exponent.
    assertThat(DynamoNumber.parse("0E+999").text()).isEqualTo("0");
    // The magnitude is reported before the digits.
    assertThat(rejection("1234567890123456789012345678901234567890E+200")).isEqualTo(overflow);
  }

  @Test
  void textThatIsNotANumber() {
    assertThat(rejection("abc")).isEqualTo("The parameter cannot be converted to a numeric value: abc");
    assertThat(rejection("1e99999999999")).isEqualTo("The parameter cannot be converted to a numeric value: 1e99999999999");
    assertThat(rejection("")).isEqualTo("The parameter cannot be converted to a numeric value");
    assertThat(rejection(null)).isEqualTo("The parameter cannot be converted to a numeric value");
  }

  @Test
  void computedValuesGetTheSameLimits() {
    assertThat(DynamoNumber.of(new BigDecimal("2.50")).text()).isEqualTo("2.5");
    assertThat(DynamoNumber.of(new BigDecimal("0.00")).text()).isEqualTo("0");
    DynamoException e = catchThrowableOfType(DynamoException.class, () -> DynamoNumber.of(new BigDecimal("1E+126")));
    assertThat(e.getMessage()).startsWith("Number overflow");
  }

  @Test
  void longDigitStringsAreJudgedWithoutBuildingThem() {
    // Each of these took seconds to minutes when the text became a BigDecimal first.
    String zeros = "0".repeat(2_000_000);
    assertThat(rejection("1" + zeros)).startsWith("Number overflow");
    assertThat(rejection("0." + zeros + "1")).startsWith("Number underflow");
    assertThat(rejection("1".repeat(2_000_000) + "E-1999990")).isEqualTo(
        "Attempting to store more than 38 significant digits in a Number");
    // Within the limits, however many zeros surround the significant digits.
    assertThat(DynamoNumber.parse(zeros + "12.5" + zeros).text()).isEqualTo("12.5");
    assertThat(DynamoNumber.parse("-" + zeros + "1" + zeros + "E-1999990").text()).isEqualTo("-10000000000");
    assertThat(DynamoNumber.parse("0." + zeros + "E+5").text()).isEqualTo("0");
  }

  @Test
  void refusedTextIsQuotedOnlyByItsPrefix() {
    String message = rejection("x".repeat(1_000_000));
    assertThat(message).startsWith("The parameter cannot be converted to a numeric value: xxx").hasSizeLessThan(400);
  }

  @ParameterizedTest
  @CsvSource({"1e", "1e+", "e5", "--1", "1.2.3", "'1 '", ".", "-", "1e5.5", "0x10"})
  void malformedText(String text) {
    assertThat(rejection(text)).startsWith("The parameter cannot be converted to a numeric value");
  }
}
