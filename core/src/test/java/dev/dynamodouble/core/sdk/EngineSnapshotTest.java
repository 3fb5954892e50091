package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** An engine snapshot puts back items, tables and table settings (what the JUnit extension resets between tests). */
class EngineSnapshotTest {

  @Test
  void restorePutsBackItemsTablesAndSettings() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "kept", "pk", null);
      client.putItem(r -> r.tableName("kept").item(item("pk", "a")));
      client.describeTable(r -> r.tableName("kept"));
      TableDescription before = client.describeTable(r -> r.tableName("kept")).table();
      EngineSnapshot snapshot = dynamo.engine().snapshot();

      client.putItem(r -> r.tableName("kept").item(item("pk", "b", "g", "x")));
      client.updateTable(r -> r.tableName("kept").billingMode(BillingMode.PROVISIONED)
          .provisionedThroughput(t -> t.readCapacityUnits(7L).writeCapacityUnits(7L)));
      client.describeTable(r -> r.tableName("kept"));
      client.updateTable(r -> r.tableName("kept")
          .attributeDefinitions(AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
          .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byG")
              .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
              .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))).build()));
      SdkTestSupport.createTable(client, "added", "pk", null);

      dynamo.engine().restore(snapshot);

      TableDescription after = client.describeTable(r -> r.tableName("kept")).table();
      assertThat(after.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
      assertThat(after.hasGlobalSecondaryIndexes()).isFalse();
      assertThat(after.attributeDefinitions()).isEqualTo(before.attributeDefinitions());
      assertThat(after.itemCount()).isEqualTo(1);
      assertThat(client.listTables().tableNames()).containsExactly("kept");
    }
  }
}
