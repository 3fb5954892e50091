package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The table "orders" (partition key pk) and the global secondary index byAddress (city, street:
 * both strings) to add to it online, through the phases of {@link PhasedIndexTable}.
 * The table is on-demand, or provisioned ({@link #provisioned()}: 5 read and 5 write units, as is
 * the index).
 */
final class OnlineIndexTable extends PhasedIndexTable {
  static final String INDEX = "byAddress";
  /** What a write of a city that is a number is refused with once the index is ACTIVE. */
  static final String MISMATCH = "One or more parameter values were invalid: Type mismatch for Index Key city "
      + "Expected: S Actual: N IndexName: byAddress";
  /** An item whose city is a number: it violates byAddress's keys. */
  static final Map<String, AttributeValue> MISTYPED = item("pk", "o1", "city", SdkTestSupport.n("7"), "street", "Main");
  /** The same UpdateTable as {@link #addIndex()}, as a request body for the engine's dispatcher. */
  static final String ADD_INDEX_JSON = "{\"TableName\":\"orders\",\"AttributeDefinitions\":["
      + "{\"AttributeName\":\"city\",\"AttributeType\":\"S\"},{\"AttributeName\":\"street\",\"AttributeType\":\"S\"}],"
      + "\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"byAddress\",\"KeySchema\":["
      + "{\"AttributeName\":\"city\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"street\",\"KeyType\":\"RANGE\"}],"
      + "\"Projection\":{\"ProjectionType\":\"ALL\"}}}]}";

  /** The provisioned throughput of a {@link #provisioned()} table and of its index. */
  static final ProvisionedThroughput UNITS = ProvisionedThroughput.builder().readCapacityUnits(5L)
      .writeCapacityUnits(5L).build();

  private final boolean provisioned;

  OnlineIndexTable() {
    this(false);
  }

  private OnlineIndexTable(boolean provisioned) {
    this.provisioned = provisioned;
    if (provisioned) {
      client.createTable(r -> r.tableName("orders").keySchema(hash("pk")).attributeDefinitions(attr("pk",
          ScalarAttributeType.S)).billingMode(BillingMode.PROVISIONED).provisionedThroughput(UNITS));
    } else {
      SdkTestSupport.createTable(client, "orders", "pk", null);
    }
    clock.advance(STATUS_DELAY); // ACTIVE: no status task left due for a write to run or wait behind
  }

  /** The table on provisioned capacity ({@link #UNITS}). */
  static OnlineIndexTable provisioned() {
    return new OnlineIndexTable(true);
  }

  /** Adds byAddress through UpdateTable; it is CREATING, allocating its resources, and the table UPDATING. */
  void addIndex() {
    client.updateTable(r -> r.tableName("orders")
        .attributeDefinitions(attr("city", ScalarAttributeType.S), attr("street", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName(INDEX)
            .keySchema(hash("city"), range("street")).projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(provisioned ? UNITS : null)).build()));
    assertPhase(TableStatus.UPDATING, IndexStatus.CREATING, false);
  }

  /** Adds a replica in eu-west-1, ACTIVE once this returns; answers a client of that region for the caller to close. */
  DynamoDbClient addReplica() {
    client.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
    clock.advance(STATUS_DELAY);
    return SdkTestSupport.client(dynamo, "eu-west-1");
  }

  /** Deletes byAddress through UpdateTable (through {@code region}'s client) and answers the table's description. */
  TableDescription deleteIndex(DynamoDbClient region) {
    return region.updateTable(r -> r.tableName("orders").globalSecondaryIndexUpdates(
        GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName(INDEX)).build())).tableDescription();
  }

  /** The table's status, as DescribeTable reports it. */
  TableStatus tableStatus() {
    return client.describeTable(r -> r.tableName("orders")).table().tableStatus();
  }

  /** DescribeTable's view of byAddress. */
  GlobalSecondaryIndexDescription describeIndex() {
    return describeIndex(client);
  }

  /** DescribeTable's view of byAddress, through {@code region}'s client. */
  static GlobalSecondaryIndexDescription describeIndex(DynamoDbClient region) {
    return region.describeTable(r -> r.tableName("orders")).table().globalSecondaryIndexes().get(0);
  }

  @Override
  void assertPhase(TableStatus tableStatus, IndexStatus status, Boolean backfilling) {
    TableDescription described = client.describeTable(r -> r.tableName("orders")).table();
    assertThat(described.tableStatus()).isEqualTo(tableStatus);
    GlobalSecondaryIndexDescription index = described.globalSecondaryIndexes().get(0);
    assertThat(index.indexStatus()).isEqualTo(status);
    assertThat(index.backfilling()).isEqualTo(backfilling);
  }

  /** The pk of every item in the table, in key order. */
  List<String> tableKeys() {
    return keys(client.scan(r -> r.tableName("orders")).items());
  }

  /** The pk of every item byAddress holds (readable once ACTIVE). */
  List<String> indexedKeys() {
    return keys(client.scan(r -> r.tableName("orders").indexName(INDEX)).items());
  }

  /** The item under {@code pk}, or an empty map. */
  Map<String, AttributeValue> get(String pk) {
    return client.getItem(r -> r.tableName("orders").key(item("pk", pk))).item();
  }

  private static List<String> keys(List<Map<String, AttributeValue>> items) {
    return items.stream().map(i -> i.get("pk").s()).sorted().toList();
  }
}
