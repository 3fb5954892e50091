package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.auth.Identity;

/**
 * What the cluster knows of one client connection when auth is on: who its last authorization
 * request proved to be, or why it proved nobody. A DAX client authorizes a connection before its
 * first request and again every few minutes, on the same connection, without waiting for an answer.
 */
final class DaxConnection {
  private volatile Identity identity;
  private volatile DaxError refusal;
  private volatile String sourceIp;

  /** The client's address (aws:SourceIp), once the connection is up. */
  void sourceIp(String address) {
    sourceIp = address;
  }

  String sourceIp() {
    return sourceIp;
  }

  void authenticated(Identity who) {
    identity = who;
    refusal = null;
  }

  void refused(DaxError why) {
    identity = null;
    refusal = why;
  }

  /** The connection's identity; the reason it has none, thrown, when it has none. */
  Identity identity() {
    Identity who = identity;
    if (who != null) {
      return who;
    }
    DaxError why = refusal;
    throw why != null ? why : DaxError.authentication("MissingAuthenticationTokenException",
        "Request is missing Authentication Token");
  }
}
