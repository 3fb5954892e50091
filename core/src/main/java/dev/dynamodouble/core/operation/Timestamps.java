package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** Reads a timestamp member of awsJson1_0: epoch seconds, as a JSON number with an optional fraction. */
final class Timestamps {
  private Timestamps() {}

  /** The instant of {@code field}, or null when absent. */
  static Instant read(JsonRequest request, String field) {
    Object node = request.raw(field);
    if (node == null) {
      return null;
    }
    if (!(node instanceof Number)) {
      throw DynamoException.serialization(node instanceof String
          ? "class java.lang.String can not be converted to milliseconds since epoch"
          : "Unexpected value for a timestamp");
    }
    BigDecimal seconds = Json.decimal((Number) node);
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.DOWN).longValue();
    try {
      return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw DynamoException.serialization("Timestamp out of range: " + seconds.toPlainString());
    }
  }
}
