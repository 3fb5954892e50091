package dev.dynamodouble.core.value;

import dev.dynamodouble.core.error.DynamoException;
import java.math.BigDecimal;

/** DynamoDB's number rules: parsing, the 38-digit and magnitude limits, and normalised text. */
public final class DynamoNumber {
  static final int MAX_DIGITS = 38;
  /** The largest decimal exponent of a supported magnitude (9.99...E+125). */
  static final int MAX_EXPONENT = 125;
  /** The smallest decimal exponent of a supported non-zero magnitude (1E-130). */
  static final int MIN_EXPONENT = -130;

  private DynamoNumber() {}

  /** Parses text into a normalised number, or throws DynamoDB's ValidationException. */
  public static AttributeValue.N parse(String text) {
    BigDecimal decimal = toDecimal(text);
    return new AttributeValue.N(decimal.toPlainString(), decimal);
  }

  /**
   * Wraps an already-computed decimal (for arithmetic results), applying the same limits; a result
   * needing more than 38 digits gets the service's arithmetic message.
   */
  public static AttributeValue.N of(BigDecimal value) {
    BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (stripped.precision() > MAX_DIGITS && !outOfRange(stripped)) {
      throw DynamoException.validation("DynamoDB only supports precision up to 38 digits");
    }
    BigDecimal decimal = checkLimits(stripped);
    return new AttributeValue.N(decimal.toPlainString(), decimal);
  }

  private static boolean outOfRange(BigDecimal stripped) {
    long exponent = (long) stripped.precision() - stripped.scale() - 1;
    return exponent > MAX_EXPONENT || exponent < MIN_EXPONENT;
  }

  private static BigDecimal toDecimal(String text) {
    if (text == null || text.isEmpty()) {
      throw DynamoException.validation("The parameter cannot be converted to a numeric value");
    }
    BigDecimal parsed;
    try {
      parsed = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    BigDecimal stripped = parsed.signum() == 0 ? BigDecimal.ZERO : parsed.stripTrailingZeros();
    return checkLimits(stripped);
  }

  private static BigDecimal checkLimits(BigDecimal stripped) {
    if (stripped.signum() == 0) {
      return BigDecimal.ZERO;
    }
    long exponent = (long) stripped.precision() - stripped.scale() - 1;
    if (exponent > MAX_EXPONENT) {
      throw DynamoException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (exponent < MIN_EXPONENT) {
      throw DynamoException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    if (stripped.precision() > MAX_DIGITS) {
      throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
    }
    return stripped;
  }
}
