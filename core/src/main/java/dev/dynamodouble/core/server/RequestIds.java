package dev.dynamodouble.core.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Request ids of one endpoint: 52 characters, as DynamoDB's, unique for the endpoint. */
final class RequestIds {
  private static final int LENGTH = 52;
  private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

  private final AtomicLong requests = new AtomicLong();
  /** The prefix followed by zeros: a request id before its counter is written over its end. */
  private final char[] template;
  private final int prefixLength;

  RequestIds() {
    String prefix = "DD" + Integer.toHexString(System.identityHashCode(this)).toUpperCase(Locale.ROOT);
    this.prefixLength = prefix.length();
    this.template = new char[LENGTH];
    Arrays.fill(template, '0');
    prefix.getChars(0, prefixLength, template, 0);
  }

  /** The next id: the prefix, zeros, a counter in base 36. */
  String next() {
    long counter = requests.incrementAndGet();
    char[] id = template.clone();
    for (int i = LENGTH - 1; counter > 0 && i >= prefixLength; i--) {
      id[i] = DIGITS[(int) (counter % 36)];
      counter /= 36;
    }
    return new String(id);
  }
}
