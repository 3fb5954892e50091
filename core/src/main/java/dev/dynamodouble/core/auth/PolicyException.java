package dev.dynamodouble.core.auth;

/** A policy document, credentials file or identity that cannot be used, and why. */
public final class PolicyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }
}
