package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.repeat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ReturnConsumedCapacity by DynamoDB's rules: reads in 4 KB units (half for eventually consistent
 * reads, at least one unit even for a missing item), writes in 1 KB units of the larger of the old
 * and new item. Items here are {@code {pk: "k", v: <string>}}: 4 bytes plus the string.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumedCapacityTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "cap", "pk", null);
    client.createTable(r -> r.tableName("capIndexed").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("g"))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  /** An item of exactly {@code bytes} bytes under key {@code k}. */
  private static Map<String, AttributeValue> sized(String k, int bytes) {
    return item("pk", k, "v", repeat('x', bytes - 3 - k.length()));
  }

  private ConsumedCapacity put(Map<String, AttributeValue> item) {
    return client.putItem(r -> r.tableName("cap").item(item).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity();
  }

  private ConsumedCapacity get(String k, boolean consistent) {
    return client.getItem(r -> r.tableName("cap").key(item("pk", k)).consistentRead(consistent)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
  }

  private ConsumedCapacity delete(String k) {
    return client.deleteItem(r -> r.tableName("cap").key(item("pk", k))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
  }

  @Test
  void readsAreCountedIn4KbUnitsHalvedWhenEventuallyConsistent() {
    client.putItem(r -> r.tableName("cap").item(sized("r4k", 4096)));
    client.putItem(r -> r.tableName("cap").item(sized("r4k1", 4097)));
    client.putItem(r -> r.tableName("cap").item(sized("small", 10)));

    assertThat(get("small", true).capacityUnits()).isEqualTo(1.0);
    assertThat(get("small", false).capacityUnits()).isEqualTo(0.5);
    assertThat(get("r4k", true).capacityUnits()).isEqualTo(1.0);
    assertThat(get("r4k1", true).capacityUnits()).isEqualTo(2.0);
    assertThat(get("r4k1", false).capacityUnits()).isEqualTo(1.0);
    assertThat(get("small", true).tableName()).isEqualTo("cap");
  }

  @Test
  void aMissingItemStillCostsAUnit() {
    assertThat(get("absent", true).capacityUnits()).isEqualTo(1.0);
    assertThat(get("absent", false).capacityUnits()).isEqualTo(0.5);
  }

  @Test
  void writesAreCountedIn1KbUnits() {
    assertThat(put(sized("w1k", 1024)).capacityUnits()).isEqualTo(1.0);
    assertThat(put(sized("w1k1", 1025)).capacityUnits()).isEqualTo(2.0);
    assertThat(put(sized("w3k", 3 * 1024)).capacityUnits()).isEqualTo(3.0);
  }

  @Test
  void replacingAnItemCostsTheLargerOfTheTwo() {
    assertThat(put(sized("shrink", 2500)).capacityUnits()).isEqualTo(3.0);
    assertThat(put(sized("shrink", 10)).capacityUnits()).isEqualTo(3.0);
    assertThat(put(sized("shrink", 10)).capacityUnits()).isEqualTo(1.0);
  }

  @Test
  void deletesCostTheDeletedItemAndAtLeastOneUnit() {
    assertThat(delete("never-there").capacityUnits()).isEqualTo(1.0);
    client.putItem(r -> r.tableName("cap").item(sized("big", 2 * 1024 + 1)));
    ConsumedCapacity deleted = client.deleteItem(r -> r.tableName("cap").key(item("pk", "big"))
        .returnValues(ReturnValue.ALL_OLD).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(deleted.capacityUnits()).isEqualTo(3.0);
  }

  @Test
  void indexesAddsTheTableBreakdown() {
    ConsumedCapacity c = client.putItem(r -> r.tableName("cap").item(sized("idx", 100))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(c.tableName()).isEqualTo("cap");
    assertThat(c.capacityUnits()).isEqualTo(1.0);
    assertThat(c.table().capacityUnits()).isEqualTo(1.0);
    assertThat(c.writeCapacityUnits()).isEqualTo(1.0);
    assertThat(c.table().writeCapacityUnits()).isEqualTo(1.0);
    assertThat(c.readCapacityUnits()).isNull();
    assertThat(c.hasGlobalSecondaryIndexes()).isFalse();
    assertThat(c.hasLocalSecondaryIndexes()).isFalse();

    ConsumedCapacity read = client.getItem(r -> r.tableName("cap").key(item("pk", "idx"))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(read.capacityUnits()).isEqualTo(0.5);
    assertThat(read.table().capacityUnits()).isEqualTo(0.5);
    assertThat(read.readCapacityUnits()).isEqualTo(0.5);
    assertThat(read.table().readCapacityUnits()).isEqualTo(0.5);
    assertThat(read.writeCapacityUnits()).isNull();
  }

  @Test
  void totalHasNoBreakdownAndNoneHasNothing() {
    ConsumedCapacity total = put(sized("total", 10));
    assertThat(total.table()).isNull();
    assertThat(client.putItem(r -> r.tableName("cap").item(sized("none", 10))
        .returnConsumedCapacity(ReturnConsumedCapacity.NONE)).consumedCapacity()).isNull();
    assertThat(client.getItem(r -> r.tableName("cap").key(item("pk", "none"))
        .returnConsumedCapacity(ReturnConsumedCapacity.NONE)).consumedCapacity()).isNull();
    assertThat(client.deleteItem(r -> r.tableName("cap").key(item("pk", "none"))
        .returnConsumedCapacity(ReturnConsumedCapacity.NONE)).consumedCapacity()).isNull();
  }

  @Test
  void writesToAGlobalIndexAreCountedToo() {
    ConsumedCapacity c = client.putItem(r -> r.tableName("capIndexed").item(item("pk", "a", "g", "x"))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(c.table().capacityUnits()).isEqualTo(1.0);
    assertThat(c.globalSecondaryIndexes().get("byG").capacityUnits()).isEqualTo(1.0);
    assertThat(c.capacityUnits()).isEqualTo(2.0);
    // Changing the index key costs a delete and a put in the index; an unindexed attribute costs nothing there.
    ConsumedCapacity moved = client.putItem(r -> r.tableName("capIndexed").item(item("pk", "a", "g", "y"))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(moved.globalSecondaryIndexes().get("byG").capacityUnits()).isEqualTo(2.0);
    ConsumedCapacity removed = client.deleteItem(r -> r.tableName("capIndexed").key(item("pk", "a"))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(removed.globalSecondaryIndexes().get("byG").capacityUnits()).isEqualTo(1.0);
  }
}
