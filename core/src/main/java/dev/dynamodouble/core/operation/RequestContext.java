package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Instant;

/**
 * What an operation needs besides its request: the engine, the caller's region, and the call as
 * the pipeline's stages left it (their notes: a stale-read lag, throttled keys ...).
 */
public record RequestContext(Engine engine, Catalog catalog, String requestId, Call call) {
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
