package dev.dynamodouble.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may use the control API of an endpoint with auth: it moves the clock, injects faults and
 * resets every table, so an endpoint that verifies signatures does not leave it open. With a
 * control token, a request must send {@code Authorization: Bearer <token>}; without one, the
 * control API is closed.
 */
public final class ControlAccess {
  /** Why a control request is refused: the HTTP status and a message saying what to do. */
  public record Refusal(int status, String message) {}

  private static final String BEARER = "Bearer ";
  private static final Refusal CLOSED = new Refusal(403, "the control API of an endpoint with auth is closed: "
      + "set \"controlToken\" in the auth file and send Authorization: Bearer <token>");
  private static final Refusal NO_TOKEN = new Refusal(401,
      "the control API of this endpoint needs Authorization: Bearer <controlToken>");
  private static final Refusal WRONG_TOKEN = new Refusal(401, "the bearer token is not this endpoint's control token");

  private final byte[] token;

  private ControlAccess(byte[] token) {
    this.token = token;
  }

  /** Access with {@code token}, or a closed control API when it is null. */
  public static ControlAccess of(String token) {
    return new ControlAccess(token == null ? null : token.getBytes(StandardCharsets.UTF_8));
  }

  /** Null when a request with this Authorization header (or null) may use the control API. */
  public Refusal check(String authorization) {
    if (token == null) {
      return CLOSED;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return NO_TOKEN;
    }
    byte[] sent = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(sent, token) ? null : WRONG_TOKEN; // time independent of where they differ
  }
}
