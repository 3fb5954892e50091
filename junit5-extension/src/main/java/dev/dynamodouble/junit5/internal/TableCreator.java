package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.fixture.FixtureFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates a declared table: CreateTable (with its StreamSpecification), then UpdateTimeToLive for a
 * TTL attribute, and the replicas. The CreateTable request is the SDK's own model, written as the
 * body the SDK would send and handed straight to the operation (with the member check every request
 * passes), so a class does not pay an SDK call and the unmarshalling of a TableDescription; the rest
 * goes through the SDK, as an application would. What the endpoint refuses or leaves out is
 * reported, never papered over.
 */
final class TableCreator {
  private TableCreator() {}

  static void create(DynamoDouble dynamo, DynamoDbClient client, TableDeclaration table, Settings settings) {
    String request = SdkRequestJson.of(table.request());
    if (request != null) { // the CreateTable the SDK would send, straight to the operation: no client call
      try {
        FixtureFiles.execute(dynamo.engine(), settings.region(), "CreateTable", request);
      } catch (DynamoException e) {
        throw refused(table, "CreateTable", e.code().shortName(), e.getMessage(), e);
      }
    } else {
      try {
        client.createTable(table.request());
      } catch (DynamoDbException e) {
        throw refused(table, "CreateTable", e);
      }
    }
    if (!settings.statusDelay().isZero() && !settings.manualClock()) {
      awaitActive(client, table, settings.statusDelay());
    }
    StreamSpecification stream = table.request().streamSpecification();
    if (stream != null && Boolean.TRUE.equals(stream.streamEnabled())) {
      TableDescription description = client.describeTable(r -> r.tableName(table.name())).table();
      StreamSpecification reported = description.streamSpecification();
      if (reported == null || !Boolean.TRUE.equals(reported.streamEnabled())
          || reported.streamViewType() != stream.streamViewType()) {
        throw new ExtensionConfigurationException(table.declaredBy() + " asks for a " + stream.streamViewType()
            + " stream, but the endpoint created the table without it (DescribeTable reports "
            + (reported == null ? "no StreamSpecification" : reported) + ")");
      }
    }
    if (table.ttlAttribute() != null) {
      try {
        client.updateTimeToLive(r -> r.tableName(table.name())
            .timeToLiveSpecification(s -> s.enabled(true).attributeName(table.ttlAttribute())));
      } catch (DynamoDbException e) {
        throw refused(table, "UpdateTimeToLive (ttlAttribute = \"" + table.ttlAttribute() + "\")", e);
      }
    }
    if (!table.replicas().isEmpty() || table.witness() != null) {
      List<ReplicationGroupUpdate> updates = new ArrayList<>();
      for (String region : table.replicas()) {
        updates.add(ReplicationGroupUpdate.builder().create(c -> c.regionName(region)).build());
      }
      try {
        client.updateTable(r -> {
          r.tableName(table.name()).replicaUpdates(updates);
          if (table.strongConsistency()) {
            r.multiRegionConsistency("STRONG");
          }
          if (table.witness() != null) {
            r.globalTableWitnessUpdates(w -> w.create(c -> c.regionName(table.witness())));
          }
        });
      } catch (DynamoDbException e) {
        throw refused(table, "UpdateTable (replicas = " + table.replicas()
            + (table.strongConsistency() ? ", strongConsistency = true" : "")
            + (table.witness() == null ? "" : ", witness = \"" + table.witness() + "\"") + ")", e);
      }
    }
  }

  /** With the system clock and a status delay, waits (briefly) for the table to become ACTIVE. */
  private static void awaitActive(DynamoDbClient client, TableDeclaration table, Duration delay) {
    long deadline = System.nanoTime() + delay.plusSeconds(10).toNanos();
    while (client.describeTable(r -> r.tableName(table.name())).table().tableStatus() != TableStatus.ACTIVE) {
      if (System.nanoTime() > deadline) {
        throw new ExtensionConfigurationException(table.declaredBy() + ": the table is not ACTIVE "
            + delay.plusSeconds(10) + " after CreateTable");
      }
      try {
        Thread.sleep(Math.min(50, Math.max(1, delay.toMillis() / 10)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ExtensionConfigurationException("interrupted waiting for table " + table.name(), e);
      }
    }
  }

  private static ExtensionConfigurationException refused(TableDeclaration table, String call, DynamoDbException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    return refused(table, call, code, message, e);
  }

  private static ExtensionConfigurationException refused(TableDeclaration table, String call, String code,
      String message, RuntimeException cause) {
    return new ExtensionConfigurationException(table.declaredBy() + ": the endpoint refused " + call + ": "
        + code + (message == null ? "" : ": " + message), cause);
  }
}
