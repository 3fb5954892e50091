package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Instant;

/** What an operation needs besides its request: the engine and the caller's region. */
public record RequestContext(Engine engine, Catalog catalog, String requestId) {
  public DynamoClock clock() {
    return engine.clock();
  }

  public Instant now() {
    return engine.clock().now();
  }

  public String region() {
    return catalog.region();
  }
}
