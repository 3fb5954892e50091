package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** DeleteTable with the default status delay of zero: DELETING in the answer, gone by the next request. */
class DeleteTableTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "doomed", "pk", null);
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  void answersTheDescriptionAsDeleting() {
    client.putItem(r -> r.tableName("doomed").item(item("pk", "a")));
    TableDescription t = client.deleteTable(r -> r.tableName("doomed")).tableDescription();
    assertThat(t.tableName()).isEqualTo("doomed");
    assertThat(t.tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThat(t.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/doomed");
    assertThat(t.itemCount()).isEqualTo(1);
    assertThat(t.tableId()).isNotNull();
    assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    // the service's DeleteTable description is reduced: no key schema, definitions, creation time, indexes
    assertThat(t.hasKeySchema()).isFalse();
    assertThat(t.hasAttributeDefinitions()).isFalse();
    assertThat(t.creationDateTime()).isNull();
    assertThat(t.hasGlobalSecondaryIndexes()).isFalse();
  }

  @Test
  void theTableIsGoneAfterwards() {
    client.deleteTable(r -> r.tableName("doomed"));
    assertNotFound(() -> client.describeTable(r -> r.tableName("doomed")),
        "Requested resource not found: Table: doomed not found");
    assertThat(client.listTables().tableNames()).isEmpty();
    assertNotFound(() -> client.getItem(r -> r.tableName("doomed").key(item("pk", "a"))), "Requested resource not found");
    assertNotFound(() -> client.putItem(r -> r.tableName("doomed").item(item("pk", "a"))), "Requested resource not found");
    assertNotFound(() -> client.deleteTable(r -> r.tableName("doomed")),
        "Requested resource not found: Table: doomed not found");
  }

  @Test
  void aNameCanBeUsedAgainWithNoItemsLeft() {
    client.putItem(r -> r.tableName("doomed").item(item("pk", "a")));
    client.deleteTable(r -> r.tableName("doomed"));
    SdkTestSupport.createTable(client, "doomed", "pk", null);
    assertThat(client.getItem(r -> r.tableName("doomed").key(item("pk", "a"))).hasItem()).isFalse();
    assertThat(client.describeTable(r -> r.tableName("doomed")).table().itemCount()).isZero();
  }

  @Test
  void byArn() {
    client.deleteTable(r -> r.tableName("arn:aws:dynamodb:us-east-1:000000000000:table/doomed"));
    assertThat(client.listTables().tableNames()).isEmpty();
  }

  @Test
  void anUnknownTableIsNotFound() {
    assertNotFound(() -> client.deleteTable(r -> r.tableName("nope")), "Requested resource not found: Table: nope not found");
  }

  @Test
  void theTableNameIsValidated() {
    assertValidation(() -> client.deleteTable(r -> r.tableName(null)), "1 validation error detected: Value null at "
        + "'tableName' failed to satisfy constraint: Member must not be null");
    assertValidation(() -> client.deleteTable(r -> r.tableName("x!y")), "1 validation error detected: Value 'x!y' at "
        + "'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  }

  @Test
  void deletionProtectionRefusesUntilTurnedOff() {
    client.createTable(r -> r.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).deletionProtectionEnabled(true));
    assertValidation(() -> client.deleteTable(r -> r.tableName("kept")),
        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
    assertThat(client.describeTable(r -> r.tableName("kept")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);

    client.updateTable(r -> r.tableName("kept").deletionProtectionEnabled(false));
    assertThat(client.deleteTable(r -> r.tableName("kept")).tableDescription().tableStatus())
        .isEqualTo(TableStatus.DELETING);
  }
}
