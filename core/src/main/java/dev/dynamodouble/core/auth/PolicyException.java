package dev.dynamodouble.core.auth;

/** A policy document, credentials file or identity that cannot be used, and why. */
public final class PolicyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }

  /** Reads a file and parses it; a failure of either names the file. */
  static <T> T parseFile(java.nio.file.Path file, String kind, java.util.function.Function<String, T> parser) {
    String text;
    try {
      text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new PolicyException(file + ": cannot read the " + kind + " file (" + e + ")");
    }
    try {
      return parser.apply(text);
    } catch (PolicyException e) {
      throw new PolicyException(file + ": " + e.getMessage());
    }
  }
}
