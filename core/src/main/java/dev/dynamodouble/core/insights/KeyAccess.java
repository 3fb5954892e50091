package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;

/**
 * The note Contributor Insights leaves on the calls whose keys the request alone does not tell: a
 * Scan reports each item it reads, a PartiQL statement reports the item request it became once it
 * succeeded or was throttled. Without insights enabled anywhere there is no note and reporting costs
 * a map lookup.
 */
public interface KeyAccess {
  /** Whether a Scan of {@code table} (or of its index {@code indexName}) counts the items it reads: asked once per Scan. */
  boolean counts(Table table, String indexName);

  /** Counts one item a Scan read from {@code table} or from its index {@code indexName} (null: the table). */
  void read(Table table, String indexName, StoredItem item);

  /** Counts an item request ({@code operation}: GetItem, PutItem, Query, TransactWriteItems ...) run inside this call, which succeeded. */
  void succeeded(Call call, String operation, JsonRequest request);

  /** Counts an item request run inside this call that failed with {@code error}, if that is a throttle. */
  void failed(Call call, String operation, JsonRequest request, DynamoException error);

  /** The call's note, or null when nothing is counted. */
  static KeyAccess of(Call call) {
    return call == null ? null : call.note(KeyAccess.class);
  }
}
