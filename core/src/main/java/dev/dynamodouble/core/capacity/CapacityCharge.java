package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;

/**
 * The note the capacity stage leaves on a metered call: operations report what they consumed
 * through it (the same units they return as ConsumedCapacity), including what a failed
 * conditional write still consumes. Without the stage (enforcement off) there is no note and
 * reporting costs a map lookup.
 */
@FunctionalInterface
public interface CapacityCharge {
  /**
   * Charges {@code consumed} to the table, its global secondary indexes (their units) and, when
   * {@code partition} is given, that partition (the table's and local indexes' units).
   */
  void charge(Table table, AttributeValue partition, ConsumedCapacity consumed);

  /** Reports what one request (or one item of a batch) consumed, if the call is metered. */
  static void record(Call call, Table table, AttributeValue partition, ConsumedCapacity consumed) {
    CapacityCharge charge = call == null ? null : call.note(CapacityCharge.class);
    if (charge != null) {
      charge.charge(table, partition, consumed);
    }
  }
}
