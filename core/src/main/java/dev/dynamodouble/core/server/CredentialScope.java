package dev.dynamodouble.core.server;

/** Reads the region out of a SigV4 Authorization header's credential scope. */
final class CredentialScope {
  private CredentialScope() {}

  /** The region of {@code Credential=AKID/date/REGION/service/aws4_request}, or null. */
  static String region(String authorization) {
    if (authorization == null) {
      return null;
    }
    int start = authorization.indexOf("Credential=");
    if (start < 0) {
      return null;
    }
    int end = authorization.indexOf(',', start);
    String credential = authorization.substring(start + 11, end < 0 ? authorization.length() : end).trim();
    String[] parts = credential.split("/");
    return parts.length >= 5 && !parts[2].isEmpty() ? parts[2] : null;
  }
}
