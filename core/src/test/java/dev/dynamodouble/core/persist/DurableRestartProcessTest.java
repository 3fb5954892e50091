package dev.dynamodouble.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The standalone server with {@code --data-dir}, {@code --data-key} and {@code --manual-clock} in its own process:
 * settings, a backup, the PITR history, stream records and the clock are set through the SDK and
 * the control API, the process is killed with SIGKILL, and a new one on the same directory knows
 * all of it; one given another key refuses to start. Waits are guards against a hang, never timing
 * assertions.
 */
class DurableRestartProcessTest {
  private static final long GUARD_SECONDS = ServerProcesses.GUARD_SECONDS;
  private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

  @TempDir
  Path tmp;

  @Test
  void whatTheServerKnewSurvivesKillNine() throws Exception {
    Path data = tmp.resolve("data");
    Process first = start(data);
    String streamArn;
    Instant beforeUpdate;
    try {
      URI endpoint = endpointOf(first);
      try (DynamoDbClient client = client(endpoint)) {
        client.createTable(r -> r.tableName("orders").billingMode("PAY_PER_REQUEST")
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("pk").keyType("HASH"))
            .sseSpecification(s -> s.enabled(true).sseType("KMS").kmsMasterKeyId("feed"))
            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        client.updateContinuousBackups(r -> r.tableName("orders")
            .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        client.updateContributorInsights(r -> r.tableName("orders").contributorInsightsAction("ENABLE"));
        advance(endpoint, 10_000);
        client.putItem(r -> r.tableName("orders").item(Map.of("pk", s("a"), "v", s("old"))));
        client.createBackup(r -> r.tableName("orders").backupName("nightly"));
        advance(endpoint, 10_000);
        beforeUpdate = START.plusSeconds(20);
        advance(endpoint, 10_000);
        client.putItem(r -> r.tableName("orders").item(Map.of("pk", s("a"), "v", s("new"))));
        advance(endpoint, 3_600_000); // acknowledged: on the disk before the answer
        streamArn = client.describeTable(r -> r.tableName("orders")).table().latestStreamArn();
      }
    } finally {
      first.destroyForcibly(); // SIGKILL
      assertThat(first.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    Process second = start(data);
    try {
      URI endpoint = endpointOf(second);
      assertThat(clock(endpoint)).contains("\"epochMillis\":" + START.plusSeconds(3630).toEpochMilli());
      try (DynamoDbClient client = client(endpoint); DynamoDbStreamsClient streams = streams(endpoint)) {
        var table = client.describeTable(r -> r.tableName("orders")).table();
        assertThat(table.sseDescription().kmsMasterKeyArn()).endsWith("key/feed");
        assertThat(table.latestStreamArn()).isEqualTo(streamArn);
        assertThat(client.describeContributorInsights(r -> r.tableName("orders")).contributorInsightsStatusAsString())
            .isEqualTo("ENABLED");
        List<BackupSummary> backups = client.listBackups(r -> r.tableName("orders")).backupSummaries();
        assertThat(backups).extracting(BackupSummary::backupName).containsExactly("nightly");

        client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("before")
            .restoreDateTime(beforeUpdate));
        client.restoreTableFromBackup(r -> r.backupArn(backups.get(0).backupArn()).targetTableName("fromBackup"));
        advance(endpoint, 60_000);
        assertThat(client.getItem(r -> r.tableName("before").key(Map.of("pk", s("a")))).item().get("v").s())
            .isEqualTo("old");
        assertThat(client.getItem(r -> r.tableName("fromBackup").key(Map.of("pk", s("a")))).item().get("v").s())
            .isEqualTo("old");

        String shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
        String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
            .shardIteratorType("TRIM_HORIZON")).shardIterator();
        assertThat(streams.getRecords(r -> r.shardIterator(iterator)).records())
            .extracting(rec -> rec.dynamodb().newImage().get("v").s()).containsExactly("old", "new");
      }
    } finally {
      second.destroy();
      assertThat(second.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    Process wrongKey = start(data, "other.hex", "ff".repeat(32));
    assertThat(wrongKey.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(wrongKey.exitValue()).isEqualTo(1);
    assertThat(java.nio.file.Files.readString(tmp.resolve("other.hex.log")))
        .contains("does not open the data directory").contains("nothing was changed");
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static void advance(URI endpoint, long millis) throws IOException, InterruptedException {
    ServerProcesses.advance(endpoint, millis);
  }

  private static String clock(URI endpoint) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/_dynamodouble/clock")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Starts a server on {@code data}, encrypted with the key in {@code key.hex}. */
  private Process start(Path data) throws IOException {
    return start(data, "key.hex", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
  }

  private Process start(Path data, String keyFile, String hexKey) throws IOException {
    Path key = tmp.resolve(keyFile);
    java.nio.file.Files.writeString(key, hexKey + "\n");
    return ServerProcesses.start(tmp.resolve(keyFile + ".log"), "--manual-clock", START.toString(),
        "--data-dir", data.toString(), "--data-key", key.toString());
  }

  private static URI endpointOf(Process process) throws IOException {
    return ServerProcesses.endpointOf(process);
  }

  private static DynamoDbClient client(URI endpoint) {
    return ServerProcesses.client(endpoint);
  }

  private static DynamoDbStreamsClient streams(URI endpoint) {
    return ServerProcesses.streams(endpoint);
  }
}
