package dev.dynamodouble.core.fault;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.sdk.TwoRegions;
import dev.dynamodouble.core.stream.StreamRecord;
import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.core.trigger.FailedBatch;
import dev.dynamodouble.core.trigger.TriggerHandler;
import dev.dynamodouble.core.trigger.TriggerMapping;
import dev.dynamodouble.core.trigger.TriggerOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Fault rules consulted by replication, streams and triggers, through the SDK on a manual clock. */
class DeliveryFaultsSdkTest {
  private final TwoRegions regions = new TwoRegions();
  private final ManualClock clock = regions.clock;
  private final DynamoDouble dynamo = regions.dynamo;
  private final DynamoDbClient east = regions.east;
  private final DynamoDbClient west = regions.west;

  @BeforeEach
  void start() {
    SdkTestSupport.createTable(east, "orders", "pk", null);
    clock.advance(Duration.ZERO);
  }

  @AfterEach
  void stop() {
    regions.close();
  }

  private void addReplica() {
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
    clock.advance(Duration.ZERO);
  }

  private void enableStream() {
    east.updateTable(r -> r.tableName("orders").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
  }

  private void put(DynamoDbClient client, String pk) {
    client.putItem(r -> r.tableName("orders").item(item("pk", pk)));
  }

  private static boolean has(DynamoDbClient client, String pk) {
    return client.getItem(r -> r.tableName("orders").key(item("pk", pk))).hasItem();
  }

  // ---- replication ----

  @Test
  void aReplicationLagRuleDelaysTheChangesItFiresOn() {
    addReplica();
    FaultHandle lag = dynamo.faults().add(FaultRule.builder().table("orders").region("eu-west-1").times(1)
        .replicationLag(Duration.ofSeconds(5)));
    put(east, "slow");
    put(east, "fast");
    clock.advance(Duration.ofSeconds(1));
    assertThat(has(west, "fast")).isTrue(); // the rule fired once: the second change keeps the link's lag
    assertThat(has(west, "slow")).isFalse();
    clock.advance(Duration.ofMillis(3999));
    assertThat(has(west, "slow")).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(has(west, "slow")).isTrue();
    assertThat(lag.hits()).isEqualTo(1);
    assertThat(lag.matched()).isEqualTo(2);
  }

  @Test
  void aReplicationRuleMatchesItsDestinationRegionAndTableOnly() {
    addReplica();
    FaultHandle other = dynamo.faults().add(FaultRule.builder().region("us-east-1")
        .replicationLag(Duration.ofMinutes(1)).lenient(true));
    FaultHandle elsewhere = dynamo.faults().add(FaultRule.builder().table("customers")
        .replicationPaused().lenient(true));
    put(east, "a");
    clock.advance(Duration.ofSeconds(1));
    assertThat(has(west, "a")).isTrue();
    put(west, "b"); // to us-east-1: the first rule fires
    clock.advance(Duration.ofSeconds(1));
    assertThat(has(east, "b")).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(has(east, "b")).isTrue();
    assertThat(other.hits()).isEqualTo(1);
    assertThat(elsewhere.hits()).isZero();
  }

  @Test
  void deliveryRulesMatchThePartitionKeysTheyCarry() {
    addReplica();
    FaultHandle hot = dynamo.faults().add(FaultRule.builder().key("hot").replicationLag(Duration.ofMinutes(1)));
    FaultHandle tenant = dynamo.faults().add(FaultRule.builder().keyPattern("tenant-7#.*").region("us-east-1")
        .streamDelay(Duration.ofMinutes(1)));
    put(east, "hot");
    put(east, "cold");
    clock.advance(Duration.ofSeconds(1));
    assertThat(has(west, "cold")).isTrue();
    assertThat(has(west, "hot")).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(has(west, "hot")).isTrue();
    put(east, "tenant-7#a");
    assertThat(hot.hits()).isEqualTo(1);
    assertThat(tenant.hits()).isEqualTo(1);
    assertThat(tenant.matched()).isEqualTo(1); // the other commits in us-east-1 carried other keys
  }

  @Test
  void aPausedReplicationRuleHoldsChangesUntilItIsRemoved() {
    addReplica();
    FaultHandle paused = dynamo.faults().add(FaultRule.builder().table("orders").replicationPaused());
    east.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("pk", "t1"))).build(),
        TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("pk", "t2"))).build()));
    clock.advance(Duration.ofMinutes(10));
    assertThat(west.scan(r -> r.tableName("orders")).count()).isZero();
    assertThat(dynamo.replication().pending("us-east-1", "eu-west-1")).isEqualTo(2);
    assertThat(paused.hits()).isEqualTo(2);

    paused.remove();
    clock.advance(Duration.ZERO);
    assertThat(west.scan(r -> r.tableName("orders")).count()).isEqualTo(2);
    assertThat(dynamo.replication().pending()).isZero();
  }

  @Test
  void aPausedReplicationRuleWithAWindowReleasesAtItsEnd() {
    addReplica();
    Instant end = clock.now().plusSeconds(30);
    dynamo.faults().add(FaultRule.builder().region("eu-west-1").until(end).replicationPaused());
    put(east, "a");
    clock.advance(Duration.ofSeconds(29));
    assertThat(has(west, "a")).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(has(west, "a")).isTrue();
    put(east, "b"); // after the window: the link's lag
    clock.advance(Duration.ofSeconds(1));
    assertThat(has(west, "b")).isTrue();
  }

  @Test
  void lastWriterStillWinsWhenALaggedChangeArrivesAfterALaterOne() {
    addReplica();
    dynamo.faults().add(FaultRule.builder().region("eu-west-1").nth(1).replicationLag(Duration.ofSeconds(10)));
    east.putItem(r -> r.tableName("orders").item(item("pk", "k", "v", "first")));
    clock.advance(Duration.ofMillis(10));
    east.putItem(r -> r.tableName("orders").item(item("pk", "k", "v", "second")));
    clock.advance(Duration.ofSeconds(20));
    assertThat(west.getItem(r -> r.tableName("orders").key(item("pk", "k"))).item().get("v").s())
        .isEqualTo("second");
  }

  // ---- streams ----

  private DynamoDbStreamsClient streamsClient() {
    return SdkTestSupport.streamsClient(dynamo, "us-east-1");
  }

  private static List<String> readAll(DynamoDbStreamsClient streams, String arn) {
    String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
    String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
        .shardIteratorType("TRIM_HORIZON")).shardIterator();
    List<String> keys = new ArrayList<>();
    for (Record record : streams.getRecords(r -> r.shardIterator(iterator)).records()) {
      keys.add(record.dynamodb().keys().get("pk").s());
    }
    return keys;
  }

  @Test
  void aStreamDelayRuleHidesACommitsRecordsAndEveryLaterOneUntilItPasses() {
    enableStream();
    FaultHandle delay = dynamo.faults().add(FaultRule.builder().table("orders").nth(1)
        .streamDelay(Duration.ofSeconds(3)));
    put(east, "a");
    put(east, "b"); // not delayed itself, but behind a in the shard
    String arn = east.describeTable(r -> r.tableName("orders")).table().latestStreamArn();
    try (DynamoDbStreamsClient streams = streamsClient()) {
      assertThat(readAll(streams, arn)).isEmpty();
      clock.advance(Duration.ofMillis(2999));
      assertThat(readAll(streams, arn)).isEmpty();
      clock.advance(Duration.ofMillis(1));
      assertThat(readAll(streams, arn)).containsExactly("a", "b");
    }
    assertThat(delay.hits()).isEqualTo(1);
    assertThat(delay.matched()).isEqualTo(2);
  }

  @Test
  void aTriggerSeesDelayedRecordsOnceTheyShow() {
    enableStream();
    List<String> seen = new CopyOnWriteArrayList<>();
    dynamo.triggers().register("us-east-1", "orders", TriggerOptions.defaults(), TriggerHandler.of(
        records -> records.forEach(r -> seen.add(r.keys().get("pk").toString()))));
    dynamo.faults().add(FaultRule.builder().table("orders").streamDelay(Duration.ofSeconds(2)));
    put(east, "a");
    clock.advance(Duration.ofSeconds(1));
    assertThat(seen).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(seen).hasSize(1);
  }

  // ---- triggers ----

  @Test
  void aTriggerFailureRuleFailsInvocationsThatAreRetriedAsLambdaWould() {
    enableStream();
    List<List<StreamRecord>> batches = new CopyOnWriteArrayList<>();
    TriggerMapping trigger = dynamo.triggers().register("us-east-1", "orders",
        TriggerOptions.defaults().retryDelay(Duration.ofSeconds(1)), TriggerHandler.of(batches::add));
    FaultHandle failing = dynamo.faults().add(FaultRule.builder().table("orders").times(2)
        .triggerFailure("Task timed out after 3.00 seconds"));
    put(east, "a");
    clock.advance(Duration.ZERO);
    assertThat(batches).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(batches).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(batches).hasSize(1); // the third invocation runs the handler
    assertThat(trigger.invocations()).isEqualTo(3);
    assertThat(failing.hits()).isEqualTo(2);
  }

  @Test
  void aTriggerThatAlwaysFailsGivesTheBatchToTheOnFailureDestinationAfterItsRetries() {
    enableStream();
    TriggerMapping trigger = dynamo.triggers().register("us-east-1", "orders",
        TriggerOptions.defaults().maximumRetryAttempts(2).retryDelay(Duration.ofSeconds(1)),
        TriggerHandler.of(records -> { }));
    dynamo.faults().add(FaultRule.builder().table("orders").triggerFailure("boom"));
    put(east, "a");
    clock.advance(Duration.ofSeconds(5));
    List<FailedBatch> failures = trigger.failures();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).condition()).isEqualTo("RetryAttemptsExhausted");
    assertThat(failures.get(0).approximateInvokeCount()).isEqualTo(3);
    assertThat(failures.get(0).errorMessage()).isEqualTo("boom");
  }

  @Test
  void aFailedInvocationIsBisectedWhenTheMappingSaysSo() {
    enableStream();
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    dynamo.triggers().register("us-east-1", "orders",
        TriggerOptions.defaults().batchSize(4).bisectBatchOnFunctionError(true),
        TriggerHandler.of(records -> sizes.add(records.size())));
    dynamo.faults().add(FaultRule.builder().table("orders").nth(1).triggerFailure("boom"));
    for (int i = 0; i < 4; i++) {
      put(east, "k" + i);
    }
    clock.advance(Duration.ZERO);
    assertThat(sizes).containsExactly(2, 2);
  }

  @Test
  void aScenarioFileDeclaresDeliveryRules() {
    addReplica(); // enables the stream
    List<FaultHandle> rules = dynamo.faults().load("delivery.yml", """
        rules:
          - name: slow-link
            table: orders
            region: eu-west-1
            replicationLag: 10s
          - name: late-stream
            table: orders
            region: us-east-1
            streamDelay: 2s
          - name: flaky-trigger
            table: orders
            times: 1
            triggerFailure: Runtime.ExitError
        """);
    assertThat(rules).hasSize(3);
    List<String> seen = new CopyOnWriteArrayList<>();
    dynamo.triggers().register("us-east-1", "orders", TriggerOptions.defaults().retryDelay(Duration.ofSeconds(1)),
        TriggerHandler.of(records -> records.forEach(r -> seen.add(r.keys().get("pk").toString()))));
    put(east, "a");
    clock.advance(Duration.ofSeconds(2)); // visible now; the first invocation fails
    assertThat(seen).isEmpty();
    clock.advance(Duration.ofSeconds(1)); // the retry succeeds
    assertThat(seen).hasSize(1);
    assertThat(has(west, "a")).isFalse();
    clock.advance(Duration.ofSeconds(7));
    assertThat(has(west, "a")).isTrue();
    dynamo.faults().verify(); // every rule fired
  }

  // ---- what such rules refuse ----

  @Test
  void deliveryRulesRefuseRequestMatchers() {
    assertThatThrownBy(() -> FaultRule.on("PutItem").replicationLag(Duration.ofSeconds(1)).build())
        .isInstanceOf(InvalidFaultException.class).hasMessageContaining("operation");
    assertThatThrownBy(() -> FaultRule.builder().index("byCustomer").streamDelay(Duration.ofSeconds(1)).build())
        .isInstanceOf(InvalidFaultException.class).hasMessageContaining("index");
    assertThatThrownBy(() -> FaultRule.builder().replicationLag(Duration.ZERO).build())
        .isInstanceOf(InvalidFaultException.class).hasMessageContaining("replicationLag");
    assertThatThrownBy(() -> FaultRule.builder().triggerFailure(" ").build())
        .isInstanceOf(InvalidFaultException.class).hasMessageContaining("triggerFailure");
  }
}
