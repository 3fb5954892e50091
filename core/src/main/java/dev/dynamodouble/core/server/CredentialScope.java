package dev.dynamodouble.core.server;

/** Reads the region out of a SigV4 Authorization header's credential scope. */
final class CredentialScope {
  private CredentialScope() {}

  /**
   * The region of the Authorization header's credential scope or, without one, of a presigned
   * request's {@code X-Amz-Credential} query parameter; null when neither names one.
   */
  static String region(String authorization, String uri) {
    if (authorization == null) {
      int query = uri.indexOf('?');
      int at = query < 0 ? -1 : uri.indexOf("X-Amz-Credential=", query);
      if (at < 0) {
        return null;
      }
      int end = uri.indexOf('&', at);
      String value = uri.substring(at + 17, end < 0 ? uri.length() : end);
      return region("Credential=" + java.net.URLDecoder.decode(value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
    }
    return region(authorization);
  }

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
    // AKID/date/REGION/service/aws4_request: the third of at least five '/'-separated parts, where
    // (as String.split counts them) trailing empty parts do not count.
    int first = credential.indexOf('/');
    int second = first < 0 ? -1 : credential.indexOf('/', first + 1);
    int third = second < 0 ? -1 : credential.indexOf('/', second + 1);
    int fourth = third < 0 ? -1 : credential.indexOf('/', third + 1);
    if (fourth < 0 || third == second + 1 || !hasNonSlashAfter(credential, fourth)) {
      return null;
    }
    return credential.substring(second + 1, third);
  }

  private static boolean hasNonSlashAfter(String text, int from) {
    for (int i = from + 1; i < text.length(); i++) {
      if (text.charAt(i) != '/') {
        return true;
      }
    }
    return false;
  }
}
