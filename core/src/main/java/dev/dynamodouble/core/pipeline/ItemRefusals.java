package dev.dynamodouble.core.pipeline;

import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.Table;

/**
 * The note of a stage that wants to know which items of a batch or transaction the call's
 * {@link ItemAdmission}s refused (Contributor Insights counts them as throttled keys). Told once
 * per refused item, on the call's thread.
 */
@FunctionalInterface
public interface ItemRefusals {
  /**
   * The item {@code key} of {@code table} was refused; {@code forIndexWrites} when it was refused
   * because a global secondary index it writes to is out of write capacity.
   */
  void refused(Table table, ItemKey key, boolean forIndexWrites);
}
