package dev.dynamodouble.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The standalone server with {@code --data-dir} in its own process, loaded from several threads
 * through the SDK, killed with SIGKILL mid-load, and started again on the same directory: every
 * write it acknowledged is there, and every transaction is there whole or not at all. Waits are
 * guards against a hang, never timing assertions.
 */
class KillNineProcessTest {
  private static final long GUARD_SECONDS = ServerProcesses.GUARD_SECONDS;
  private static final int THREADS = 8;
  private static final int ACKS_BEFORE_KILL = 400;

  @TempDir
  Path tmp;

  private final Set<String> ackedPuts = ConcurrentHashMap.newKeySet();
  private final Set<String> ackedTransactions = ConcurrentHashMap.newKeySet();
  private final Set<String> triedTransactions = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> ackedCounters = new ConcurrentHashMap<>();

  @Test
  void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
    Path data = tmp.resolve("data");
    Process first = start(data, tmp.resolve("first.log"));
    CountDownLatch acks = new CountDownLatch(ACKS_BEFORE_KILL);
    List<Thread> loaders = new ArrayList<>();
    try (DynamoDbClient setup = client(endpointOf(first))) {
      for (String table : List.of("items", "pairs")) {
        setup.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("pk").keyType("HASH")));
      }
      URI endpoint = URI.create(setup.serviceClientConfiguration().endpointOverride().orElseThrow().toString());
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Thread loader = new Thread(() -> load(endpoint, thread, acks), "loader-" + t);
        loader.start();
        loaders.add(loader);
      }
      assertThat(acks.await(GUARD_SECONDS, TimeUnit.SECONDS)).as("acknowledged writes before the kill").isTrue();
      first.destroyForcibly(); // SIGKILL, mid-load
      assertThat(first.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    } finally {
      first.destroyForcibly();
    }
    for (Thread loader : loaders) {
      loader.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
      assertThat(loader.isAlive()).as(loader.getName() + " stopped").isFalse();
    }

    Process second = start(data, tmp.resolve("second.log"));
    try (DynamoDbClient client = client(endpointOf(second))) {
      Map<String, Map<String, AttributeValue>> items = scan(client, "items");
      Map<String, Map<String, AttributeValue>> pairs = scan(client, "pairs");
      for (String key : ackedPuts) {
        assertThat(items).as("acknowledged put " + key).containsKey(key);
        assertThat(items.get(key).get("value").s()).isEqualTo(key);
      }
      for (String id : ackedTransactions) {
        assertThat(items).as("first half of acknowledged transaction " + id).containsKey(id + "-a");
        assertThat(pairs).as("second half of acknowledged transaction " + id).containsKey(id + "-b");
      }
      for (String id : triedTransactions) {
        assertThat(items.containsKey(id + "-a")).as("transaction " + id + " all or nothing")
            .isEqualTo(pairs.containsKey(id + "-b"));
      }
      ackedCounters.forEach((key, acked) -> assertThat(Long.parseLong(items.get(key).get("n").n()))
          .as("counter " + key).isGreaterThanOrEqualTo(acked));

      Process third = start(data, tmp.resolve("third.log")); // the directory is in use by the second
      assertThat(third.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(third.exitValue()).isEqualTo(1);
      assertThat(Files.readString(tmp.resolve("third.log")))
          .contains("is in use by another Dynamo Double server").contains("nothing was changed");
      assertThat(client.getItem(r -> r.tableName("items").key(Map.of("pk", s(ackedPuts.iterator().next()))))
          .hasItem()).as("the second server still serves").isTrue();
    } finally {
      second.destroy();
      assertThat(second.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ackedPuts.size() + ackedTransactions.size()).isGreaterThan(0);
  }

  /** Writes until the server dies: puts, two-table transactions and counter increments. */
  private void load(URI endpoint, int thread, CountDownLatch acks) {
    try (DynamoDbClient client = client(endpoint)) {
      String counter = "counter-" + thread;
      for (int i = 0; ; i++) {
        switch (i % 3) {
          case 0 -> {
            String key = "put-" + thread + "-" + i;
            client.putItem(r -> r.tableName("items").item(Map.of("pk", s(key), "value", s(key))));
            ackedPuts.add(key);
          }
          case 1 -> {
            String id = "tx-" + thread + "-" + i;
            triedTransactions.add(id);
            client.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("items").item(Map.of("pk", s(id + "-a")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("pairs").item(Map.of("pk", s(id + "-b")))).build()));
            ackedTransactions.add(id);
          }
          default -> {
            String n = client.updateItem(r -> r.tableName("items").key(Map.of("pk", s(counter)))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("n").n();
            ackedCounters.put(counter, Long.parseLong(n));
          }
        }
        acks.countDown();
      }
    } catch (RuntimeException serverGone) {
      // the kill: this write was not acknowledged
    }
  }

  private static Map<String, Map<String, AttributeValue>> scan(DynamoDbClient client, String table) {
    Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
    client.scanPaginator(r -> r.tableName(table)).items().forEach(item -> byKey.put(item.get("pk").s(), item));
    return byKey;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static Process start(Path data, Path log) throws IOException {
    return ServerProcesses.start(log, "--no-capacity-enforcement", "--data-dir", data.toString());
  }

  private static URI endpointOf(Process process) throws IOException {
    return ServerProcesses.endpointOf(process);
  }

  private static DynamoDbClient client(URI endpoint) {
    return ServerProcesses.client(endpoint);
  }
}
