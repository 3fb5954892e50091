package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Item collections of tables with LSIs: ItemCollectionMetrics and the collection size limit. */
class ItemCollectionTest {

  @Test
  void metricsAndTheSizeLimit() {
    try (DynamoDouble dynamo = DynamoDouble.builder().itemCollectionLimit(2048).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      client.createTable(r -> r.tableName("threads").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(KeySchemaElement.builder().attributeName("forum").keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName("subject").keyType(KeyType.RANGE).build())
          .attributeDefinitions(
              AttributeDefinition.builder().attributeName("forum").attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName("subject").attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName("posted").attributeType(ScalarAttributeType.S).build())
          .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byPosted")
              .keySchema(KeySchemaElement.builder().attributeName("forum").keyType(KeyType.HASH).build(),
                  KeySchemaElement.builder().attributeName("posted").keyType(KeyType.RANGE).build())
              .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
      var put = client.putItem(r -> r.tableName("threads").item(item("forum", "f", "subject", "a", "body", "x".repeat(900)))
          .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
      assertThat(put.itemCollectionMetrics().itemCollectionKey()).isEqualTo(item("forum", "f"));
      assertThat(put.itemCollectionMetrics().sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
      client.putItem(r -> r.tableName("threads").item(item("forum", "f", "subject", "b", "body", "x".repeat(900))));
      assertError(() -> client.putItem(r -> r.tableName("threads").item(item("forum", "f", "subject", "c", "body", "x".repeat(900)))),
          "ItemCollectionSizeLimitExceededException", "Collection size exceeded.");
      client.putItem(r -> r.tableName("threads").item(item("forum", "other", "subject", "c", "body", s("x").s())));

      // BatchWriteItem reports each written item's collection, per table.
      var batch = client.batchWriteItem(r -> r.returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
          .requestItems(Map.of("threads", List.of(
              WriteRequest.builder().putRequest(p -> p.item(item("forum", "g", "subject", "a"))).build(),
              WriteRequest.builder().deleteRequest(d -> d.key(item("forum", "other", "subject", "c"))).build()))));
      assertThat(batch.itemCollectionMetrics().get("threads"))
          .extracting(ItemCollectionMetrics::itemCollectionKey)
          .containsExactly(item("forum", "g"), item("forum", "other"));
      assertThat(batch.itemCollectionMetrics().get("threads").get(0).sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
      // Without SIZE, or for a table without LSIs, there is none.
      assertThat(client.batchWriteItem(r -> r.requestItems(Map.of("threads", List.of(WriteRequest.builder()
          .putRequest(p -> p.item(item("forum", "g", "subject", "b"))).build())))).hasItemCollectionMetrics())
          .isFalse();
    }
  }
}
