package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Batches, transactions and conditional writes on a provisioned table (5 RCU / 5 WCU) on a manual clock. */
class BatchThrottlingTest extends ManualEndpointTest {
  @BeforeEach
  void createTable() {
    endpoint.createProvisioned("tbl", 5, 5);
  }

  private static List<WriteRequest> puts(int n, String prefix) {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", prefix + i)).build()).build());
    }
    return writes;
  }

  @Test
  void batchWriteLeavesTheThrottledPartUnprocessed() {
    BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(Map.of("tbl", puts(8, "a"))));
    assertThat(response.unprocessedItems().get("tbl")).hasSize(3)
        .extracting(w -> w.putRequest().item().get("pk").s()).containsExactly("a5", "a6", "a7");
    assertThat(client.scan(r -> r.tableName("tbl").consistentRead(false)).count()).isEqualTo(5);
    assertThat(dynamo.capacity().usage("tbl").throttledWrites()).isEqualTo(3);

    // Resending the unprocessed items once the clock has refilled the bucket writes them.
    clock.advance(Duration.ofSeconds(1));
    assertThat(client.batchWriteItem(r -> r.requestItems(response.unprocessedItems())).unprocessedItems()).isEmpty();
  }

  @Test
  void aBatchOfWhichNothingCanBeProcessedIsThrottled() {
    client.batchWriteItem(r -> r.requestItems(Map.of("tbl", puts(5, "a"))));
    ProvisionedThroughputExceededException e = catchThrowableOfType(ProvisionedThroughputExceededException.class,
        () -> client.batchWriteItem(r -> r.requestItems(Map.of("tbl", puts(3, "b")))));
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The level of configured provisioned throughput for one "
        + "or more tables was exceeded. Consider increasing your provisioning level with the UpdateTable API");
    assertThat(e.throttlingReasons()).singleElement()
        .satisfies(reason -> assertThat(reason.reason()).isEqualTo("TableWriteProvisionedThroughputExceeded"));
    assertThat(client.scan(r -> r.tableName("tbl")).count()).isEqualTo(5);
  }

  @Test
  void batchGetLeavesTheThrottledKeysUnprocessed() {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      keys.add(item("pk", "k" + i));
    }
    var response = client.batchGetItem(r -> r.requestItems(Map.of("tbl",
        KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
    assertThat(response.unprocessedKeys().get("tbl").keys()).hasSize(3);
    assertThat(response.unprocessedKeys().get("tbl").consistentRead()).isTrue();
    assertThat(catchThrowableOfType(ProvisionedThroughputExceededException.class, () -> client.batchGetItem(r ->
        r.requestItems(Map.of("tbl", KeysAndAttributes.builder().keys(keys).build()))))).isNotNull();
  }

  @Test
  void aThrottledTransactionIsCancelledWithThrottlingError() {
    client.batchWriteItem(r -> r.requestItems(Map.of("tbl", puts(4, "a"))));
    // 1 unit left; a transactional write costs 2 per KB: the first item is admitted, the second is not
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(
            t -> t.put(p -> p.tableName("tbl").item(item("pk", "t1"))),
            t -> t.put(p -> p.tableName("tbl").item(item("pk", "t2"))))));
    assertThat(e.cancellationReasons()).extracting(reason -> reason.code()).containsExactly("None", "ThrottlingError");
    assertThat(e.cancellationReasons().get(1).message()).startsWith("Throughput exceeds the current capacity");
    assertThat(client.scan(r -> r.tableName("tbl")).count()).isEqualTo(4);

    clock.advance(Duration.ofSeconds(1)); // 1 + 5 = 6 units: two transactional 1 KB writes take 4
    client.transactWriteItems(r -> r.transactItems(
        t -> t.put(p -> p.tableName("tbl").item(item("pk", "t1"))),
        t -> t.put(p -> p.tableName("tbl").item(item("pk", "t2")))));
    assertThat(dynamo.capacity().usage("tbl").remainingWrite()).isEqualTo(2.0);
  }

  @Test
  void aFailedConditionalWriteStillConsumesWriteCapacity() {
    for (int i = 0; i < 5; i++) {
      assertThat(catchThrowableOfType(ConditionalCheckFailedException.class, () -> client.putItem(r -> r
          .tableName("tbl").item(item("pk", "x")).conditionExpression("attribute_exists(pk)")))).isNotNull();
    }
    assertThat(dynamo.capacity().usage("tbl").remainingWrite()).isEqualTo(0.0);
    assertThat(catchThrowableOfType(ProvisionedThroughputExceededException.class,
        () -> client.putItem(r -> r.tableName("tbl").item(item("pk", "y"))))).isNotNull();
  }

  @Test
  void oneHotPartitionKeyIsLimitedToOneThousandWriteUnitsPerSecondEvenWithCapacityToSpare() {
    client.createTable(r -> r.tableName("big").keySchema(hash("pk"), SdkTestSupport.range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(10_000L).writeCapacityUnits(10_000L)));
    clock.advance(Duration.ofSeconds(300));
    int admitted = 0;
    ProvisionedThroughputExceededException last = null;
    for (int i = 0; i < 1010; i++) {
      String sk = "s" + i;
      try {
        client.putItem(r -> r.tableName("big").item(item("pk", "hot", "sk", sk)));
        admitted++;
      } catch (ProvisionedThroughputExceededException e) {
        last = e;
      }
    }
    assertThat(admitted).isEqualTo(1000);
    assertThat(last.throttlingReasons()).singleElement()
        .satisfies(reason -> assertThat(reason.reason()).isEqualTo("TableWriteKeyRangeThroughputExceeded"));
    // another partition key of the same table is not affected
    client.putItem(r -> r.tableName("big").item(item("pk", "cold", "sk", "s")));
    clock.advance(Duration.ofMillis(100)); // a tenth of a second refills 100 units of the hot partition
    client.putItem(r -> r.tableName("big").item(item("pk", "hot", "sk", "again")));
  }
}
