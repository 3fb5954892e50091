package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.RequestStage;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;

/**
 * The capacity step of the pipeline. A single-item request or a Query/Scan starts only while the
 * buckets it draws on are positive (otherwise it is throttled with DynamoDB's error); batches and
 * transactions get a per-item {@link BatchAdmission}. Every metered call carries a
 * {@link CapacityCharge} note through which the operation pays what it really consumed, so a
 * bucket may go briefly into debt, as DynamoDB's do.
 *
 * <p>A request this stage cannot make sense of (no such table, a malformed key) passes unmetered:
 * the operation answers it with the proper error.
 */
final class CapacityStage implements RequestStage {
  private final CapacityEnforcement service;
  private final CapacityCharge charge;

  CapacityStage(CapacityEnforcement service) {
    this.service = service;
    this.charge = this::charge;
  }

  @Override
  public void before(Call call) {
    if (!service.enabled() || call.api() != Call.Api.DYNAMODB) {
      return;
    }
    switch (call.operation()) {
      case "GetItem" -> single(call, false, "Key");
      case "PutItem" -> single(call, true, "Item");
      case "UpdateItem", "DeleteItem" -> single(call, true, "Key");
      case "Query" -> {
        if (read(call)) {
          call.note(CapacityAdmission.class, partitionsOnly); // the request itself is admitted
        }
      }
      case "Scan" -> read(call);
      case "ExecuteStatement", "BatchExecuteStatement" -> {
        call.note(CapacityAdmission.class, statements);
        call.note(CapacityCharge.class, charge);
      }
      case "BatchGetItem", "TransactGetItems", "BatchWriteItem", "TransactWriteItems", "ExecuteTransaction" -> items(call);
      default -> { }
    }
  }

  @Override
  public JsonWritable after(Call call, JsonWritable response) {
    BatchAdmission admission = call.note(BatchAdmission.class);
    if (admission != null && admission.refusedEverything() && call.operation().startsWith("Batch")) {
      throw Throttles.batch(admission.reasons()); // nothing could be processed: the batch itself is throttled
    }
    return response;
  }

  private void single(Call call, boolean write, String keyField) {
    Table table = meteredTable(call, call.request());
    if (table == null) {
      return;
    }
    long now = service.nanos();
    TableMeters meters = service.meters(table, now);
    Meter tableMeter = admitRequest(table, meters, null, write, now); // counted admitted from here on
    AttributeValue partition = partitionOf(table, call.request(), keyField);
    ResourceMeters partitionMeters = partition == null ? null : meters.partitions.of(partition, now);
    if (partitionMeters != null && !partitionMeters.meter(write).positive(now)) {
      tableMeter.revoke(true);
      throw Throttles.of(meters.table, write, Limit.KEY_RANGE, onDemand(table));
    }
    if (write && !table.globalIndexes().isEmpty()) {
      IndexPartitionAdmission.admit(table, meters, call.request(), keyField, now, tableMeter);
    }
    call.note(CapacityCharge.class, new SingleItemCharge(table, meters, partition, partitionMeters, now));
  }

  /**
   * Throws DynamoDB's throttle unless the bucket of the table (or of its GSI {@code indexName}) is
   * positive, and for a write every GSI's write bucket too (a GSI out of write capacity holds back
   * its base table's writes). Returns the meter the request is counted on, which has counted it
   * admitted (a later refusal {@linkplain Meter#revoke revokes} that).
   */
  private static Meter admitRequest(Table table, TableMeters meters, String indexName, boolean write, long now) {
    ResourceMeters resource = indexName == null || meters.index(indexName) == null ? meters.table : meters.index(indexName);
    Meter meter = resource.meter(write);
    if (!meter.admit(now)) {
      meter.throttled();
      throw Throttles.of(resource, write, meter.limit(), onDemand(table));
    }
    if (write && meters.hasIndexes()) {
      for (ResourceMeters index : meters.indexes()) {
        if (!index.write.positive(now)) {
          meter.revoke(false);
          index.write.throttled();
          throw Throttles.of(index, true, index.write.limit(), onDemand(table));
        }
      }
    }
    return meter;
  }

  /** Throws the key-range throttle unless the partition of {@code partition} (table's, or GSI's) has capacity left. */
  private static void admitPartition(Table table, TableMeters meters, String indexName, AttributeValue partition,
                                     boolean write, long now) {
    ResourceMeters resource = indexName == null ? null : meters.index(indexName);
    if (resource == null) {
      resource = meters.table;
      indexName = null;
    }
    if (!meters.partitions(indexName).of(partition, now).meter(write).positive(now)) {
      resource.meter(write).throttled();
      throw Throttles.of(resource, write, Limit.KEY_RANGE, onDemand(table));
    }
  }

  static boolean onDemand(Table table) {
    return table.billingMode() == BillingMode.PAY_PER_REQUEST;
  }

  /** A Query's partition, once the operation knows it: the request itself was admitted before it. */
  private final CapacityAdmission partitionsOnly = new CapacityAdmission() {
    @Override
    public void admitRequest(Table table, String indexName, boolean write) {
    }

    @Override
    public void admitPartition(Table table, String indexName, AttributeValue partition, boolean write) {
      if (service.metered(table)) {
        long now = service.nanos();
        CapacityStage.admitPartition(table, service.meters(table, now), indexName, partition, write, now);
      }
    }
  };

