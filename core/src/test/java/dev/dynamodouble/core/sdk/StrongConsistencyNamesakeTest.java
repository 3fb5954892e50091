package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A table named like an MRSC global table, created on its own in a region that is not one of the
 * global table's, is a plain table: an item the global table has in flight does not make its
 * writes conflict, and nothing it does reaches the global table.
 */
class StrongConsistencyNamesakeTest {
  private ThreeRegions regions;
  private DynamoDbClient east;
  private DynamoDbClient ohio;
  private DynamoDbClient ireland;

  @BeforeEach
  void start() {
    regions = new ThreeRegions(Duration.ZERO);
    east = regions.east;
    ohio = regions.ohio;
    east.updateTable(r -> r.tableName("orders").multiRegionConsistency("STRONG")
        .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")), u -> u.create(c -> c.regionName("us-west-2"))));
    regions.clock.advance(Duration.ZERO);
    ireland = SdkTestSupport.client(regions.dynamo, "eu-west-1");
    SdkTestSupport.createTable(ireland, "orders", "pk", null);
    regions.clock.advance(Duration.ZERO);
  }

  @AfterEach
  void stop() {
    ireland.close();
    regions.close();
  }

  @Test
  void itsWritesOfAnItemTheGlobalTableHasInFlightSucceed() {
    regions.dynamo.replication().pause("us-east-1", "us-east-2");
    put(east, "k", "east");
    assertThat(regions.dynamo.replication().pending("us-east-1", "us-east-2")).isEqualTo(1);

    put(ireland, "k", "ireland");
    ireland.updateItem(r -> r.tableName("orders").key(item("pk", "k")).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("1"))));
    ireland.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(
        WriteRequest.builder().putRequest(p -> p.item(item("pk", "k", "by", "batch"))).build(),
        WriteRequest.builder().putRequest(p -> p.item(item("pk", "b", "by", "batch"))).build()))));
    assertThat(get(ireland, "k")).containsEntry("by", AttributeValue.fromS("batch"));
    ireland.deleteItem(r -> r.tableName("orders").key(item("pk", "k")));
    assertThat(get(ireland, "k")).isNull();

    assertThat(get(east, "k")).as("the global table's item").containsEntry("by", AttributeValue.fromS("east"));
    assertThat(get(ohio, "b")).as("nothing of the namesake replicates").isNull();
    assertThat(regions.dynamo.replication().pending("us-east-1", "us-east-2")).isEqualTo(1);
  }

  @Test
  void itIsDescribedAndTransactedAsAPlainTable() {
    TableDescription table = ireland.describeTable(r -> r.tableName("orders")).table();
    assertThat(table.multiRegionConsistency()).isNull();
    assertThat(table.replicas()).isEmpty();

    ireland.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("pk", "t", "by", "transaction"))).build()));
    assertThat(get(ireland, "t")).containsEntry("by", AttributeValue.fromS("transaction"));
    assertThat(get(east, "t")).isNull();
  }

  private static void put(DynamoDbClient client, String pk, String by) {
    client.putItem(r -> r.tableName("orders").item(item("pk", pk, "by", by)));
  }

  private static Map<String, AttributeValue> get(DynamoDbClient client, String pk) {
    return SdkTestSupport.consistentItem(client, "orders", item("pk", pk));
  }
}
