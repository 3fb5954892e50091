package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DeleteItem: deletes, no-ops on missing items, ReturnValues, metrics, and key validation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeleteItemTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "simple", "pk", null);
    SdkTestSupport.createTable(client, "composite", "pk", "sk");
    client.createTable(r -> r.tableName("indexed").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
            attr("alt", ScalarAttributeType.N))
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byAlt").keySchema(hash("pk"), range("alt"))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  void deletesAnItem() {
    client.putItem(r -> r.tableName("simple").item(item("pk", "gone", "v", "1")));
    DeleteItemResponse response = client.deleteItem(r -> r.tableName("simple").key(item("pk", "gone")));
    assertThat(response.hasAttributes()).isFalse();
    assertThat(response.consumedCapacity()).isNull();
    assertThat(client.getItem(r -> r.tableName("simple").key(item("pk", "gone"))).hasItem()).isFalse();
  }

  @Test
  void returnValuesAllOldGivesTheDeletedItem() {
    client.putItem(r -> r.tableName("composite").item(item("pk", "p", "sk", "s", "v", n("7"))));
    DeleteItemResponse response = client.deleteItem(r -> r.tableName("composite").key(item("pk", "p", "sk", "s"))
        .returnValues(ReturnValue.ALL_OLD));
    assertThat(response.attributes()).isEqualTo(item("pk", "p", "sk", "s", "v", n("7")));
    DeleteItemResponse again = client.deleteItem(r -> r.tableName("composite").key(item("pk", "p", "sk", "s"))
        .returnValues(ReturnValue.ALL_OLD));
    assertThat(again.hasAttributes()).isFalse();
  }

  @Test
  void deletingAMissingItemIsNoError() {
    DeleteItemResponse response = client.deleteItem(r -> r.tableName("simple").key(item("pk", "never"))
        .returnValues(ReturnValue.NONE));
    assertThat(response.hasAttributes()).isFalse();
  }

  @Test
  void onlyAllOldAndNoneAreAllowedReturnValues() {
    for (ReturnValue value : List.of(ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW)) {
      assertValidation(() -> client.deleteItem(r -> r.tableName("simple").key(item("pk", "x")).returnValues(value)),
          "ReturnValues can only be ALL_OLD or NONE");
    }
    assertValidation(() -> client.deleteItem(r -> r.tableName("simple").key(item("pk", "x")).returnValues("BOGUS")),
        "1 validation error detected: Value 'BOGUS' at 'returnValues' failed to satisfy constraint: Member must "
            + "satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
  }

  @Test
  void itemCollectionMetricsOnATableWithLocalIndexes() {
    client.putItem(r -> r.tableName("indexed").item(item("pk", "c", "sk", "1")));
    DeleteItemResponse response = client.deleteItem(r -> r.tableName("indexed").key(item("pk", "c", "sk", "1"))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertThat(response.itemCollectionMetrics().itemCollectionKey()).isEqualTo(item("pk", "c"));
    assertThat(response.itemCollectionMetrics().sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
    assertThat(client.deleteItem(r -> r.tableName("simple").key(item("pk", "c"))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics()).isNull();
  }

  @Test
  void theKeyMustMatchTheSchemaExactly() {
    String mismatch = "The provided key element does not match the schema";
    assertValidation(() -> client.deleteItem(r -> r.tableName("simple").key(item("pk", "a", "sk", "b"))), mismatch);
    assertValidation(() -> client.deleteItem(r -> r.tableName("composite").key(item("pk", "a"))), mismatch);
    assertValidation(() -> client.deleteItem(r -> r.tableName("simple").key(item("pk", n("1")))), mismatch);
    assertValidation(() -> client.deleteItem(r -> r.tableName("simple").key(item("pk", ""))), "One or more parameter "
        + "values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
  }

  @Test
  void anUnknownTableIsNotFound() {
    assertNotFound(() -> client.deleteItem(r -> r.tableName("nope").key(item("pk", "a"))), "Requested resource not found");
  }

  @Test
  void requiredMembers() {
    assertValidation(() -> client.deleteItem(r -> r.tableName("simple")), "1 validation error detected: Value null "
        + "at 'key' failed to satisfy constraint: Member must not be null");
    assertValidation(() -> client.deleteItem(r -> r.key(item("pk", "a"))), "1 validation error detected: Value null "
        + "at 'tableName' failed to satisfy constraint: Member must not be null");
  }
}
