package dev.dynamodouble.junit5.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.junit5.DynamoDoubleTest;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.InRegion;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReplicatedWriteConflictException;

/** README "Global tables", multi-Region strong consistency (kept as written there). */
@DynamoDoubleTest(clock = "2026-01-01T00:00:00Z")
@DynamoTable(name = "accounts", partitionKey = "id", replicas = "us-east-2", strongConsistency = true,
    witness = "us-west-2")
class StrongAccountsTest {
  static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("a1"));

  static Map<String, AttributeValue> account(String balance) {
    return Map.of("id", AttributeValue.fromS("a1"), "balance", AttributeValue.fromN(balance));
  }

  @Test
  void everyRegionReadsTheLatestWriteAndConcurrentWritesConflict(DynamoDbClient virginia,
      @InRegion("us-east-2") DynamoDbClient ohio, DynamoDouble dynamo) {
    virginia.putItem(r -> r.tableName("accounts").item(account("100")));
    // No clock to advance: the write is in Ohio as soon as Virginia's PutItem returns.
    assertThat(ohio.getItem(r -> r.tableName("accounts").key(KEY).consistentRead(true)).item().get("balance").n())
        .isEqualTo("100");

    // Keep Virginia's next write in flight (unacknowledged by Ohio): Ohio's write of the item conflicts.
    dynamo.replication().pause("us-east-1", "us-east-2");
    virginia.putItem(r -> r.tableName("accounts").item(account("80")));
    assertThatThrownBy(() -> ohio.putItem(r -> r.tableName("accounts").item(account("90"))))
        .isInstanceOf(ReplicatedWriteConflictException.class);          // retryable, HTTP 400
    dynamo.replication().resume("us-east-1", "us-east-2");
    ohio.putItem(r -> r.tableName("accounts").item(account("90")));      // the retry succeeds
    assertThat(virginia.getItem(r -> r.tableName("accounts").key(KEY).consistentRead(true)).item().get("balance").n())
        .isEqualTo("90");
  }
}
