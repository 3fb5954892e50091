package dev.dynamodouble.core.error;

/**
 * Input quoted back in an error message, cut to a bounded prefix: a 16 MB request must not become
 * a 16 MB error message (DynamoDB's messages quote at most a short prefix of what they refuse).
 */
public final class Echo {
  /** The most characters of one input an error message quotes. */
  public static final int MAX_CHARS = 256;
  /**
   * The most characters a quoted collection takes: DynamoDB lists every member of a short one (a
   * transaction's 101 actions), each member itself cut to {@link #MAX_CHARS}.
   */
  public static final int MAX_COLLECTION_CHARS = 16 * 1024;

  private Echo() {}

  /** {@code text} itself when short, else its first {@link #MAX_CHARS} characters and "...". */
  public static String of(String text) {
    if (text == null || text.length() <= MAX_CHARS) {
      return text;
    }
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return text.substring(0, end) + "...";
  }

  /** A collection's text, quoted the same way ({@code String.valueOf} of a huge set is huge too). */
  public static String of(Iterable<?> values) {
    StringBuilder text = new StringBuilder("[");
    boolean first = true;
    for (Object value : values) {
      if (text.length() >= MAX_COLLECTION_CHARS) {
        text.append(", ...");
        break;
      }
      text.append(first ? "" : ", ").append(of(String.valueOf(value)));
      first = false;
    }
    return text.append(']').toString();
  }
}
