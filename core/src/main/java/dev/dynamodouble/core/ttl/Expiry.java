package dev.dynamodouble.core.ttl;

import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.value.AttributeValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;

/** Reads an item's expiry the way DynamoDB's TTL process does. */
final class Expiry {
  /** 9999-12-31T23:59:59Z; a later expiry is never reached, so it is treated as none. */
  private static final BigDecimal LATEST = BigDecimal.valueOf(253_402_300_799L);
  private static final BigDecimal EARLIEST = LATEST.negate();

  private Expiry() {}

  /**
   * The instant named by the item's TTL attribute: a top-level Number holding epoch seconds
   * (fractions kept to the nanosecond). Null when the item has no such attribute or it is of
   * another type: DynamoDB's TTL process ignores those items.
   */
  static Instant of(StoredItem item, String attribute) {
    if (item == null || attribute == null) {
      return null;
    }
    AttributeValue value = item.attributes().get(attribute);
    if (!(value instanceof AttributeValue.N number)) {
      return null;
    }
    String text = number.text();
    if (isShortWhole(text)) { // epoch seconds as usually written: no decimal to build
      return Instant.ofEpochSecond(Long.parseLong(text));
    }
    BigDecimal seconds = number.decimal();
    if (seconds.compareTo(LATEST) > 0 || seconds.compareTo(EARLIEST) < 0) {
      return null;
    }
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    int nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.DOWN).intValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** An optional minus sign and at most 11 digits: always within ±9999-12-31 (12 digits). */
  private static boolean isShortWhole(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    if (text.length() == start || text.length() - start > 11) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an expiry is more than five years before {@code now}: DynamoDB's TTL process never
   * deletes such items.
   */
  static boolean tooOld(Instant expiry, Instant now) {
    return expiry.isBefore(now.atOffset(ZoneOffset.UTC).minusYears(5).toInstant());
  }
}
