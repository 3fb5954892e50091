package dev.dynamodouble.core.value;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.Echo;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * DynamoDB's number rules: parsing, the 38-digit and magnitude limits, and normalised text.
 *
 * <p>Text is checked in one pass over its characters before any {@link BigDecimal} is built: a
 * {@code BigDecimal} of a long digit string (and stripping its trailing zeros) costs time
 * quadratic in its length, and a request may carry megabytes of digits. Only the at most 38
 * significant digits of an accepted number are ever turned into a value.
 */
public final class DynamoNumber {
  static final int MAX_DIGITS = 38;
  /** The largest decimal exponent of a supported magnitude (9.99...E+125). */
  static final int MAX_EXPONENT = 125;
  /** The smallest decimal exponent of a supported non-zero magnitude (1E-130). */
  static final int MIN_EXPONENT = -130;
  /** Exponent digits beyond this make the text unreadable as a number, as for BigDecimal. */
  private static final long MAX_EXPONENT_TEXT = Integer.MAX_VALUE;
  private static final AttributeValue.N ZERO = new AttributeValue.N("0");

  private DynamoNumber() {}

  /**
   * Wraps an already-computed decimal (for arithmetic results), applying the same limits; a result
   * needing more than 38 digits gets the service's arithmetic message.
   */
  public static AttributeValue.N of(BigDecimal value) {
    BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (stripped.precision() > MAX_DIGITS && !outOfRange(stripped)) {
      throw DynamoException.validation("DynamoDB only supports precision up to 38 digits");
    }
    return new AttributeValue.N(checkLimits(stripped).toPlainString());
  }

  private static boolean outOfRange(BigDecimal stripped) {
    long exponent = (long) stripped.precision() - stripped.scale() - 1;
    return exponent > MAX_EXPONENT || exponent < MIN_EXPONENT;
  }

