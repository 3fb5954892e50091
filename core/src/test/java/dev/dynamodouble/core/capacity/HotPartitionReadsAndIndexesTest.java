package dev.dynamodouble.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;

/**
 * Hot partitions beyond single items: a Query on a partition key that has used its 3,000 read units
 * is refused before it reads, and a global secondary index's partition-key values are partitions of
 * their own (3,000 read / 1,000 write units a second), whatever the table's and index's capacity.
 */
class HotPartitionReadsAndIndexesTest extends ManualEndpointTest {
  private static final String BIG = "x".repeat(399_000); // 98 read units, 390 write units

  /** Table "hot" (pk, sk) with GSI "byG" on "gk", all ALL-projected, 10,000 units everywhere. */
  private void createTable() {
    endpoint.createWithIndex("hot", "byG", "gk");
  }

  private void putBig(String pk, String gk) {
    client.putItem(r -> r.tableName("hot").item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("s"),
        "gk", AttributeValue.fromS(gk), "v", AttributeValue.fromS(BIG))));
  }

  /** Runs {@code request} until the first throttle (at most 100 times); returns how many got through. */
  private int untilThrottled(Supplier<?> request, String expectedReason, String expectedResource) {
    for (int admitted = 0; admitted < 100; admitted++) {
      try {
        request.get();
      } catch (ProvisionedThroughputExceededException e) {
        assertThat(e.throttlingReasons()).extracting(ThrottlingReason::reason, ThrottlingReason::resource)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(expectedReason, expectedResource));
        return admitted;
      }
    }
    throw new AssertionError("never throttled");
  }

  @Test
  void aQueryOnAHotPartitionKeyIsRefusedBeforeItReads() {
    createTable();
    putBig("hot", "g1");
    int admitted = untilThrottled(() -> client.query(r -> r.tableName("hot").consistentRead(true)
            .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("hot")))),
        "TableReadKeyRangeThroughputExceeded", "arn:aws:dynamodb:us-east-1:000000000000:table/hot");
    assertThat(admitted).isEqualTo(31); // 30 × 98 = 2,940 of 3,000 leaves the partition positive
    assertThat(client.query(r -> r.tableName("hot").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("cold")))).count()).isZero();
    assertThat(dynamo.capacity().usage("hot").throttledReads()).isEqualTo(1);
  }

  @Test
  void anIndexPartitionKeyIsLimitedToThreeThousandReadUnits() {
    createTable();
    putBig("a", "hotg");
    int admitted = untilThrottled(() -> client.query(r -> r.tableName("hot").indexName("byG")
            .keyConditionExpression("gk = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS("hotg")))),
        "IndexReadKeyRangeThroughputExceeded", "arn:aws:dynamodb:us-east-1:000000000000:table/hot/index/byG");
    assertThat(admitted).isEqualTo(62); // eventually consistent: 49 units each, 61 × 49 = 2,989
    assertThat(dynamo.capacity().usage("hot", "byG").throttledReads()).isEqualTo(1);
  }

  @Test
  void writesToAHotIndexPartitionKeyAreThrottledWithTheIndexReason() {
    createTable();
    int[] i = {0};
    int admitted = untilThrottled(() -> {
          putBig("p" + i[0]++, "same"); // a different table partition each time, one index partition
          return null;
        },
        "IndexWriteKeyRangeThroughputExceeded", "arn:aws:dynamodb:us-east-1:000000000000:table/hot/index/byG");
    assertThat(admitted).isEqualTo(3); // 2 × 390 = 780 of 1,000 leaves the index partition positive
    putBig("other", "elsewhere");
  }
}
