package dev.dynamodouble.core.auth;

import dev.dynamodouble.core.pipeline.RequestHead;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Verifies AWS Signature Version 4 on a request, in the Authorization-header form and the presigned
 * query form, against the engine clock (a 15-minute skew window), and returns the identity whose
 * key signed it. Signing keys are cached (see {@link SigningKeys}).
 */
final class SigV4Verifier {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String SERVICE = "dynamodb";
  private static final Duration SKEW = Duration.ofMinutes(15);
  private static final long MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final SigningKeys keys = new SigningKeys();
  private final Function<String, Identity> identities;
  private volatile Scope lastScope;

  SigV4Verifier(Function<String, Identity> identities) {
    this.identities = identities;
  }

  /** The identity that signed the request; a DynamoException when it is not properly signed. */
  Identity verify(RequestHead head, ByteBuffer payload, Instant now) {
    String authorization = head.header("Authorization");
    if (authorization != null) {
      return verifyHeader(head, authorization, payload, now);
    }
    List<Map.Entry<String, String>> query = Canonical.parameters(head.rawQuery());
    if (parameter(query, "X-Amz-Signature") != null || parameter(query, "X-Amz-Credential") != null) {
      return verifyQuery(head, query, payload, now);
    }
    throw AuthErrors.missingToken();
  }

