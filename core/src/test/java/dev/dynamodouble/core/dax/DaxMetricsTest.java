package dev.dynamodouble.core.dax;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ReturnConsumedCapacity and ReturnItemCollectionMetrics through the real DAX client: what the table
 * consumed is relayed; a cache hit consumes nothing of the table.
 */
class DaxMetricsTest extends DaxClusterTest {
  @Override
  DynamoDouble.Builder endpoint() {
    return DynamoDouble.builder();
  }

  @Override
  void tables() {
    SdkTestSupport.createTable(direct, "kvs", "k", null);
    direct.createTable(r -> r.tableName("collections").billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("at").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
        .localSecondaryIndexes(i -> i.indexName("byAt").projection(p -> p.projectionType(ProjectionType.ALL))
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                k -> k.attributeName("at").keyType(KeyType.RANGE))));
  }

  @BeforeEach
  void cold() {
    dynamo.daxCache().clear();
  }

  @Test
  void aMissIsChargedAndAHitIsFree() {
    direct.putItem(r -> r.tableName("kvs").item(item("k", "a", "v", "1")));
    ConsumedCapacity miss = dax.getItem(r -> r.tableName("kvs").key(item("k", "a"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(miss.tableName()).isEqualTo("kvs");
    assertThat(miss.capacityUnits()).isEqualTo(0.5);
    ConsumedCapacity hit = dax.getItem(r -> r.tableName("kvs").key(item("k", "a"))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(hit.capacityUnits()).isZero();
    assertThat(hit.table().capacityUnits()).isZero();
    ConsumedCapacity consistent = dax.getItem(r -> r.tableName("kvs").key(item("k", "a")).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(consistent.capacityUnits()).isEqualTo(1.0);
    assertThat(consistent.table().capacityUnits()).isEqualTo(1.0);
    assertThat(dax.getItem(r -> r.tableName("kvs").key(item("k", "a"))).consumedCapacity()).isNull();
  }

  @Test
  void writesAreChargedAsTheTableCharged() {
    assertThat(dax.putItem(r -> r.tableName("kvs").item(item("k", "w", "v", "1"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(1.0);
    assertThat(dax.updateItem(r -> r.tableName("kvs").key(item("k", "w")).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", n("2"))).returnValues(ReturnValue.UPDATED_NEW)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(1.0);
    assertThat(dax.deleteItem(r -> r.tableName("kvs").key(item("k", "w"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(1.0);
  }

  @Test
  void aQueryIsChargedOnceThenServedFromTheQueryCache() {
    direct.putItem(r -> r.tableName("collections").item(item("pk", "p", "sk", "1", "at", "x")));
    var first = dax.query(r -> r.tableName("collections").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", item("p", "p").get("p")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
    assertThat(first.consumedCapacity().capacityUnits()).isEqualTo(0.5);
    assertThat(first.consumedCapacity().table().capacityUnits()).isEqualTo(0.5);
    var again = dax.query(r -> r.tableName("collections").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", item("p", "p").get("p")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
    assertThat(again.consumedCapacity().capacityUnits()).isZero();
    assertThat(again.items()).hasSize(1);
  }

  @Test
  void itemCollectionMetricsAreRelayed() {
    ItemCollectionMetrics metrics = dax.putItem(r -> r.tableName("collections")
        .item(item("pk", "m", "sk", "1", "at", "x"))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).itemCollectionMetrics();
    ItemCollectionMetrics direct = this.direct.putItem(r -> r.tableName("collections")
        .item(item("pk", "m", "sk", "2", "at", "y"))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
    assertThat(metrics.itemCollectionKey()).isEqualTo(item("pk", "m"));
    assertThat(metrics.sizeEstimateRangeGB()).isEqualTo(direct.sizeEstimateRangeGB()).hasSize(2);
    ConsumedCapacity capacity = dax.deleteItem(r -> r.tableName("collections").key(item("pk", "m", "sk", "1"))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(capacity.localSecondaryIndexes()).containsOnlyKeys("byAt");
    assertThat(List.of(capacity.table().capacityUnits())).containsExactly(1.0);
  }

  @Test
  void batchesChargeTheTablesTheyReadOrWrote() {
    var written = dax.batchWriteItem(r -> r.requestItems(Map.of(
        "kvs", List.of(WriteRequest.builder().putRequest(p -> p.item(item("k", "b1"))).build()),
        "collections", List.of(WriteRequest.builder().putRequest(p -> p.item(item("pk", "c", "sk", "1", "at", "x")))
            .build())))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertThat(written.consumedCapacity()).extracting(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits)
        .containsExactlyInAnyOrder(tuple("kvs", 1.0), tuple("collections", 2.0));
    // Relayed as the table answered them (Dynamo Double's BatchWriteItem reports none).
    assertThat(written.itemCollectionMetrics()).isEqualTo(this.direct.batchWriteItem(r -> r.requestItems(Map.of(
        "collections", List.of(WriteRequest.builder().putRequest(p -> p.item(item("pk", "c", "sk", "2", "at", "x")))
            .build()))).returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics());

    var read = dax.batchGetItem(r -> r.requestItems(Map.of("kvs", KeysAndAttributes.builder()
        .keys(item("k", "b1"), item("k", "b2")).build())).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    // b1 was written through (cached): only b2 is read, and a batch read costs what DynamoDB charges it.
    assertThat(read.consumedCapacity()).singleElement().satisfies(c -> {
      assertThat(c.tableName()).isEqualTo("kvs");
      assertThat(c.capacityUnits()).isEqualTo(0.5);
    });
    var cached = dax.batchGetItem(r -> r.requestItems(Map.of("kvs", KeysAndAttributes.builder()
        .keys(item("k", "b1"), item("k", "b2")).build())).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(cached.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isZero());
  }

  @Test
  void transactionsChargeWhatDynamoDbCharged() {
    var written = dax.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().put(p -> p.tableName("kvs").item(item("k", "t1"))).build(),
            TransactWriteItem.builder().put(p -> p.tableName("collections").item(item("pk", "t", "sk", "1", "at", "x")))
                .build())
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    ConsumedCapacity direct = this.direct.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().put(p -> p.tableName("kvs").item(item("k", "t2"))).build(),
            TransactWriteItem.builder().put(p -> p.tableName("collections").item(item("pk", "t", "sk", "2", "at", "y")))
                .build())
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity().stream()
        .filter(c -> c.tableName().equals("collections")).findFirst().orElseThrow();
    ConsumedCapacity viaDax = written.consumedCapacity().stream()
        .filter(c -> c.tableName().equals("collections")).findFirst().orElseThrow();
    assertThat(viaDax.capacityUnits()).isEqualTo(direct.capacityUnits());
    assertThat(viaDax.writeCapacityUnits()).isEqualTo(direct.writeCapacityUnits());
    assertThat(viaDax.table().capacityUnits()).isEqualTo(direct.table().capacityUnits());
    assertThat(viaDax).isEqualTo(direct);
    assertThat(written.itemCollectionMetrics()).containsOnlyKeys("collections");

    var read = dax.transactGetItems(r -> r.transactItems(
        TransactGetItem.builder().get(g -> g.tableName("kvs").key(item("k", "t1"))).build())
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(read.consumedCapacity()).singleElement().satisfies(c -> {
      assertThat(c.tableName()).isEqualTo("kvs");
      assertThat(c.capacityUnits()).isEqualTo(2.0);
    });
  }
}
