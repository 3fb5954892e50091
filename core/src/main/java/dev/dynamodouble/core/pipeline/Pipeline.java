package dev.dynamodouble.core.pipeline;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonWritable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The stages every request passes before its operation, in a fixed order whatever the transport:
 * auth, then faults, then capacity. Services register their stage once; with none registered a
 * call costs one array read.
 */
public final class Pipeline {
  /** Where a stage stands in the chain. */
  public enum Order { AUTH, FAULTS, CAPACITY }

  private record Entry(Order order, RequestStage stage) {}

  private final List<Entry> entries = new ArrayList<>();
  private volatile RequestStage[] stages = new RequestStage[0];

  /** Adds a stage at its place in the chain (after any stage of the same order added before). */
  public synchronized void add(Order order, RequestStage stage) {
    entries.add(new Entry(order, stage));
    entries.sort(Comparator.comparing(Entry::order)); // stable: same order keeps insertion order
    stages = entries.stream().map(Entry::stage).toArray(RequestStage[]::new);
  }

  /** The first stage of {@code type}, or null. */
  public synchronized <T extends RequestStage> T find(Class<T> type) {
    for (Entry entry : entries) {
      if (type.isInstance(entry.stage())) {
        return type.cast(entry.stage());
      }
    }
    return null;
  }

  /**
   * Runs the stages, then {@code operation}, then the stages' after-steps in reverse order. When
   * any of them answers with an error, every stage is told (in reverse order) before it is rethrown.
   */
  public JsonWritable run(Call call, Supplier<JsonWritable> operation) {
    RequestStage[] chain = stages;
    try {
      for (RequestStage stage : chain) {
        stage.before(call);
      }
      JsonWritable response = operation.get();
      for (int i = chain.length - 1; i >= 0; i--) {
        response = chain[i].after(call, response);
      }
      return response;
    } catch (DynamoException error) {
      for (int i = chain.length - 1; i >= 0; i--) {
        chain[i].failed(call, error);
      }
      throw error;
    }
  }
}