  private Identity verifyHeader(RequestHead head, String authorization, ByteBuffer payload, Instant now) {
    String trimmed = authorization.trim();
    int space = trimmed.indexOf(' ');
    String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    int at = space + 1;
    while (space > 0 && at < trimmed.length()) {
      int comma = trimmed.indexOf(',', at);
      int end = comma < 0 ? trimmed.length() : comma;
      String p = trimmed.substring(at, end).trim();
      at = end + 1;
      if (p.startsWith("Credential=")) {
        credential = p.substring(11);
      } else if (p.startsWith("SignedHeaders=")) {
        signedHeaders = p.substring(14);
      } else if (p.startsWith("Signature=")) {
        signature = p.substring(10);
      }
    }
    String amzDate = head.header("X-Amz-Date");
    String date = head.header("Date");
    StringBuilder missing = new StringBuilder();
    if (credential == null) {
      missing.append("Authorization header requires 'Credential' parameter. ");
    }
    if (signature == null) {
      missing.append("Authorization header requires 'Signature' parameter. ");
    }
    if (signedHeaders == null) {
      missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    }
    if (amzDate == null && date == null) {
      missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (missing.length() > 0) {
      throw AuthErrors.incomplete(missing + "Authorization=" + trimmed);
    }
    if (!algorithm.equals(ALGORITHM)) {
      throw AuthErrors.incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'");
    }
    Instant signedAt = amzDate != null ? amzDate(amzDate) : httpDate(date);
    String requestDate = amzDate != null ? amzDate : AMZ_DATE.format(signedAt);
    Scope scope = scope(credential, requestDate);
    Identity identity = identify(scope.accessKey(), head.header("X-Amz-Security-Token"));
    checkSkew(signedAt, now);
    String canonicalQuery = Canonical.query(Canonical.parameters(head.rawQuery()), null);
    String expected = signature(identity, scope, requestDate, head, canonicalQuery, signedHeaders,
        payloadHash(head, payload));
    if (!same(expected, signature)) {
      throw AuthErrors.signatureMismatch();
    }
    return identity;
  }

  private Identity verifyQuery(RequestHead head, List<Map.Entry<String, String>> query, ByteBuffer payload,
                               Instant now) {
    String algorithm = parameter(query, "X-Amz-Algorithm");
    String credential = parameter(query, "X-Amz-Credential");
    String requestDate = parameter(query, "X-Amz-Date");
    String signedHeaders = parameter(query, "X-Amz-SignedHeaders");
    String signature = parameter(query, "X-Amz-Signature");
    String expires = parameter(query, "X-Amz-Expires");
    if (algorithm == null || credential == null || requestDate == null || signedHeaders == null || signature == null) {
      throw AuthErrors.incomplete("AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', "
          + "'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'. Re-examine the query-string parameters.");
    }
    if (!algorithm.equals(ALGORITHM)) {
      throw AuthErrors.incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'");
    }
    Instant signedAt = amzDate(requestDate);
    Scope scope = Scope.parse(credential, requestDate);
    String token = parameter(query, "X-Amz-Security-Token");
    Identity identity = identify(scope.accessKey(), token != null ? token : head.header("X-Amz-Security-Token"));
    long seconds = expires == null ? SKEW.toSeconds() : seconds(expires);
    if (now.isAfter(signedAt.plusSeconds(seconds))) {
      throw AuthErrors.invalidSignature("Signature expired: " + requestDate + " is now earlier than "
          + AMZ_DATE.format(now.minusSeconds(seconds)) + " (" + AMZ_DATE.format(now) + " - " + seconds + " sec.)");
    }
    if (signedAt.isAfter(now.plus(SKEW))) {
      checkSkew(signedAt, now);
    }
    String canonicalQuery = Canonical.query(query, "X-Amz-Signature");
    // A presigned request's payload is either hashed or left unsigned, depending on the signer.
    String expected = signature(identity, scope, requestDate, head, canonicalQuery, signedHeaders,
        payloadHash(head, payload));
    if (!same(expected, signature)) {
      String unsigned = signature(identity, scope, requestDate, head, canonicalQuery, signedHeaders, "UNSIGNED-PAYLOAD");
      if (!same(unsigned, signature)) {
        throw AuthErrors.signatureMismatch();
      }
    }
    return identity;
  }

  /** The scope of a credential, parsed once for a run of requests with the same one (the usual case). */
  private Scope scope(String credential, String requestDate) {
    Scope last = lastScope;
    if (last != null && last.credential().equals(credential) && requestDate.startsWith(last.date())) {
      return last;
    }
    Scope parsed = Scope.parse(credential, requestDate);
    lastScope = parsed;
    return parsed;
  }

  private Identity identify(String accessKey, String sessionToken) {
    Identity identity = identities.apply(accessKey);
    if (identity == null || !java.util.Objects.equals(identity.sessionToken(), sessionToken)) {
      throw AuthErrors.unrecognizedClient();
    }
    return identity;
  }

  private static void checkSkew(Instant signedAt, Instant now) {
    if (signedAt.isBefore(now.minus(SKEW))) {
      throw AuthErrors.invalidSignature("Signature expired: " + AMZ_DATE.format(signedAt) + " is now earlier than "
          + AMZ_DATE.format(now.minus(SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
    }
    if (signedAt.isAfter(now.plus(SKEW))) {
      throw AuthErrors.invalidSignature("Signature not yet current: " + AMZ_DATE.format(signedAt)
          + " is still later than " + AMZ_DATE.format(now.plus(SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
    }
  }

  private String signature(Identity identity, Scope scope, String requestDate, RequestHead head,
                           String canonicalQuery, String signedHeaders, String payloadHash) {
    StringBuilder canonical = new StringBuilder(256);
    canonical.append(head.method()).append('\n')
        .append(Canonical.uri(head.rawPath())).append('\n')
        .append(canonicalQuery).append('\n');
    for (int at = 0; at < signedHeaders.length(); ) {
      int semicolon = signedHeaders.indexOf(';', at);
      int end = semicolon < 0 ? signedHeaders.length() : semicolon;
      String name = signedHeaders.substring(at, end);
      canonical.append(name).append(':').append(Canonical.headerValue(head.headers(name))).append('\n');
      at = end + 1;
    }
    canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
    String stringToSign = ALGORITHM + '\n' + requestDate + '\n' + scope.text() + '\n'
        + Canonical.sha256Hex(canonical.toString());
    return Canonical.hex(keys.sign(identity.secretAccessKey(), scope.date(), scope.region(), scope.service(),
        stringToSign));
  }

  /**
   * The payload hash of the canonical request: always the body's own hash (a declared
   * x-amz-content-sha256 that does not match the body then fails the signature), except a declared
   * UNSIGNED-PAYLOAD.
   */
  private static String payloadHash(RequestHead head, ByteBuffer payload) {
    String declared = head.header("X-Amz-Content-Sha256");
    return "UNSIGNED-PAYLOAD".equals(declared) ? declared : Canonical.sha256Hex(payload);
  }

  /** Compares hex signatures in constant time (case-insensitively: some clients send upper case). */
  private static boolean same(String expected, String given) {
    if (expected.length() != given.length()) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < expected.length(); i++) {
      difference |= expected.charAt(i) ^ Character.toLowerCase(given.charAt(i));
    }
    return difference == 0;
  }

  private static String parameter(List<Map.Entry<String, String>> query, String name) {
    for (Map.Entry<String, String> p : query) {
      if (p.getKey().equals(name)) {
        return p.getValue();
      }
    }
    return null;
  }

  private static long seconds(String expires) {
    try {
      long seconds = Long.parseLong(expires);
      if (seconds >= 0 && seconds <= MAX_PRESIGNED_SECONDS) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw AuthErrors.incomplete("X-Amz-Expires must be a number of seconds from 0 to " + MAX_PRESIGNED_SECONDS
        + ", not '" + expires + "'");
  }

  /** Parses {@code yyyyMMdd'T'HHmmss'Z'} by hand: this runs on every request. */
  private static Instant amzDate(String text) {
    if (text.length() == 16 && text.charAt(8) == 'T' && text.charAt(15) == 'Z') {
      try {
        return LocalDateTime.of(digits(text, 0, 4), digits(text, 4, 6), digits(text, 6, 8), digits(text, 9, 11),
            digits(text, 11, 13), digits(text, 13, 15)).toInstant(ZoneOffset.UTC);
      } catch (java.time.DateTimeException | NumberFormatException e) {
        // answered below
      }
    }
    throw AuthErrors.incomplete("Date must be in ISO-8601 'basic format'. Got '" + text
        + "'. See http://en.wikipedia.org/wiki/ISO_8601");
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static Instant httpDate(String text) {
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw AuthErrors.incomplete("Date must be in RFC 1123 format. Got '" + text + "'");
    }
  }

  /** A credential scope: {@code AKID/yyyyMMdd/region/service/aws4_request}. */
  record Scope(String credential, String accessKey, String date, String region, String service) {
    String text() {
      return date + '/' + region + '/' + service + "/aws4_request";
    }

    static Scope parse(String credential, String requestDate) {
      String[] parts = slashSeparated(credential);
      if (parts.length != 5 || parts[0].isEmpty()) {
        throw AuthErrors.incomplete("Credential should be scoped to a valid region, not '"
            + (parts.length > 2 ? parts[2] : "") + "'. ");
      }
      if (!parts[4].equals("aws4_request")) {
        throw AuthErrors.invalidSignature("Credential should be scoped with a valid terminator: 'aws4_request', not '"
            + parts[4] + "'. ");
      }
      if (!parts[3].equals(SERVICE)) {
        throw AuthErrors.invalidSignature("Credential should be scoped to correct service: '" + SERVICE + "'. ");
      }
      if (!requestDate.startsWith(parts[1]) || parts[1].length() != 8) {
        throw AuthErrors.invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of "
            + "date from HTTP: '" + parts[1] + "' != '" + requestDate.substring(0, Math.min(8, requestDate.length()))
            + "', from '" + requestDate + "'.");
      }
      return new Scope(credential, parts[0], parts[1], parts[2], parts[3]);
    }

    /** Splits on '/', keeping empty parts (at most six, enough to tell a malformed scope). */
    private static String[] slashSeparated(String text) {
      String[] parts = new String[6];
      int count = 0;
      int at = 0;
      while (count < 6) {
        int slash = text.indexOf('/', at);
        parts[count++] = text.substring(at, slash < 0 ? text.length() : slash);
        if (slash < 0) {
          break;
        }
        at = slash + 1;
      }
      return java.util.Arrays.copyOf(parts, count);
    }
  }
}
