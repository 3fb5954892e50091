package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * GSIs added and removed with UpdateTable go CREATING (allocating, the table UPDATING), CREATING (backfilling,
 * the table ACTIVE) → ACTIVE and DELETING → gone through the clock.
 */
class GlobalIndexLifecycleTest {

  @Test
  void createBackfillQueryAndDeleteAnIndex() {
    ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).statusDelay(Duration.ofSeconds(30)).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "people", "pk", null);
      clock.advance(Duration.ofSeconds(30));
      client.putItem(r -> r.tableName("people").item(item("pk", "1", "city", "Oslo")));
      client.putItem(r -> r.tableName("people").item(item("pk", "2", "city", "Oslo")));
      client.putItem(r -> r.tableName("people").item(item("pk", "3")));

      client.updateTable(r -> r.tableName("people")
          .attributeDefinitions(AttributeDefinition.builder().attributeName("city").attributeType(ScalarAttributeType.S).build())
          .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byCity")
              .keySchema(KeySchemaElement.builder().attributeName("city").keyType(KeyType.HASH).build())
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build())).build()));
      var allocating = client.describeTable(r -> r.tableName("people")).table();
      assertThat(allocating.tableStatus()).isEqualTo(TableStatus.UPDATING);
      GlobalSecondaryIndexDescription creating = allocating.globalSecondaryIndexes().get(0);
      assertThat(creating.indexStatus()).isEqualTo(IndexStatus.CREATING);
      assertThat(creating.backfilling()).isFalse();
      assertError(() -> client.query(r -> r.tableName("people").indexName("byCity").keyConditionExpression("city = :c")
          .expressionAttributeValues(Map.of(":c", s("Oslo")))), "ValidationException",
          "Cannot read from backfilling global secondary index: byCity");

      clock.advance(Duration.ofSeconds(15)); // the backfill starts halfway through the status delay
      var backfilling = client.describeTable(r -> r.tableName("people")).table();
      assertThat(backfilling.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(backfilling.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
      assertThat(backfilling.globalSecondaryIndexes().get(0).backfilling()).isTrue();
      assertError(() -> client.query(r -> r.tableName("people").indexName("byCity").keyConditionExpression("city = :c")
          .expressionAttributeValues(Map.of(":c", s("Oslo")))), "ValidationException",
          "Cannot read from backfilling global secondary index: byCity"); // readable once ACTIVE

      clock.advance(Duration.ofSeconds(15));
      var table = client.describeTable(r -> r.tableName("people")).table();
      assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(table.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
      assertThat(table.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(2); // sparse: item 3 has no city
      assertThat(client.query(r -> r.tableName("people").indexName("byCity").keyConditionExpression("city = :c")
          .expressionAttributeValues(Map.of(":c", s("Oslo")))).count()).isEqualTo(2);

      client.updateTable(r -> r.tableName("people").globalSecondaryIndexUpdates(
          GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("byCity")).build()));
      assertThat(client.describeTable(r -> r.tableName("people")).table().globalSecondaryIndexes().get(0).indexStatus())
          .isEqualTo(IndexStatus.DELETING);
      assertThat(client.describeTable(r -> r.tableName("people")).table().attributeDefinitions())
          .extracting(AttributeDefinition::attributeName).containsExactlyInAnyOrder("pk", "city");
      clock.advance(Duration.ofSeconds(30));
      var deleted = client.describeTable(r -> r.tableName("people")).table();
      assertThat(deleted.hasGlobalSecondaryIndexes()).isFalse();
      // The index's own key attribute is no longer defined: DynamoDB describes only attributes keys use.
      assertThat(deleted.attributeDefinitions()).extracting(AttributeDefinition::attributeName).containsExactly("pk");
    }
  }

  @Test
  void withTheDefaultStatusDelayAnAddedIndexIsActiveByTheNextRequest() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "people", "pk", null);
      client.putItem(r -> r.tableName("people").item(item("pk", "1", "city", "Oslo")));

      var answer = client.updateTable(r -> r.tableName("people")
          .attributeDefinitions(AttributeDefinition.builder().attributeName("city").attributeType(ScalarAttributeType.S).build())
          .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byCity")
              .keySchema(KeySchemaElement.builder().attributeName("city").keyType(KeyType.HASH).build())
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build())).build())).tableDescription();
      assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
      // The answer says what UpdateTable did, though the clock may have moved the index on before it was written.
      assertThat(answer.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
      assertThat(answer.globalSecondaryIndexes().get(0).backfilling()).isFalse();

      var table = client.describeTable(r -> r.tableName("people")).table();
      assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(table.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
      assertThat(table.globalSecondaryIndexes().get(0).backfilling()).isNull();
      assertThat(client.query(r -> r.tableName("people").indexName("byCity").keyConditionExpression("city = :c")
          .expressionAttributeValues(Map.of(":c", s("Oslo")))).count()).isEqualTo(1);
      assertError(() -> client.putItem(r -> r.tableName("people").item(item("pk", "2", "city", SdkTestSupport.n("7")))),
          "ValidationException", "One or more parameter values were invalid: Type mismatch for Index Key city "
              + "Expected: S Actual: N IndexName: byCity");
    }
  }
}
