package dev.dynamodouble.core.export;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.operation.TableLifecycle;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ImportTable's service: every import of the engine, by ARN, in the order they were asked for. The
 * new table is CREATING while its import is IN_PROGRESS; after the engine's status delay a task on
 * the clock reads the S3 objects (outside the write lock), then commits the contents as one change
 * and makes the table ACTIVE and the import COMPLETED. An import that finds no bucket or no object
 * FAILED, and its table is removed. Imports consume no capacity.
 */
public final class Imports extends TransferService<Import> {
  /** Concurrent imports per account before LimitExceededException (DynamoDB's quota). */
  static final int MAX_IN_PROGRESS = 50;
  private static final Logger LOG = LoggerFactory.getLogger(Imports.class);

  Imports(Engine engine, DataTransfers.S3Access s3) {
    super(engine, s3, "Import", ErrorCode.IMPORT_NOT_FOUND, MAX_IN_PROGRESS);
  }

  /**
   * The import a request with the same ClientToken started in the last 8 hours, or null; an
   * ImportConflictException when that import asked something else. Call under the write lock.
   */
  public Import sameToken(ImportRequest asked) {
    Import existing = log.withToken(asked.clientToken(), engine.clock().now());
    if (existing != null && !existing.request().sameAs(asked)) {
      throw new DynamoException(ErrorCode.IMPORT_CONFLICT, "There was a conflict when importing from the "
          + "specified S3 source: ClientToken '" + asked.clientToken() + "' was used by import " + existing.arn()
          + " with other parameters");
    }
    return existing;
  }

  /** Starts importing into {@code table}, just created CREATING (call under the write lock). */
  public Import start(Table table, ImportRequest request) {
    S3Directory dir = s3.require("ImportTable");
    Instant now = engine.clock().now();
    String arn = log.newArn(table.arn(), "import", now);
    Import started = new Import(arn, table.region(), table.arn(), table.id(), request, now, Import.IN_PROGRESS, null,
        0, 0, 0, 0, null, null, List.of());
    log.put(started);
    engine.clock().scheduleAfter(engine.options().statusDelay(), () -> run(dir, started, table));
    return started;
  }

  private void run(S3Directory dir, Import started, Table table) {
    if (log.get(started.arn()) != started) {
      return; // a reset dropped it
    }
    ImportRequest request = started.request();
    Path bucket = dir.bucket(request.s3Bucket());
    ImportReader reader = new ImportReader(table, request, started.arn());
    String code = null;
    String message = null;
    if (bucket == null) {
      code = "S3NoSuchBucket";
      message = "The specified bucket does not exist: " + request.s3Bucket() + " (no directory "
          + dir.root().resolve(request.s3Bucket()) + ")";
    } else {
      try {
        List<String> keys = S3Directory.keys(bucket, request.keyPrefix() == null ? "" : request.keyPrefix());
        if (keys.isEmpty()) {
          code = "S3NoSuchKey";
          message = "No S3 object found in bucket " + request.s3Bucket() + " with the key prefix '"
              + (request.keyPrefix() == null ? "" : request.keyPrefix()) + "'";
        }
        for (String key : keys) {
          reader.read(key, S3Directory.file(bucket, key));
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn("Import {} failed", started.arn(), e);
        code = "S3ReadFailed";
        message = "Reading the import's objects from " + dir.root() + " failed: " + e;
      }
    }
    String failureCode = code;
    String failureMessage = message;
    engine.write(() -> {
      Instant end = engine.clock().now();
      boolean present = engine.isCurrent(table)
          && table.status() == TableStatus.CREATING;
      if (failureCode != null || !present) {
        if (log.replace(started, started.finished(Import.FAILED, end, reader.counts(),
            failureCode != null ? failureCode : "TableNotFound",
            failureMessage != null ? failureMessage : "The table was deleted during the import")) && present) {
          engine.region(table.region()).remove(table);
        }
        return;
      }
      if (log.replace(started, started.finished(Import.COMPLETED, end, reader.counts(), null, null))) {
        engine.feed().replace(table, reader.data(), end, Origin.RESTORE);
        TableLifecycle.activate(engine, table);
      }
    });
  }

  /** The first error messages of an import (DynamoDB writes them to CloudWatch Logs). */
  public List<String> errors(String arn) {
    Import found = log.get(arn);
    return found == null ? List.of() : found.errors();
  }

  /**
   * Puts back an import a data directory kept. One still IN_PROGRESS (the server stopped before it
   * finished) reads its objects again into its table, CREATING again meanwhile, or FAILED when the
   * table or the S3 stand-in is gone. Call under the engine's write lock, once the tables are back.
   */
  public void recovered(Import recovered) {
    log.recovered(recovered);
    if (!Import.IN_PROGRESS.equals(recovered.status())) {
      return;
    }
    Table table = engine.region(recovered.region()).find(recovered.tableArn());
    S3Directory dir = s3.find();
    if (table == null || !table.id().equals(recovered.tableId()) || dir == null) {
      log.replace(recovered, recovered.finished(Import.FAILED, engine.clock().now(), new ImportReader.Counts(0, 0, 0, 0,
          List.of()), "InternalServerError", "The import was interrupted by a restart of the server, and its table "
          + "or the S3 stand-in is gone"));
      return;
    }
    table.status(TableStatus.CREATING);
    engine.clock().scheduleAfter(engine.options().statusDelay(), () -> run(dir, recovered, table));
  }
}
