package dev.dynamodouble.core.trigger;

import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.stream.StreamRecord;
import dev.dynamodouble.core.stream.StreamSettings;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Triggers on a manual clock (and one on the system clock), through the real endpoint. */
class TriggersTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private final ManualClock clock = DynamoClock.manual(START);
  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private final List<List<StreamRecord>> batches = new CopyOnWriteArrayList<>();

  private void start(DynamoDouble.Builder builder) {
    dynamo = builder.start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "orders", "pk", null);
    client.updateTable(r -> r.tableName("orders").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
  }

  private void start() {
    start(DynamoDouble.builder().clock(clock));
  }

  @AfterEach
  void stop() {
    dynamo.close();
  }

  private void put(String pk, String status) {
    client.putItem(r -> r.tableName("orders").item(Map.of("pk", s(pk), "status", s(status))));
  }

  private TriggerHandler recording() {
    return TriggerHandler.of(batches::add);
  }

  private List<String> keysDelivered() {
    List<String> keys = new ArrayList<>();
    batches.forEach(batch -> batch.forEach(r -> keys.add(r.keys().get("pk").toString())));
    return keys;
  }

  @Test
  void aProjectorWritesAnotherTableThroughTheSdkAndAdvanceReturnsAfterIt() {
    start();
    SdkTestSupport.createTable(client, "totals", "pk", null);
    dynamo.triggers().register("orders", TriggerOptions.defaults(), TriggerHandler.of(records -> {
      for (StreamRecord record : records) {
        client.putItem(r -> r.tableName("totals").item(Map.of("pk", s("last"),
            "order", AttributeValue.fromS(((dev.dynamodouble.core.value.AttributeValue.S) record.keys().get("pk"))
                .value()))));
      }
    }));
    put("o1", "new");
    assertThat(client.getItem(r -> r.tableName("totals").key(Map.of("pk", s("last")))).hasItem()).isFalse();
    clock.advance(Duration.ZERO);
    assertThat(client.getItem(r -> r.tableName("totals").key(Map.of("pk", s("last")))).item().get("order").s())
        .isEqualTo("o1");
  }

  @Test
  void batchSizeAndBatchingWindow() {
    start();
    dynamo.triggers().register("orders", TriggerOptions.defaults().batchSize(2).maximumBatchingWindowInSeconds(10),
        recording());
    put("a", "x");
    dynamo.triggers().drain();
    assertThat(batches).isEmpty(); // waiting for the window or a full batch
    put("b", "x");
    put("c", "x");
    dynamo.triggers().drain();
    assertThat(batches).hasSize(1).first().asList().hasSize(2);
    clock.advance(Duration.ofSeconds(9));
    assertThat(batches).hasSize(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(batches).hasSize(2);
    assertThat(keysDelivered()).containsExactly("S[value=a]", "S[value=b]", "S[value=c]");
  }

  @Test
  void startingPositionTrimHorizonSeesEarlierRecordsLatestDoesNot() {
    start();
    put("before", "x");
    List<StreamRecord> latest = new CopyOnWriteArrayList<>();
    dynamo.triggers().register("orders", TriggerOptions.defaults(), TriggerHandler.of(latest::addAll));
    dynamo.triggers().register("orders", TriggerOptions.defaults().startingPosition(StartingPosition.TRIM_HORIZON),
        recording());
    put("after", "x");
    dynamo.triggers().drain();
    assertThat(latest).hasSize(1);
    assertThat(keysDelivered()).hasSize(2);
  }

  @Test
  void filterCriteria() {
    start();
    dynamo.triggers().register("orders", TriggerOptions.defaults().filterCriteria(
        "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [{\"prefix\": \"ship\"}]}}}}",
        "{\"eventName\": [\"REMOVE\"]}"), recording());
    put("a", "new");
    put("b", "shipped");
    put("b", "shipping"); // a MODIFY
    client.deleteItem(r -> r.tableName("orders").key(Map.of("pk", s("a"))));
    clock.advance(Duration.ZERO);
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).extracting(StreamRecord::eventName).containsExactly("INSERT", "REMOVE");
  }

  @Test
  void aFailingBatchBlocksItsShardAndGoesToTheDestinationWhenRetriesRunOut() {
    start();
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    TriggerMapping mapping = dynamo.triggers().register("orders", TriggerOptions.defaults().maximumRetryAttempts(2),
        TriggerHandler.of(records -> {
          sizes.add(records.size());
          if (records.stream().anyMatch(r -> r.newImage().get("status").toString().contains("poison"))) {
            throw new IllegalStateException("cannot handle");
          }
        }));
    put("a", "poison");
    clock.advance(Duration.ZERO);
    put("b", "fine"); // behind the failing batch
    clock.advance(Duration.ZERO);
    assertThat(mapping.invocations()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(mapping.invocations()).isEqualTo(2);
    assertThat(mapping.failures()).isEmpty();
    clock.advance(Duration.ofSeconds(1)); // the third and last try fails: given up, then b goes through
    assertThat(mapping.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.condition()).isEqualTo("RetryAttemptsExhausted");
      assertThat(failure.approximateInvokeCount()).isEqualTo(3);
      assertThat(failure.records()).extracting(StreamRecord::eventName).containsExactly("INSERT");
      assertThat(failure.errorMessage()).contains("cannot handle");
    });
    assertThat(sizes).containsExactly(1, 1, 1, 1);
    assertThat(mapping.invocations()).isEqualTo(4);
    assertThat(dynamo.triggers().idle()).isTrue();
  }

  @Test
  void bisectIsolatesThePoisonRecord() {
    start();
    List<String> handled = new CopyOnWriteArrayList<>();
    TriggerMapping mapping = dynamo.triggers().register("orders", TriggerOptions.defaults().batchSize(4)
        .maximumBatchingWindowInSeconds(1).maximumRetryAttempts(0).bisectBatchOnFunctionError(true),
        TriggerHandler.of(records -> {
          if (records.stream().anyMatch(r -> r.newImage().get("status").toString().contains("poison"))) {
            throw new IllegalStateException("poison");
          }
          records.forEach(r -> handled.add(r.keys().get("pk").toString()));
        }));
    put("a", "ok");
    put("b", "ok");
    put("c", "poison");
    put("d", "ok");
    clock.advance(Duration.ZERO);
    assertThat(handled).containsExactly("S[value=a]", "S[value=b]", "S[value=d]");
    assertThat(mapping.failures()).singleElement()
        .satisfies(f -> assertThat(f.records()).extracting(r -> r.keys().get("pk").toString())
            .containsExactly("S[value=c]"));
  }

  @Test
  void reportBatchItemFailuresRetriesFromTheFirstFailedRecord() {
    start();
    List<List<String>> seen = new CopyOnWriteArrayList<>();
    boolean[] failedOnce = {false};
    dynamo.triggers().register("orders", TriggerOptions.defaults().batchSize(3).maximumBatchingWindowInSeconds(1)
        .reportBatchItemFailures(true), records -> {
          List<String> keys = new ArrayList<>();
          records.forEach(r -> keys.add(r.keys().get("pk").toString()));
          seen.add(keys);
          if (!failedOnce[0]) {
            failedOnce[0] = true;
            return List.of(records.get(1).sequenceNumber());
          }
          return List.of();
        });
    put("a", "x");
    put("b", "x");
    put("c", "x");
    clock.advance(Duration.ZERO);
    clock.advance(Duration.ofSeconds(1));
    assertThat(seen).containsExactly(List.of("S[value=a]", "S[value=b]", "S[value=c]"),
        List.of("S[value=b]", "S[value=c]"));
  }

  @Test
  void maximumRecordAgeDiscardsOldRecords() {
    start();
    TriggerMapping mapping = dynamo.triggers().register("orders", TriggerOptions.defaults()
        .maximumRecordAgeInSeconds(60), TriggerHandler.of(records -> {
          throw new IllegalStateException("down");
        }));
    put("a", "x");
    clock.advance(Duration.ofSeconds(61));
    assertThat(mapping.failures()).singleElement()
        .satisfies(f -> assertThat(f.condition()).isEqualTo("RecordAgeExceeded"));
  }

  @Test
  void parallelizationKeepsEachKeysOrderAndLineageIsFollowed() {
    start(DynamoDouble.builder().clock(clock).streamSettings(new StreamSettings(2, Duration.ofHours(1),
        Duration.ofHours(24), Duration.ofMinutes(15))));
    dynamo.triggers().register("orders", TriggerOptions.defaults().parallelizationFactor(3), recording());
    for (int i = 0; i < 10; i++) {
      put("k" + (i % 4), "v" + i);
      clock.advance(Duration.ofMinutes(20)); // shards roll over every hour
    }
    dynamo.triggers().drain();
    Map<String, List<String>> byKey = new java.util.TreeMap<>();
    batches.forEach(batch -> batch.forEach(r -> byKey.computeIfAbsent(r.keys().get("pk").toString(),
        k -> new ArrayList<>()).add(r.newImage().get("status").toString())));
    assertThat(byKey.get("S[value=k0]")).containsExactly("S[value=v0]", "S[value=v4]", "S[value=v8]");
    assertThat(byKey.values().stream().mapToInt(List::size).sum()).as(byKey.toString()).isEqualTo(10);
  }

  @Test
  void aResetStartsTheTriggerAfresh() {
    start();
    EngineSnapshot snapshot = dynamo.engine().snapshot();
    TriggerMapping mapping = dynamo.triggers().register("orders", TriggerOptions.defaults()
        .maximumBatchingWindowInSeconds(5), recording());
    put("a", "x");
    dynamo.engine().restore(snapshot);
    clock.advance(Duration.ofSeconds(10));
    assertThat(batches).isEmpty();
    put("b", "x");
    clock.advance(Duration.ofSeconds(10));
    assertThat(keysDelivered()).containsExactly("S[value=b]");
    assertThat(mapping.failures()).isEmpty();
  }

  @Test
  void optionsAreCheckedAgainstLambdasLimits() {
    assertThatThrownBy(() -> TriggerOptions.defaults().batchSize(10_001)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BatchSize must be between 1 and 10000: 10001");
    assertThatThrownBy(() -> TriggerOptions.defaults().maximumRecordAgeInSeconds(30))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TriggerOptions.defaults().filterCriteria("[1]"))
        .isInstanceOf(IllegalArgumentException.class);
    start();
    SdkTestSupport.createTable(client, "plain", "pk", null);
    assertThatThrownBy(() -> dynamo.triggers().register("plain", TriggerOptions.defaults(), recording()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no enabled stream");
  }

  @Test
  void onTheSystemClockAPollerDeliversAndTheTestAwaitsIdle() {
    start(DynamoDouble.builder());
    SdkTestSupport.createTable(client, "totals", "pk", null);
    dynamo.triggers().register("orders", TriggerOptions.defaults(), TriggerHandler.of(records -> {
      client.putItem(r -> r.tableName("totals").item(Map.of("pk", s("seen"))));
    }));
    put("a", "x");
    assertThat(dynamo.triggers().awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertThat(client.getItem(r -> r.tableName("totals").key(Map.of("pk", s("seen")))).hasItem()).isTrue();
  }
}
