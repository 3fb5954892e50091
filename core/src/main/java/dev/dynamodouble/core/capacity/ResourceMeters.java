package dev.dynamodouble.core.capacity;

/** The read and write meters of one table or one global secondary index. */
final class ResourceMeters {
  final String name;
  final String arn;
  final boolean index;
  final Meter read = new Meter();
  final Meter write = new Meter();

  ResourceMeters(String name, String arn, boolean index) {
    this.name = name;
    this.arn = arn;
    this.index = index;
  }

  Meter meter(boolean writes) {
    return writes ? write : read;
  }

  /** DynamoDB's ThrottlingReason {@code reason}, e.g. TableWriteProvisionedThroughputExceeded. */
  String reason(boolean writes, Limit limit) {
    return (index ? "Index" : "Table") + (writes ? "Write" : "Read") + limit.wireName();
  }

  ThroughputUsage usage(long nowNanos) {
    return new ThroughputUsage(name, read.remaining(nowNanos), write.remaining(nowNanos), read.admittedCount(),
        write.admittedCount(), read.throttledCount(), write.throttledCount(), read.consumed(), write.consumed());
  }

  void reset(long nowNanos) {
    read.reset(nowNanos);
    write.reset(nowNanos);
  }
}
