package dev.dynamodouble.core.export;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import java.util.List;
import java.util.Locale;

/**
 * What the export and the import services share: the log of their transfers, the S3 stand-in they
 * need, the concurrency quota, Describe/List and the engine snapshot of the log. {@code kind} names
 * the operations ({@code DescribeExport}, {@code ListExports}) and the messages.
 */
abstract class TransferService<T extends Transfer> {
  final Engine engine;
  final DataTransfers.S3Access s3;
  final TransferLog<T> log = new TransferLog<>();
  private final String kind;
  private final ErrorCode notFound;
  private final int maxInProgress;

  TransferService(Engine engine, DataTransfers.S3Access s3, String kind, ErrorCode notFound, int maxInProgress) {
    this.engine = engine;
    this.s3 = s3;
    this.kind = kind;
    this.notFound = notFound;
    this.maxInProgress = maxInProgress;
  }

  /** Refuses the operation when no S3 stand-in is configured. */
  public void requireS3(String operation) {
    s3.require(operation);
  }

  /** Refuses a new transfer in {@code region} beyond the concurrency quota (an import's before its table is created). */
  public void requireRoom(String region) {
    if (log.inProgress(region) >= maxInProgress) {
      throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Too many " + kind.toLowerCase(Locale.ROOT)
          + "s in progress: at most " + maxInProgress + " can run at once");
    }
  }

  /** The transfer of that ARN, or the kind's not-found exception. */
  public T describe(String arn) {
    s3.require("Describe" + kind);
    T found = log.get(arn);
    if (found == null) {
      throw new DynamoException(notFound, kind + " not found: " + arn);
    }
    return found;
  }

  /**
   * A page of the region's transfers (of one table when {@code tableArn} is given), in the order
   * they were asked for, after {@code after} (an earlier page's last ARN): at most {@code limit},
   * plus one more when there is a next page.
   */
  public List<T> list(String region, String tableArn, String after, int limit) {
    s3.require("List" + kind + "s");
    return log.page(region, tableArn, after, limit);
  }

  /** Every transfer, in the order they were asked for (a data directory's view). */
  public List<T> all() {
    return log.all();
  }

  /** A count that changes whenever a transfer is added or changes. */
  public long changes() {
    return log.changes();
  }

  Object capture() {
    return log.capture();
  }

  void restore(Object state) {
    log.restore(state);
  }
}
