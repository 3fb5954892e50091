package dev.dynamodouble.core.persist;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.Replica;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Recovery is equivalent to the state the requests left: a sequence of control-plane requests (each
 * logging only what it changed, comparing only the tables it names), then the data directory copied
 * while the server still runs, as a crash would leave it (no orderly close, no last sync), and
 * opened by a second server. Every table, its tags, TTL and PITR settings, the backups and the
 * global tables read the same through the SDK in both.
 */
class ControlPlaneCrashCopyTest {
  private static final Instant START = Instant.parse("2026-08-01T00:00:00Z");

  @TempDir
  Path dir;
  @TempDir
  Path copy;

  private static void requests(DynamoDbClient east, DynamoDbClient west, ManualClock clock) {
    for (String name : List.of("alpha", "beta", "gamma", "delta")) {
      SdkTestSupport.createTable(east, name, "pk", null);
    }
    String betaArn = east.describeTable(r -> r.tableName("beta")).table().tableArn();
    east.tagResource(r -> r.resourceArn(betaArn).tags(t -> t.key("team").value("ops"), t -> t.key("tier").value("1")));
    east.untagResource(r -> r.resourceArn(betaArn).tagKeys("tier"));
    east.updateTable(r -> r.tableName(betaArn).deletionProtectionEnabled(true));
    east.updateTimeToLive(r -> r.tableName("gamma").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
    east.updateContinuousBackups(r -> r.tableName("gamma")
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    east.putItem(r -> r.tableName("gamma").item(item("pk", "g")));
    String backup = east.createBackup(r -> r.tableName("gamma").backupName("gammaBackup")).backupDetails().backupArn();
    east.deleteTable(r -> r.tableName("delta"));
    east.restoreTableFromBackup(r -> r.backupArn(backup).targetTableName("restored"));
    east.updateTable(r -> r.tableName("alpha").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
    SdkTestSupport.createTable(east, "strong", "pk", null);
    east.updateTable(r -> r.tableName("strong").multiRegionConsistency("STRONG")
        .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")))
        .globalTableWitnessUpdates(w -> w.create(c -> c.regionName("us-west-2"))));
    for (DynamoDbClient client : List.of(east, west)) {
      SdkTestSupport.createTable(client, "legacy", "pk", null);
      client.updateTable(r -> r.tableName("legacy").streamSpecification(s -> s.streamEnabled(true)
          .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }
    east.createGlobalTable(r -> r.globalTableName("legacy").replicationGroup(
        Replica.builder().regionName("us-east-1").build(), Replica.builder().regionName("eu-west-1").build()));
    clock.advance(Duration.ofMinutes(1));
    east.tagResource(r -> r.resourceArn(betaArn).tags(t -> t.key("late").value("yes")));
  }

  /** What the SDK reads of the control plane, as text: equal texts, equal states. */
  private static String state(DynamoDbClient east, DynamoDbClient west) {
    TreeMap<String, String> out = new TreeMap<>();
    for (DynamoDbClient client : List.of(east, west)) {
      for (String name : client.listTables().tableNames()) {
        TableDescription t = client.describeTable(r -> r.tableName(name)).table();
        String key = t.tableArn();
        out.put(key, List.of(t.tableName(), t.tableId(), String.valueOf(t.creationDateTime()), t.keySchema(),
                t.attributeDefinitions(), String.valueOf(t.billingModeSummary()), String.valueOf(t.deletionProtectionEnabled()),
                String.valueOf(t.streamSpecification()), String.valueOf(t.latestStreamArn()),
                String.valueOf(t.globalTableVersion()), replicas(t), String.valueOf(t.tableStatus()),
                String.valueOf(t.multiRegionConsistencyAsString()), String.valueOf(t.globalTableWitnesses()),
                client.listTagsOfResource(r -> r.resourceArn(key)).tags(),
                client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription(),
                client.describeContinuousBackups(r -> r.tableName(name)).continuousBackupsDescription(),
                client.scan(r -> r.tableName(name)).items())
            .toString());
      }
      out.put("backups " + client, "");
    }
    List<String> backups = new ArrayList<>();
    for (BackupSummary b : east.listBackups().backupSummaries()) {
      backups.add(b.backupName() + " " + b.backupArn() + " " + b.backupCreationDateTime());
    }
    out.put("backups", backups.toString());
    out.put("legacy", west.listGlobalTables().globalTables().toString());
    out.entrySet().removeIf(e -> e.getKey().startsWith("backups dev") || e.getKey().startsWith("backups software"));
    return out.toString();
  }

  private static String replicas(TableDescription t) {
    return t.hasReplicas() ? t.replicas().stream().map(r -> r.regionName() + "/" + r.replicaStatus()).toList().toString()
        : "[]";
  }

  @Test
  void recoveryFromACrashCopyReadsTheSameAsTheServerItWasCopiedFrom() {
    String[] before = new String[1];
    withServer(dir, (east, west, clock) -> {
      requests(east, west, clock);
      before[0] = state(east, west);
      copyDirectory(dir, copy); // acknowledged: every record on the device; no close, no sync
    });
    withServer(copy, (east, west, clock) -> assertThat(state(east, west)).isEqualTo(before[0]));
  }

  private interface Work {
    void run(DynamoDbClient east, DynamoDbClient west, ManualClock clock);
  }

  private static void withServer(Path data, Work work) {
    ManualClock clock = DynamoClock.manual(START);
    DynamoDouble built = DynamoDouble.builder().clock(clock).build();
    DataDirectory directory = DataDirectory.open(data, built.engine());
    try (DynamoDouble dynamo = built.start(); DynamoDbClient east = SdkTestSupport.client(dynamo, "us-east-1");
         DynamoDbClient west = SdkTestSupport.client(dynamo, "eu-west-1")) {
      work.run(east, west, clock);
    } finally {
      directory.close();
    }
  }

  private static void copyDirectory(Path from, Path to) {
    Consumer<Path> copyOne = file -> {
      try {
        Files.copy(file, to.resolve(file.getFileName()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    try (Stream<Path> files = Files.list(from)) {
      files.filter(f -> f.toString().endsWith(SegmentFormat.SUFFIX)).forEach(copyOne);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
