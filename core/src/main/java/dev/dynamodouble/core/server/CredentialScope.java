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
