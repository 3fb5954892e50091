package dev.dynamodouble.core.export;

import dev.dynamodouble.core.backup.PointInTimeRecovery;
import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.storage.Version;
import dev.dynamodouble.core.storage.VersionedRoot;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.table.TableStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ExportTableToPointInTime's service: every export of the engine, by ARN, in the order they were
 * asked for. An export takes the table's contents from the PITR history when it is asked for (an
 * O(1) reference to an immutable root), then writes the files in a task on the engine clock, after
 * the engine's status delay: IN_PROGRESS until then, COMPLETED (or FAILED) after.
 */
public final class Exports extends TransferService<Export> {
  /** Concurrent exports per account before LimitExceededException (DynamoDB's quota). */
  static final int MAX_IN_PROGRESS = 300;
  static final Duration MIN_INCREMENTAL = Duration.ofMinutes(15);
  static final Duration MAX_INCREMENTAL = Duration.ofHours(24);
  private static final Logger LOG = LoggerFactory.getLogger(Exports.class);

  Exports(Engine engine, DataTransfers.S3Access s3) {
    super(engine, s3, "Export", ErrorCode.EXPORT_NOT_FOUND, MAX_IN_PROGRESS);
  }

  /**
   * Starts an export of {@code table} (call under the engine's write lock): checks PITR and the
   * times against its window, applies ClientToken idempotency and the concurrency quota, and
   * schedules the writing.
   */
  public Export start(Catalog catalog, String tableName, ExportRequest asked) {
    S3Directory dir = s3.require("ExportTableToPointInTime");
    Table table = catalog.find(tableName);
    if (table == null || table.status() == TableStatus.CREATING || table.status() == TableStatus.DELETING) {
      throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + tableName);
    }
    Instant now = engine.clock().now();
    Export existing = log.withToken(asked.clientToken(), now);
    if (existing != null) {
      if (!existing.request().sameAs(asked, existing.tableArn(), table.arn())) {
        throw new DynamoException(ErrorCode.EXPORT_CONFLICT, "There was a conflict when writing to the specified S3 "
            + "bucket: ClientToken '" + asked.clientToken() + "' was used by export " + existing.arn()
            + " with other parameters");
      }
      return existing;
    }
    PointInTimeRecovery.Description window = engine.pointInTimeRecovery().describe(table);
    if (!window.enabled()) {
      throw new DynamoException(ErrorCode.POINT_IN_TIME_RECOVERY_UNAVAILABLE,
          "Point in time recovery is not enabled for table '" + table.name() + "'");
    }
    ExportRequest request = resolveTimes(asked, window, now);
    requireRoom(catalog.region());
    Source source = source(table, request);
    String arn = log.newArn(table.arn(), "export", now);
    Export export = new Export(arn, catalog.region(), table.arn(), table.id(), request, now, Export.IN_PROGRESS,
        null, null, 0, 0, null, null);
    log.put(export);
    engine.clock().scheduleAfter(engine.options().statusDelay(), () -> complete(dir, export, source));
    return export;
  }

  /** The times of the request checked against the PITR window, with their defaults filled in. */
  private static ExportRequest resolveTimes(ExportRequest asked, PointInTimeRecovery.Description window, Instant now) {
    Instant earliest = window.earliest();
    if (!asked.incremental()) {
      Instant at = asked.exportTime() == null ? now : asked.exportTime();
      if (at.isBefore(earliest) || at.isAfter(now)) {
        throw new DynamoException(ErrorCode.INVALID_EXPORT_TIME, "ExportTime '" + at.truncatedTo(ChronoUnit.SECONDS)
            + "' must be within EarliestRestorableDateTime '" + earliest + "' and the current time '"
            + now.truncatedTo(ChronoUnit.SECONDS) + "'");
      }
      return with(asked, at, null, null);
    }
    Instant from = asked.fromTime();
    Instant to = asked.toTime() == null ? now : asked.toTime();
    if (from.isBefore(earliest) || to.isAfter(now)) {
      throw new DynamoException(ErrorCode.INVALID_EXPORT_TIME, "The incremental export period from '" + from
          + "' to '" + to + "' must be within EarliestRestorableDateTime '" + earliest + "' and the current time '"
          + now.truncatedTo(ChronoUnit.SECONDS) + "'");
    }
    Duration period = Duration.between(from, to);
    if (period.compareTo(MIN_INCREMENTAL) < 0 || period.compareTo(MAX_INCREMENTAL) > 0) {
      throw new DynamoException(ErrorCode.INVALID_EXPORT_TIME, "The incremental export period from '" + from
          + "' to '" + to + "' must be at least 15 minutes and at most 24 hours long");
    }
    return with(asked, null, from, to);
  }

  private static ExportRequest with(ExportRequest r, Instant exportTime, Instant from, Instant to) {
    return new ExportRequest(r.clientToken(), r.s3Bucket(), r.s3BucketOwner(), r.s3Prefix(), r.sseAlgorithm(),
        r.kmsKeyId(), r.format(), r.type(), exportTime, from, to, r.incremental() ? r.viewType() : null);
  }

  /** The contents just before {@code t}: a change at {@code t} itself belongs to what comes after. */
  private static TableData dataAt(VersionedRoot<TableData> versions, Instant t) {
    Version<TableData> version = versions.asOf(t.minusNanos(1));
    return version == null ? null : version.root();
  }

  private static List<String> keyNames(Table table) {
    List<String> names = new ArrayList<>();
    for (KeyAttribute key : table.keySchema().attributes()) {
      names.add(key.name());
    }
    return names;
  }

  /** What an export writes: the contents (and, incremental, the contents before) and where to look up write times. */
  record Source(TableData before, TableData after, VersionedRoot<TableData> versions, List<String> keyNames) {}

  /** Writes the files and marks the export COMPLETED, or FAILED when the bucket is missing or a write fails. */
  private void complete(S3Directory dir, Export export, Source source) {
    if (log.get(export.arn()) != export) {
      return; // a reset dropped it
    }
    Path bucket = dir.bucket(export.request().s3Bucket());
    Instant end = engine.clock().now();
    Export done;
    if (bucket == null) {
      done = export.failed(end, "S3NoSuchBucket", "The specified bucket does not exist: "
          + export.request().s3Bucket() + " (no directory " + dir.root().resolve(export.request().s3Bucket()) + ")");
    } else {
      try {
        ExportWriter writer = new ExportWriter(bucket, export);
        writer.start();
        long billed = source.after() == null ? 0 : source.after().sizeBytes();
        if (export.request().incremental()) {
          IncrementalChanges.forEach(source, export.request().fromTime(), export.request().toTime(),
              change -> writer.change(change, "NEW_AND_OLD_IMAGES".equals(export.request().viewType())));
        } else if (source.after() != null) {
          for (var entry : source.after().items()) {
            writer.item(entry.getValue().attributes());
          }
        }
        ExportWriter.Written written = writer.finish(end, billed);
        done = export.completed(end, written.manifestKey(), written.itemCount(), billed);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Export {} failed", export.arn(), e);
        done = export.failed(end, "S3WriteFailed", "Writing the export to " + dir.root() + " failed: " + e);
      }
    }
    Export finished = done;
    engine.write(() -> log.replace(export, finished));
  }

  /** What the export of {@code table} reads: its contents at the request's times, from the PITR history. */
  private static Source source(Table table, ExportRequest request) {
    VersionedRoot<TableData> versions = table.versions();
    return request.incremental()
        ? new Source(dataAt(versions, request.fromTime()), dataAt(versions, request.toTime()), versions,
            keyNames(table))
        : new Source(null, dataAt(versions, request.exportTime().plusNanos(1)), versions, keyNames(table));
  }

  /**
   * Puts back an export a data directory kept. One still IN_PROGRESS (the server stopped before it
   * was written) is written again from its table's PITR history, or FAILED when that is gone.
   * Call under the engine's write lock, once the tables are back.
   */
  public void recovered(Export export) {
    log.recovered(export);
    if (!Export.IN_PROGRESS.equals(export.status())) {
      return;
    }
    Table table = engine.region(export.region()).find(export.tableArn());
    S3Directory dir = s3.find();
    if (table == null || !table.id().equals(export.tableId()) || dir == null
        || !engine.pointInTimeRecovery().describe(table).enabled()) {
      log.replace(export, export.failed(engine.clock().now(), "InternalServerError", "The export was interrupted "
          + "by a restart of the server, and its table, its point-in-time history or the S3 stand-in is gone"));
      return;
    }
    Source source = source(table, export.request());
    engine.clock().scheduleAfter(engine.options().statusDelay(), () -> complete(dir, export, source));
  }
}
