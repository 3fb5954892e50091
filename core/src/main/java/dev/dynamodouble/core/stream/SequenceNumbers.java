package dev.dynamodouble.core.stream;

import dev.dynamodouble.core.error.DynamoException;

/** Stream sequence numbers: the change feed's sequence, written as 21 or more decimal digits. */
public final class SequenceNumbers {
  private SequenceNumbers() {}

  public static String format(long sequence) {
    return String.format("%021d", sequence);
  }

  /** Parses a sequence number of a request, or DynamoDB's ValidationException. */
  public static long parse(String text) {
    if (text == null || text.length() < 21 || text.length() > 40 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw DynamoException.validation("Invalid SequenceNumber: " + text);
    }
    String digits = text.replaceFirst("^0+(?=.)", "");
    if (digits.length() > 18) {
      throw DynamoException.validation("Invalid SequenceNumber: " + text);
    }
    return Long.parseLong(digits);
  }
}
