package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.pipeline.ItemAdmission;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item-by-item admission of one batch or transaction: an item is served while the table's bucket
 * (a write: every GSI's too) and its partition's stay positive after one unit for each item
 * admitted before it in the same call, so a bucket holding five units serves five 1 KB writes of
 * a batch and leaves the rest unprocessed. A write that writes GSI entries is refused, too, when
 * an index partition it writes to is out of capacity (as a single-item write is). The real units
 * are charged afterwards.
 */
final class BatchAdmission implements ItemAdmission {
  private static final long ONE_UNIT = 1000; // milli-units

  private final CapacityEnforcement service;
  private final Map<Meter, long[]> reserved = new IdentityHashMap<>();
  private final List<Throttles.Reason> reasons = new ArrayList<>();
  private int admitted;
  private int refused;
  private boolean lastRefusedForIndexWrites;

  BatchAdmission(CapacityEnforcement service) {
    this.service = service;
  }

  @Override
  public boolean admit(Table table, ItemKey key, boolean write) {
    return admit(table, key, write, null);
  }

  @Override
  public boolean admitWrite(Table table, ItemKey key, StoredItem put) {
    if (!service.metered(table)) {
      return true;
    }
    StoredItem indexed = put;
    if (indexed == null && !table.globalIndexes().isEmpty()) {
      indexed = table.snapshot().get(key); // an update or delete writes the index entries of the stored item
    }
    return admit(table, key, true, indexed);
  }

  /** {@code indexed}: the item whose GSI partitions a write writes to, or null (none). */
  private boolean admit(Table table, ItemKey key, boolean write, StoredItem indexed) {
    if (!service.metered(table)) {
      return true;
    }
    long now = service.nanos();
    TableMeters meters = service.meters(table, now);
    Meter tableMeter = meters.table.meter(write);
    if (!fits(tableMeter, now)) {
      return refuse(tableMeter, meters.table, write, tableMeter.limit());
    }
    List<Meter> taken = new ArrayList<>(4);
    taken.add(tableMeter);
    if (write) {
      for (ResourceMeters index : meters.indexes()) {
        if (!fits(index.write, now)) {
          return refuse(index.write, index, true, index.write.limit());
        }
        taken.add(index.write);
      }
    }
    Meter partition = meters.partitions.of(key.partition(), now).meter(write);
    if (!fits(partition, now)) {
      return refuse(tableMeter, meters.table, write, Limit.KEY_RANGE);
    }
    taken.add(partition);
    if (indexed != null) {
      ResourceMeters full = IndexPartitions.firstRefused(table, meters, indexed.attributes()::get, now,
          indexPartition -> fits(indexPartition, now) && taken.add(indexPartition));
      if (full != null) {
        return refuse(tableMeter, full, true, Limit.KEY_RANGE);
      }
    }
    for (Meter meter : taken) {
      reserved.computeIfAbsent(meter, m -> new long[1])[0] += ONE_UNIT;
    }
    tableMeter.admitted();
    admitted++;
    return true;
  }

  /** Whether the call was refused every item it asked about. */
  boolean refusedEverything() {
    return admitted == 0 && refused > 0;
  }

  List<Throttles.Reason> reasons() {
    return reasons;
  }

  @Override
  public boolean refusedForIndexWrites() {
    return lastRefusedForIndexWrites;
  }

  private boolean fits(Meter meter, long now) {
    long[] taken = reserved.get(meter);
    return meter.positiveAfter(taken == null ? 0 : taken[0], now);
  }

  private boolean refuse(Meter counted, ResourceMeters resource, boolean write, Limit limit) {
    counted.throttled();
    refused++;
    lastRefusedForIndexWrites = resource.index && write;
    reasons.add(new Throttles.Reason(resource.reason(write, limit), resource.arn));
    return false;
  }
}