  /** PartiQL statements: each planned statement is admitted as the operation it becomes. */
  private final CapacityAdmission statements = new CapacityAdmission() {
    @Override
    public void admitRequest(Table table, String indexName, boolean write) {
      if (service.metered(table)) {
        long now = service.nanos();
        CapacityStage.admitRequest(table, service.meters(table, now), indexName, write, now);
      }
    }

    @Override
    public void admitPartition(Table table, String indexName, AttributeValue partition, boolean write) {
      partitionsOnly.admitPartition(table, indexName, partition, write);
    }

    @Override
    public void admitIndexPartitions(Table table, JsonRequest request, String keyField) {
      if (service.metered(table)) {
        long now = service.nanos();
        TableMeters meters = service.meters(table, now);
        IndexPartitionAdmission.admit(table, meters, request, keyField, now, meters.table.write);
      }
    }
  };

  /**
   * The charge of a single-item request: the meters the admission looked up are paid directly
   * (one clock read and no second lookup per request); anything else takes the general path.
   * They are synced first: a capacity reset or a billing-mode switch since the admission replaced
   * buckets (a switch makes new ones, a reset forgets partitions), and the charge belongs to the
   * buckets current now, not to the ones the request was admitted on.
   */
  private final class SingleItemCharge implements CapacityCharge {
    private final Table table;
    private final TableMeters meters;
    private final AttributeValue partition;
    private final ResourceMeters partitionMeters;
    private final long now;

    SingleItemCharge(Table table, TableMeters meters, AttributeValue partition, ResourceMeters partitionMeters,
                     long now) {
      this.table = table;
      this.meters = meters;
      this.partition = partition;
      this.partitionMeters = partitionMeters;
      this.now = now;
    }

    @Override
    public void charge(Table charged, AttributeValue chargedPartition, ConsumedCapacity consumed) {
      if (charged != table || partitionMeters == null || !partition.equals(chargedPartition)) {
        CapacityStage.this.charge(charged, chargedPartition, consumed);
        return;
      }
      service.sync(table, meters, now);
      pay(meters, partition, partitionMeters, consumed, now);
    }
  }

  /** Admits a Query or Scan on its table or GSI; whether it is metered. */
  private boolean read(Call call) {
    Table table = meteredTable(call, call.request());
    if (table == null) {
      return false;
    }
    long now = service.nanos();
    admitRequest(table, service.meters(table, now), stringOrNull(call.request(), "IndexName"), false, now);
    call.note(CapacityCharge.class, charge);
    return true;
  }

  private void items(Call call) {
    BatchAdmission admission = new BatchAdmission(service);
    call.addAdmission(admission);
    call.note(BatchAdmission.class, admission);
    call.note(CapacityCharge.class, charge);
  }

  /** Pays what an operation consumed (see {@link CapacityCharge}). */
  private void charge(Table table, AttributeValue partition, ConsumedCapacity consumed) {
    if (!service.metered(table)) {
      return;
    }
    long now = service.nanos();
    TableMeters meters = service.meters(table, now);
    pay(meters, partition, partition == null ? null : meters.partitions.of(partition, now), consumed, now);
  }

  /** {@code partitionMeters}: the meters of the table's partition {@code partition} as looked up (null: none). */
  private static void pay(TableMeters meters, AttributeValue partition, ResourceMeters partitionMeters,
                          ConsumedCapacity consumed, long now) {
    double read = consumed.baseRead();
    double write = consumed.baseWrite();
    meters.table.read.charge(read, now);
    meters.table.write.charge(write, now);
    if (!consumed.globalIndexUnits().isEmpty()) {
      consumed.globalIndexUnits().forEach((name, units) -> {
        ResourceMeters index = meters.index(name);
        if (index != null) {
          index.read.charge(units[0], now);
          index.write.charge(units[1], now);
        }
      });
    }
    if (partitionMeters != null) {
      meters.partitions.charge(partitionMeters, partition, read, write, now);
    }
    if (consumed.indexPartitionUnits().isEmpty()) {
      return;
    }
    for (ConsumedCapacity.IndexPartitionUnits units : consumed.indexPartitionUnits()) {
      if (meters.index(units.index()) != null) {
        PartitionMeters partitions = meters.partitions(units.index());
        partitions.charge(partitions.of(units.partition(), now), units.partition(), units.read(), units.write(), now);
      }
    }
  }

  private Table meteredTable(Call call, JsonRequest request) {
    String name = stringOrNull(request, "TableName");
    Table table = name == null ? null : call.catalog().find(name);
    return table == null || !table.status().servesItems() || !service.metered(table) ? null : table;
  }

  private static String stringOrNull(JsonRequest request, String field) {
    try {
      return request.string(field);
    } catch (RuntimeException malformed) {
      return null;
    }
  }

  private static AttributeValue partitionOf(Table table, JsonRequest request, String field) {
    try {
      JsonRequest key = request.structure(field);
      return key == null ? null : key.value(table.keySchema().partition().name());
    } catch (RuntimeException malformed) {
      return null;
    }
  }
}
