package dev.dynamodouble.core.fault;

import dev.dynamodouble.core.pipeline.ItemAdmission;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.Table;

/**
 * Refuses the items of one batch call that a rule leaves unprocessed: those with a chosen partition
 * key, and a share of the others spread evenly over the batch (0.5: every second item).
 */
final class UnprocessedItems implements ItemAdmission {
  private final FaultEffect.Unprocessed effect;
  private long seen;

  UnprocessedItems(FaultEffect.Unprocessed effect) {
    this.effect = effect;
  }

  @Override
  public boolean admit(Table table, ItemKey key, boolean write) {
    if (effect.keys().contains(dev.dynamodouble.core.pipeline.RequestKeys.text(key.partition()))) {
      return false;
    }
    long i = seen++;
    return Math.floor((i + 1) * effect.share()) == Math.floor(i * effect.share());
  }
}
