package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicatedWriteConflictException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Multi-Region strong consistency (MRSC) through the SDK, one client per region, on a manual
 * clock: synchronous replication, replicated write conflicts, and what MRSC tables refuse.
 */
class StrongConsistencyTest {
  static final String CONFLICT = "The request was rejected because one or more items in the request are being "
      + "modified by a request in another Region.";
  private ThreeRegions regions;
  private ManualClock clock;
  private DynamoDouble dynamo;
  private DynamoDbClient east;
  private DynamoDbClient ohio;
  private DynamoDbClient oregon;

  @BeforeEach
  void start() {
    regions = new ThreeRegions(Duration.ZERO);
    clock = regions.clock;
    dynamo = regions.dynamo;
    east = regions.east;
    ohio = regions.ohio;
    oregon = regions.oregon;
    east.updateTable(r -> r.tableName("orders").multiRegionConsistency("STRONG")
        .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")), u -> u.create(c -> c.regionName("us-west-2"))));
    clock.advance(Duration.ZERO);
  }

  @AfterEach
  void stop() {
    regions.close();
  }

  private static Map<String, AttributeValue> strongGet(DynamoDbClient client, String pk) {
    Map<String, AttributeValue> item =
        client.getItem(r -> r.tableName("orders").key(item("pk", pk)).consistentRead(true)).item();
    return item.isEmpty() ? null : item;
  }

  private static void put(DynamoDbClient client, String pk, String by) {
    client.putItem(r -> r.tableName("orders").item(item("pk", pk, "by", by)));
  }

  @Test
  void describeTableShowsStrongInEveryRegion() {
    for (DynamoDbClient client : List.of(east, ohio, oregon)) {
      TableDescription table = client.describeTable(r -> r.tableName("orders")).table();
      assertThat(table.multiRegionConsistencyAsString()).isEqualTo("STRONG");
      assertThat(table.globalTableVersion()).isEqualTo("2019.11.21");
      assertThat(table.replicas()).hasSize(2);
      assertThat(table.hasGlobalTableWitnesses()).isFalse();
      assertThat(table.latestStreamArn()).as("MRSC does not replicate through a stream").isNull();
    }
  }

  @Test
  void aWriteIsReadStronglyEverywhereAtOnceWhateverTheLag() {
    dynamo.replication().defaultLag(Duration.ofMinutes(5)); // links' lags are for MREC tables only
    put(ohio, "a", "ohio");
    assertThat(strongGet(east, "a")).containsEntry("by", AttributeValue.fromS("ohio"));
    assertThat(strongGet(oregon, "a")).containsEntry("by", AttributeValue.fromS("ohio"));
    oregon.deleteItem(r -> r.tableName("orders").key(item("pk", "a")));
    assertThat(strongGet(east, "a")).isNull();
    assertThat(strongGet(ohio, "a")).isNull();
    assertThat(dynamo.replication().pending()).isZero();
  }

  @Test
  void eventuallyConsistentReadsMayLagWithTheReadLag() {
    dynamo.consistency().readLag("us-west-2", "orders", Duration.ofSeconds(1));
    put(east, "e", "east");
    assertThat(oregon.getItem(r -> r.tableName("orders").key(item("pk", "e"))).item()).isEmpty();
    assertThat(strongGet(oregon, "e")).isNotNull();
    clock.advance(Duration.ofSeconds(1));
    assertThat(oregon.getItem(r -> r.tableName("orders").key(item("pk", "e"))).item()).isNotEmpty();
  }

  @Test
  void aWriteInFlightOnAPausedLinkMakesOtherRegionsWritesOfTheItemConflict() {
    dynamo.replication().pause("us-east-1", "us-east-2");
    put(east, "k", "east");
    assertThat(dynamo.replication().pending("us-east-1", "us-east-2")).isEqualTo(1);
    DynamoDbException conflict = assertError(() -> put(ohio, "k", "ohio"), "ReplicatedWriteConflictException", CONFLICT);
    assertThat(conflict).isInstanceOf(ReplicatedWriteConflictException.class);
    assertError(() -> oregon.updateItem(r -> r.tableName("orders").key(item("pk", "k"))
        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromS("1")))),
        "ReplicatedWriteConflictException", CONFLICT);
    assertError(() -> ohio.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(
        WriteRequest.builder().putRequest(p -> p.item(item("pk", "other"))).build(),
        WriteRequest.builder().deleteRequest(d -> d.key(item("pk", "k"))).build())))),
        "ReplicatedWriteConflictException", CONFLICT);
    assertThat(strongGet(east, "other")).as("nothing of a conflicting batch is written").isNull();

    put(ohio, "free", "ohio"); // other items are not in flight
    put(east, "k", "east again"); // nor is the item for its own region
    for (DynamoDbClient client : List.of(east, ohio, oregon)) {
      assertThat(strongGet(client, "k")).containsEntry("by", AttributeValue.fromS("east again"));
    }

    dynamo.replication().resume("us-east-1", "us-east-2");
    assertThat(dynamo.replication().pending()).isZero();
    put(ohio, "k", "ohio");
    assertThat(strongGet(oregon, "k")).containsEntry("by", AttributeValue.fromS("ohio"));
  }

  @Test
  void aPartitionedRegionsWritesStayInFlightUntilItHeals() {
    dynamo.replication().partition("us-west-2");
    put(oregon, "p", "oregon");
    assertError(() -> put(east, "p", "east"), "ReplicatedWriteConflictException", CONFLICT);
    dynamo.replication().heal("us-west-2");
    put(east, "p", "east");
    assertThat(strongGet(oregon, "p")).containsEntry("by", AttributeValue.fromS("east"));
  }

  /**
   * Real threads in two regions write one item while a link is paused: whichever region commits
   * first wins the item, every write of the other region is a replicated write conflict, and all
   * regions end with the same item.
   */
  @Test
  void concurrentWritersOfTwoRegionsConflictWhileALinkIsPaused() throws Exception {
    dynamo.replication().pause("us-east-1", "us-east-2");
    dynamo.replication().pause("us-east-2", "us-east-1");
    int perRegion = 8;
    CountDownLatch go = new CountDownLatch(1);
    ConcurrentLinkedQueue<String> succeeded = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> conflicted = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < perRegion * 2; i++) {
      DynamoDbClient client = i % 2 == 0 ? east : ohio;
      String region = i % 2 == 0 ? "us-east-1" : "us-east-2";
      threads.add(new Thread(() -> {
        try {
          go.await();
          put(client, "hot", region);
          succeeded.add(region);
        } catch (ReplicatedWriteConflictException e) {
          conflicted.add(region);
        } catch (Throwable e) {
          unexpected.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(unexpected).isEmpty();
    assertThat(succeeded.size() + conflicted.size()).isEqualTo(perRegion * 2);
    String winner = succeeded.peek();
    assertThat(succeeded).isNotEmpty().containsOnly(winner).hasSize(perRegion);
    assertThat(conflicted).hasSize(perRegion).doesNotContain(winner);
    for (DynamoDbClient client : List.of(east, ohio, oregon)) {
      assertThat(strongGet(client, "hot")).containsEntry("by", AttributeValue.fromS(winner));
    }
  }

  @Test
  void aFaultRuleCanAnswerTheConflictToo() {
    dynamo.faults().add(dev.dynamodouble.core.fault.FaultRule.on("PutItem").region("us-east-2")
        .error("ReplicatedWriteConflictException").times(1));
    assertError(() -> put(ohio, "f", "ohio"), "ReplicatedWriteConflictException", CONFLICT);
    put(ohio, "f", "ohio");
  }

  @Test
  void transactionsAndTimeToLiveAreRefused() {
    String transactions = "Transactions are not supported for global tables with MultiRegionConsistency set to "
        + "STRONG: orders";
    assertValidation(() -> ohio.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("pk", "t"))).build())), transactions);
    assertValidation(() -> east.transactGetItems(r -> r.transactItems(
        TransactGetItem.builder().get(g -> g.tableName("orders").key(item("pk", "t"))).build())), transactions);
    assertValidation(() -> oregon.executeTransaction(r -> r.transactStatements(
        s -> s.statement("INSERT INTO \"orders\" VALUE {'pk': 't'}"))), transactions);
    assertThat(strongGet(east, "t")).isNull();
    assertValidation(() -> east.updateTimeToLive(r -> r.tableName("orders")
        .timeToLiveSpecification(t -> t.enabled(true).attributeName("exp"))),
        "Time to Live is not supported for global tables with MultiRegionConsistency set to STRONG");
  }

  @Test
  void replicasHaveAStreamWhenTheTableHadOne() {
    stop();
    start(); // a fresh table, this time with a stream, made STRONG
    SdkTestSupport.createTable(east, "streamed", "pk", null);
    east.updateTable(r -> r.tableName("streamed").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType("NEW_IMAGE")));
    clock.advance(Duration.ZERO);
    east.updateTable(r -> r.tableName("streamed").multiRegionConsistency("STRONG")
        .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")))
        .globalTableWitnessUpdates(w -> w.create(c -> c.regionName("us-west-2"))));
    clock.advance(Duration.ZERO);
    TableDescription replica = ohio.describeTable(r -> r.tableName("streamed")).table();
    assertThat(replica.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_IMAGE");
    assertThat(replica.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(replica.replicas()).extracting(ReplicaDescription::regionName).containsExactly("us-east-1");
  }
}
