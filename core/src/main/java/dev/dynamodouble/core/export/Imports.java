package dev.dynamodouble.core.export;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.operation.TableLifecycle;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ImportTable's service: every import of the engine, by ARN, in the order they were asked for. The
 * new table is CREATING while its import is IN_PROGRESS; after the engine's status delay a task on
 * the clock reads the S3 objects (outside the write lock), then commits the contents as one change
 * and makes the table ACTIVE and the import COMPLETED. An import that finds no bucket or no object
 * FAILED, and its table is removed. Imports consume no capacity.
 */
public final class Imports {
  /** Concurrent imports per account before LimitExceededException (DynamoDB's quota). */
  static final int MAX_IN_PROGRESS = 50;
  /** How long a ClientToken identifies its import. */
  static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
  private static final Logger LOG = LoggerFactory.getLogger(Imports.class);

  private final Engine engine;
  private final DataTransfers.S3Access s3;
  private Map<String, Import> byArn = new LinkedHashMap<>();
  private long sequence;

  Imports(Engine engine, DataTransfers.S3Access s3) {
    this.engine = engine;
    this.s3 = s3;
  }

  /** Refuses the operation when no S3 stand-in is configured. */
  public void requireS3(String operation) {
    s3.require(operation);
  }

  /**
   * The import a request with the same ClientToken started in the last 8 hours, or null; an
   * ImportConflictException when that import asked something else. Call under the write lock.
   */
  public synchronized Import sameToken(ImportRequest asked) {
    Instant now = engine.clock().now();
    for (Import existing : byArn.values()) {
      if (asked.clientToken() != null && asked.clientToken().equals(existing.request().clientToken())
          && !existing.startTime().plus(TOKEN_LIFETIME).isBefore(now)) {
        if (!existing.request().sameAs(asked)) {
          throw new DynamoException(ErrorCode.IMPORT_CONFLICT, "There was a conflict when importing from the "
              + "specified S3 source: ClientToken '" + asked.clientToken() + "' was used by import " + existing.arn()
              + " with other parameters");
        }
        return existing;
      }
    }
    return null;
  }

  /** Refuses a new import beyond the concurrency quota (before its table is created). */
  public synchronized void requireRoom(String region) {
    int n = 0;
    for (Import existing : byArn.values()) {
      if (existing.region().equals(region) && Import.IN_PROGRESS.equals(existing.status())) {
        n++;
      }
    }
    if (n >= MAX_IN_PROGRESS) {
      throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Too many imports in progress: at most " + MAX_IN_PROGRESS
          + " can run at once");
    }
  }

  /** Starts importing into {@code table}, just created CREATING (call under the write lock). */
  public Import start(Table table, ImportRequest request) {
    S3Directory dir = s3.require("ImportTable");
    Instant now = engine.clock().now();
    String arn = table.arn() + "/import/" + importId(table.arn(), now);
    Import started = new Import(arn, table.region(), table.arn(), table.id(), request, now, Import.IN_PROGRESS, null,
        0, 0, 0, 0, null, null, List.of());
    synchronized (this) {
      byArn.put(arn, started);
    }
    engine.clock().scheduleAfter(engine.options().statusDelay(), () -> run(dir, started, table));
    return started;
  }

  private void run(S3Directory dir, Import started, Table table) {
    synchronized (this) {
      if (byArn.get(started.arn()) != started) {
        return; // a reset dropped it
      }
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
      synchronized (this) {
        if (byArn.get(started.arn()) != started) {
          return;
        }
        boolean present = engine.region(table.region()).find(table.name()) == table
            && table.status() == TableStatus.CREATING;
        if (failureCode != null || !present) {
          byArn.put(started.arn(), started.finished(Import.FAILED, end, reader.counts(),
              failureCode != null ? failureCode : "TableNotFound",
              failureMessage != null ? failureMessage : "The table was deleted during the import"));
          if (present) {
            engine.region(table.region()).remove(table);
          }
          return;
        }
        engine.feed().replace(table, reader.data(), end, Origin.RESTORE);
        TableLifecycle.activate(engine, table);
        byArn.put(started.arn(), started.finished(Import.COMPLETED, end, reader.counts(), null, null));
      }
    });
  }

  /** The import of that ARN, or ImportNotFoundException. */
  public synchronized Import describe(String arn) {
    s3.require("DescribeImport");
    Import found = byArn.get(arn);
    if (found == null) {
      throw new DynamoException(ErrorCode.IMPORT_NOT_FOUND, "Import not found: " + arn);
    }
    return found;
  }

  /** The first error messages of an import (DynamoDB writes them to CloudWatch Logs). */
  public synchronized List<String> errors(String arn) {
    Import found = byArn.get(arn);
    return found == null ? List.of() : found.errors();
  }

  /**
   * A page of the region's imports (into one table when {@code tableArn} is given), in the order
   * they were asked for, after {@code after} (an earlier page's last ARN): at most {@code limit},
   * plus one more when there is a next page.
   */
  public synchronized List<Import> list(String region, String tableArn, String after, int limit) {
    s3.require("ListImports");
    if (after != null && !byArn.containsKey(after)) {
      throw DynamoException.validation("Invalid NextToken");
    }
    List<Import> page = new ArrayList<>();
    boolean started = after == null;
    for (Import each : byArn.values()) {
      if (!started) {
        started = each.arn().equals(after);
        continue;
      }
      if (each.region().equals(region) && (tableArn == null || each.tableArn().equals(tableArn))) {
        page.add(each);
        if (page.size() > limit) {
          break;
        }
      }
    }
    return page;
  }

  private String importId(String tableArn, Instant now) {
    long n = ++sequence;
    String hash = UUID.nameUUIDFromBytes((tableArn + "/import/" + now + "/" + n).getBytes(StandardCharsets.UTF_8))
        .toString().substring(0, 8);
    return String.format("%014d", now.toEpochMilli()) + "-" + hash;
  }

  synchronized Object capture() {
    return new LinkedHashMap<>(byArn);
  }

  @SuppressWarnings("unchecked")
  synchronized void restore(Object state) {
    byArn = new LinkedHashMap<>((Map<String, Import>) state);
  }
}
