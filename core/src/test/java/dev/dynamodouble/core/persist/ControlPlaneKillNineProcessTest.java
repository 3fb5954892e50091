package dev.dynamodouble.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The standalone server with {@code --data-dir}, killed with SIGKILL after control-plane requests
 * that only the request path logged (no orderly close): a global-table replica, a completed export
 * and a deleted table's stream are all there in the next process, and the replica still replicates.
 * Waits are guards against a hang, never timing assertions.
 */
class ControlPlaneKillNineProcessTest {
  private static final long GUARD_SECONDS = ServerProcesses.GUARD_SECONDS;
  private static final Instant START = Instant.parse("2026-07-01T00:00:00Z");

  @TempDir
  Path tmp;

  @Test
  void replicasExportsAndADeletedTablesStreamSurviveKillNine() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(tmp.resolve("s3").resolve("bkt"));
    Process first = start(data);
    ExportDescription export;
    String streamArn;
    try {
      URI endpoint = ServerProcesses.endpointOf(first);
      try (DynamoDbClient east = ServerProcesses.client(endpoint)) {
        create(east, "orders", null);
        east.updateContinuousBackups(r -> r.tableName("orders")
            .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        east.putItem(r -> r.tableName("orders").item(Map.of("pk", s("a"))));
        ServerProcesses.advance(endpoint, 60_000);
        String exportArn = east.exportTableToPointInTime(r -> r.tableArn(tableArn(east, "orders")).s3Bucket("bkt"))
            .exportDescription().exportArn();
        ServerProcesses.advance(endpoint, 1_000);
        export = east.describeExport(r -> r.exportArn(exportArn)).exportDescription();
        assertThat(export.exportStatusAsString()).isEqualTo("COMPLETED");
        create(east, "gone", StreamViewType.KEYS_ONLY);
        east.putItem(r -> r.tableName("gone").item(Map.of("pk", s("k"))));
        streamArn = east.describeTable(r -> r.tableName("gone")).table().latestStreamArn();
        east.deleteTable(r -> r.tableName("gone"));
      }
    } finally {
      first.destroyForcibly(); // SIGKILL
      assertThat(first.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    Process second = start(data);
    try {
      URI endpoint = ServerProcesses.endpointOf(second);
      try (DynamoDbClient east = ServerProcesses.client(endpoint); DynamoDbClient west = ServerProcesses.client(endpoint, "eu-west-1");
           DynamoDbStreamsClient streams = ServerProcesses.streams(endpoint)) {
        assertThat(east.describeTable(r -> r.tableName("orders")).table().replicas())
            .extracting(ReplicaDescription::regionName).containsExactly("eu-west-1");
        west.putItem(r -> r.tableName("orders").item(Map.of("pk", s("from-west"))));
        ServerProcesses.advance(endpoint, 2_000);
        assertThat(east.getItem(r -> r.tableName("orders").key(Map.of("pk", s("from-west")))).item()).isNotEmpty();
        assertThat(east.describeExport(r -> r.exportArn(export.exportArn())).exportDescription()).isEqualTo(export);
        assertThat(streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().streamStatusAsString())
            .isEqualTo("DISABLED");
      }
    } finally {
      second.destroy();
      assertThat(second.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void create(DynamoDbClient client, String table, StreamViewType stream) {
    client.createTable(r -> {
      r.tableName(table).billingMode("PAY_PER_REQUEST")
          .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
          .keySchema(k -> k.attributeName("pk").keyType("HASH"));
      if (stream != null) {
        r.streamSpecification(s -> s.streamEnabled(true).streamViewType(stream));
      }
    });
  }

  private static String tableArn(DynamoDbClient client, String table) {
    return client.describeTable(r -> r.tableName(table)).table().tableArn();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private Process start(Path data) throws IOException {
    return ServerProcesses.start(tmp.resolve("server.log"), "--manual-clock", START.toString(),
        "--data-dir", data.toString(), "--s3-dir", tmp.resolve("s3").toString());
  }
}
