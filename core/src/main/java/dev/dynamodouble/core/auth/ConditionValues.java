package dev.dynamodouble.core.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The values of IAM's date and IP address condition operators: dates in epoch seconds or one of
 * the W3C forms of ISO 8601 ({@code 2026}, {@code 2026-01}, {@code 2026-01-01},
 * {@code 2026-01-01T10:00Z}, {@code 2026-01-01T10:00:00.5+02:00}); addresses as IPv4 or IPv6
 * literals or CIDR blocks. Only literals are read: nothing is ever looked up by name.
 */
final class ConditionValues {
  private ConditionValues() {}

  /** The instant a date value names, or null when it is not one. */
  static Instant date(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      if (text.chars().allMatch(Character::isDigit) && text.length() != 4) { // a year is four digits
        return Instant.ofEpochSecond(Long.parseLong(text));
      }
      if (text.indexOf('T') >= 0) {
        return OffsetDateTime.parse(text).toInstant();
      }
      return switch (text.length()) {
        case 4 -> Year.parse(text).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        case 7 -> YearMonth.parse(text).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        default -> LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      };
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** A CIDR block (or one address) as the address's bits and the prefix length; null when malformed. */
  record Block(byte[] address, int prefix) {
    boolean contains(String ip) {
      byte[] candidate = literal(ip);
      if (candidate == null || candidate.length != address.length) {
        return false; // IPv4 never matches an IPv6 block, nor the reverse
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != candidate[i]) {
          return false;
        }
      }
      int mask = (0xFF00 >> (prefix % 8)) & 0xFF; // the first prefix % 8 bits of the next byte
      return mask == 0 || (address[whole] & mask) == (candidate[whole] & mask);
    }
  }

  /** The block {@code text} names, or null when it is not an address or CIDR block. */
  static Block block(String text) {
    int slash = text.indexOf('/');
    byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
    if (address == null) {
      return null;
    }
    int prefix = address.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        return null;
      }
      if (prefix < 0 || prefix > address.length * 8) {
        return null;
      }
    }
    return new Block(address, prefix);
  }

  /** The bytes of an IPv4 or IPv6 literal, or null (a host name is not resolved, it is refused). */
  private static byte[] literal(String text) {
    if (text == null || text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      return null;
    }
    if (text.indexOf(':') < 0 && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return null; // InetAddress would read "1.2" or "127.1" as legacy forms
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