  /**
   * Parses text into a normalised number, or throws DynamoDB's ValidationException. Checks, then
   * builds. The same pass tells whether the text is already what
   * {@code toPlainString} would print (digits with no sign but '-', no leading zero but the one of
   * "0.5", no exponent, a fraction that ends in a non-zero digit): then the text is kept, and the
   * common number needs no second string.
   */
  public static AttributeValue.N parse(String text) {
    if (text == null || text.isEmpty()) {
      throw DynamoException.validation("The parameter cannot be converted to a numeric value");
    }
    int length = text.length();
    int at = 0;
    boolean negative = false;
    if (text.charAt(0) == '+' || text.charAt(0) == '-') {
      negative = text.charAt(0) == '-';
      at++;
    }
    // The mantissa: digits with at most one point. Positions count digits only.
    int digits = 0;
    int integerDigits = -1; // digits before the point; -1 while no point was seen
    int firstNonZero = -1;
    int lastNonZero = -1;
    int mantissaStart = at;
    for (; at < length; at++) {
      char c = text.charAt(at);
      if (c >= '0' && c <= '9') {
        if (c != '0') {
          if (firstNonZero < 0) {
            firstNonZero = digits;
          }
          lastNonZero = digits;
        }
        digits++;
      } else if (c == '.' && integerDigits < 0) {
        integerDigits = digits;
      } else {
        break;
      }
    }
    int mantissaEnd = at;
    if (digits == 0) {
      throw notNumeric(text);
    }
    long exponent = 0;
    if (at < length) {
      exponent = exponent(text, at);
    }
    if (firstNonZero < 0) {
      return ZERO;
    }
    boolean pointed = integerDigits >= 0;
    if (!pointed) {
      integerDigits = digits;
    }
    // Plain: "5", "50", "0.5", "1.5"; not "05", "00.5", ".5", "1." or "1.50".
    boolean plain = mantissaEnd == length && text.charAt(0) != '+' && integerDigits > 0
        && (firstNonZero == 0 || (integerDigits == 1 && pointed))
        && (!pointed || (digits > integerDigits && lastNonZero == digits - 1));
    long magnitude = integerDigits - 1L - firstNonZero + exponent;
    int significant = lastNonZero - firstNonZero + 1;
    checkLimits(magnitude, significant);
    if (plain) {
      return new AttributeValue.N(text); // already what the decimal's toPlainString would print
    }
    // Only now build the value, from the significant digits alone: already without trailing zeros.
    int scale = (int) (significant - 1 - magnitude);
    char[] unscaled = new char[significant];
    long small = 0; // the digits as a long, while they fit (up to 18 of them): the common case
    int filled = 0;
    for (int i = mantissaStart, digit = 0; i < mantissaEnd && filled < significant; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        continue;
      }
      if (digit >= firstNonZero) {
        unscaled[filled++] = c;
        small = small * 10 + (c - '0');
      }
      digit++;
    }
    BigDecimal decimal;
    if (significant <= 18) {
      decimal = BigDecimal.valueOf(negative ? -small : small, scale);
    } else {
      BigInteger big = new BigInteger(new String(unscaled));
      decimal = new BigDecimal(negative ? big.negate() : big, scale);
    }
    return new AttributeValue.N(decimal.toPlainString());
  }

  /**
   * The value of a number's text, without trailing zeros (zero: {@link BigDecimal#ZERO}), as
   * {@link AttributeValue.N#decimal()} answers it.
   */
  static BigDecimal decimalOf(String text) {
    BigDecimal decimal = new BigDecimal(text);
    return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
  }

  /**
   * Numeric order of two numbers' texts. Whole numbers (the usual numeric sort key) are ordered on
   * their normalised text, which has no leading zeros: by sign, then length, then digits; others
   * through BigDecimal (no stripping: order does not depend on the scale).
   */
  static int compare(AttributeValue.N a, AttributeValue.N b) {
    String x = a.text();
    String y = b.text();
    if (x.equals(y)) {
      return 0;
    }
    if (isWhole(x) && isWhole(y)) {
      boolean negative = x.charAt(0) == '-';
      if (negative != (y.charAt(0) == '-')) {
        return negative ? -1 : 1;
      }
      int byMagnitude = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
      return negative ? -byMagnitude : byMagnitude;
    }
    return new BigDecimal(x).compareTo(new BigDecimal(y));
  }

  private static boolean isWhole(String text) {
    return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
  }

  /**
   * Significant digits of a number's text (first to last non-zero digit of its mantissa; 1 for
   * zero), as {@code decimal().precision()} counts them, read without building the decimal.
   */
  static int significantDigits(String text) {
    int first = -1;
    int last = -1;
    int digit = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        break;
      }
      if (c >= '0' && c <= '9') {
        if (c != '0') {
          if (first < 0) {
            first = digit;
          }
          last = digit;
        }
        digit++;
      }
    }
    return first < 0 ? 1 : last - first + 1;
  }

  /** Reads {@code [eE][+-]digits} from {@code at} to the end of the text; saturates far out of range. */
  private static long exponent(String text, int at) {
    char e = text.charAt(at++);
    if ((e != 'e' && e != 'E') || at == text.length()) {
      throw notNumeric(text);
    }
    boolean negative = false;
    if (text.charAt(at) == '+' || text.charAt(at) == '-') {
      negative = text.charAt(at) == '-';
      at++;
    }
    if (at == text.length()) {
      throw notNumeric(text);
    }
    long value = 0;
    for (; at < text.length(); at++) {
      char c = text.charAt(at);
      if (c < '0' || c > '9') {
        throw notNumeric(text);
      }
      value = Math.min(value * 10 + (c - '0'), MAX_EXPONENT_TEXT + 1);
    }
    if (value > MAX_EXPONENT_TEXT) {
      throw notNumeric(text);
    }
    return negative ? -value : value;
  }

  private static DynamoException notNumeric(String text) {
    return DynamoException.validation("The parameter cannot be converted to a numeric value: " + Echo.of(text));
  }

  private static BigDecimal checkLimits(BigDecimal stripped) {
    if (stripped.signum() == 0) {
      return BigDecimal.ZERO;
    }
    checkLimits((long) stripped.precision() - stripped.scale() - 1, stripped.precision());
    return stripped;
  }

  /** The order of DynamoDB's checks: the magnitude is reported before the digits. */
  private static void checkLimits(long magnitude, int significant) {
    if (magnitude > MAX_EXPONENT) {
      throw DynamoException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (magnitude < MIN_EXPONENT) {
      throw DynamoException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    if (significant > MAX_DIGITS) {
      throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
    }
  }
}
