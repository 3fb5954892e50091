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

  /**
   * The state a read of {@code table} sees: the latest for a strongly consistent read, possibly an
   * older one for an eventually consistent read or a global secondary index read (see
   * {@link dev.dynamodouble.core.consistency.Consistency}).
   *
   * @param index the index read, or null
   */
  public dev.dynamodouble.core.table.TableData read(dev.dynamodouble.core.table.Table table, String index,
                                                    boolean consistent) {
    return engine.consistency().view(table, index, consistent,
        call == null ? null : call.note(dev.dynamodouble.core.consistency.LagNote.class));
  }
}
