package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;

/**
 * The note the capacity stage leaves on calls it cannot admit from the request alone: a Query
 * (its partition is known once the key condition is bound) and the PartiQL statements (their table
 * and key are known once planned). The operation asks it before it reads or writes anything; a
 * refusal is DynamoDB's throttle, thrown. Without the stage (enforcement off) there is no note.
 */
public interface CapacityAdmission {
  /** Admits one request on {@code table} (or its global secondary index {@code indexName}) or throws. */
  void admitRequest(Table table, String indexName, boolean write);

  /**
   * Admits the request's partition: {@code partition} of the table, or of global secondary index
   * {@code indexName} (null: the table's own partitions, local indexes included), or throws.
   */
  void admitPartition(Table table, String indexName, AttributeValue partition, boolean write);

  /**
   * Admits the global-secondary-index partitions a single-item write goes to (those of the
   * {@code Item} of a PutItem request, or of the item stored under the {@code Key} of an UpdateItem
   * or DeleteItem request: {@code keyField} names which), or throws. Nothing by default.
   */
  default void admitIndexPartitions(Table table, JsonRequest request, String keyField) {
  }

  /** Asks the call's admission, if it is metered, to admit a write's GSI partitions. */
  static void requireIndexPartitions(Call call, Table table, JsonRequest request, String keyField) {
    CapacityAdmission admission = call == null ? null : call.note(CapacityAdmission.class);
    if (admission != null && !table.globalIndexes().isEmpty()) {
      admission.admitIndexPartitions(table, request, keyField);
    }
  }

  /** Asks the call's admission, if it is metered, to admit a request. */
  static void requireRequest(Call call, Table table, String indexName, boolean write) {
    CapacityAdmission admission = call == null ? null : call.note(CapacityAdmission.class);
    if (admission != null) {
      admission.admitRequest(table, indexName, write);
    }
  }

  /** Asks the call's admission, if it is metered, to admit a partition. */
  static void requirePartition(Call call, Table table, String indexName, AttributeValue partition, boolean write) {
    CapacityAdmission admission = call == null ? null : call.note(CapacityAdmission.class);
    if (admission != null && partition != null) {
      admission.admitPartition(table, indexName, partition, write);
    }
  }
}
