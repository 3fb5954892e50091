package dev.dynamodouble.junit5;

/** How the injected SDK clients reach the engine. */
public enum Transport {
  /** Not set here: the configuration parameter {@code dynamodouble.transport}, else {@link #IN_PROCESS}. */
  DEFAULT,
  /**
   * The SDK's serialized requests go straight to the engine, in process: no socket, no HTTP
   * server (it starts only if the test asks for the {@code URI} or calls {@code endpoint()}).
   * Everything above the transport is the SDK's own, as over HTTP.
   */
  IN_PROCESS,
  /** Over HTTP, through a socket to the endpoint's HTTP server, for tests that want the wire. */
  HTTP
}
