package dev.dynamodouble.core.server;

import dev.dynamodouble.core.time.DynamoClock;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date} response header, formatted once per second. It shows the wall clock, not the
 * engine's: the SDKs correct their signing time from it after an auth error, process-wide (AWS SDK
 * v2's SdkGlobalTime), so a manual clock's Date would skew every later client in the JVM.
 */
final class HttpDate {
  private final DynamoClock clock;
  private volatile Cached cached = new Cached(Long.MIN_VALUE, new byte[0], "");

  private record Cached(long second, byte[] value, String text) {}

  HttpDate(DynamoClock clock) {
    this.clock = clock;
  }

  /** The header value for now, as ASCII bytes, e.g. {@code Tue, 01 Dec 2026 23:15:00 GMT}. */
  byte[] now() {
    return current().value;
  }

  /** {@link #now()} as a String (the in-process transport's header map). */
  String text() {
    return current().text;
  }

  private Cached current() {
    long second = Math.floorDiv(clock.millis(), 1000L);
    Cached current = cached;
    if (current.second != second) {
      String text = DateTimeFormatter.RFC_1123_DATE_TIME.format(
          java.time.Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC));
      current = new Cached(second, text.getBytes(StandardCharsets.US_ASCII), text);
      cached = current;
    }
    return current;
  }
}
