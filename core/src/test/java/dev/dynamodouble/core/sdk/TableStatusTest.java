package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** CREATING, UPDATING and DELETING last exactly the configured delay of the engine's clock. */
class TableStatusTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final Duration DELAY = Duration.ofSeconds(10);
  private ManualClock clock;
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    clock = DynamoClock.manual(T0);
    dynamo = DynamoDouble.builder().clock(clock).statusDelay(DELAY).start();
    client = SdkTestSupport.client(dynamo);
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private TableStatus status(String name) {
    return client.describeTable(r -> r.tableName(name)).table().tableStatus();
  }

  private void createActive(String name) {
    SdkTestSupport.createTable(client, name, "pk", null);
    clock.advance(DELAY);
  }

  @Test
  void creatingUntilTheClockPassesTheDelay() {
    TableDescription created = client.createTable(r -> r.tableName("slow").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("g"))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())).tableDescription();
    assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
    assertThat(status("slow")).isEqualTo(TableStatus.CREATING);
    assertThat(client.listTables().tableNames()).containsExactly("slow");

    clock.advance(DELAY.minusMillis(1));
    TableDescription almost = client.describeTable(r -> r.tableName("slow")).table();
    assertThat(almost.tableStatus()).isEqualTo(TableStatus.CREATING);
    assertThat(almost.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);

    clock.advance(Duration.ofMillis(1));
    TableDescription active = client.describeTable(r -> r.tableName("slow")).table();
    assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(active.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
  }

  @Test
  void itemsOfACreatingTableAreNotFound() {
    SdkTestSupport.createTable(client, "young", "pk", null);
    assertNotFound(() -> client.putItem(r -> r.tableName("young").item(item("pk", "a"))), "Requested resource not found");
    assertNotFound(() -> client.getItem(r -> r.tableName("young").key(item("pk", "a"))), "Requested resource not found");
    assertNotFound(() -> client.deleteItem(r -> r.tableName("young").key(item("pk", "a"))), "Requested resource not found");

    clock.advance(DELAY);
    client.putItem(r -> r.tableName("young").item(item("pk", "a")));
    assertThat(client.getItem(r -> r.tableName("young").key(item("pk", "a"))).item()).isEqualTo(item("pk", "a"));
  }

  @Test
  void aCreatingTableCannotBeChanged() {
    SdkTestSupport.createTable(client, "young", "pk", null);
    assertError(() -> client.deleteTable(r -> r.tableName("young")), "ResourceInUseException",
        "Attempt to change a resource which is still in use: Table is being created: young");
    assertError(() -> client.updateTable(r -> r.tableName("young").billingMode(BillingMode.PROVISIONED)
            .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(1L).build())),
        "ResourceInUseException", "Attempt to change a resource which is still in use: Table is being created: young");
    assertError(() -> SdkTestSupport.createTable(client, "young", "pk", null), "ResourceInUseException",
        "Attempt to change a resource which is still in use: Table is being created: young");
  }

  @Test
  void deletingUntilTheDelayPassesThenGone() {
    createActive("old");
    client.putItem(r -> r.tableName("old").item(item("pk", "a")));

    assertThat(client.deleteTable(r -> r.tableName("old")).tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThat(status("old")).isEqualTo(TableStatus.DELETING);
    assertThat(client.listTables().tableNames()).containsExactly("old");
    // The API reference says deleting a DELETING table is no error; the service answers ResourceInUseException.
    assertError(() -> client.deleteTable(r -> r.tableName("old")), "ResourceInUseException",
        "Attempt to change a resource which is still in use: Table is being deleted: old");
    assertError(() -> SdkTestSupport.createTable(client, "old", "pk", null), "ResourceInUseException",
        "Table already exists: old");
    assertError(() -> client.updateTable(r -> r.tableName("old").deletionProtectionEnabled(true)),
        "ResourceInUseException", "Attempt to change a resource which is still in use: Table is being deleted: old");
    assertNotFound(() -> client.getItem(r -> r.tableName("old").key(item("pk", "a"))), "Requested resource not found");

    clock.advance(DELAY.minusMillis(1));
    assertThat(status("old")).isEqualTo(TableStatus.DELETING);
    clock.advance(Duration.ofMillis(1));
    assertNotFound(() -> status("old"), "Requested resource not found: Table: old not found");
    assertThat(client.listTables().tableNames()).isEmpty();
  }

  @Test
  void updatingUntilTheDelayPassesWithItemsServedThroughout() {
    client.createTable(r -> r.tableName("busy").keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(1L).build()));
    clock.advance(DELAY);

    TableDescription updating = client.updateTable(r -> r.tableName("busy").provisionedThroughput(
        ProvisionedThroughput.builder().readCapacityUnits(4L).writeCapacityUnits(1L).build())).tableDescription();
    assertThat(updating.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(updating.provisionedThroughput().readCapacityUnits()).isEqualTo(1);

    client.putItem(r -> r.tableName("busy").item(item("pk", "a")));
    assertThat(client.getItem(r -> r.tableName("busy").key(item("pk", "a"))).hasItem()).isTrue();
    assertError(() -> client.updateTable(r -> r.tableName("busy").billingMode(BillingMode.PAY_PER_REQUEST)),
        "ResourceInUseException", "Attempt to change a resource which is still in use: Table is being updated: busy");
    assertError(() -> client.deleteTable(r -> r.tableName("busy")),
        "ResourceInUseException", "Attempt to change a resource which is still in use: Table is being updated: busy");

    clock.advance(DELAY.minusMillis(1));
    TableDescription still = client.describeTable(r -> r.tableName("busy")).table();
    assertThat(still.tableStatus()).isEqualTo(TableStatus.UPDATING);
    assertThat(still.provisionedThroughput().readCapacityUnits()).isEqualTo(1);

    clock.advance(Duration.ofMillis(1));
    TableDescription active = client.describeTable(r -> r.tableName("busy")).table();
    assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(active.provisionedThroughput().readCapacityUnits()).isEqualTo(4);
    // The increase took effect when the table became ACTIVE again.
    assertThat(active.provisionedThroughput().lastIncreaseDateTime()).isEqualTo(T0.plus(DELAY).plus(DELAY));
  }

  @Test
  void eachTableKeepsItsOwnDeadline() {
    SdkTestSupport.createTable(client, "first", "pk", null);
    clock.advance(Duration.ofSeconds(4));
    SdkTestSupport.createTable(client, "second", "pk", null);
    clock.advance(Duration.ofSeconds(6));
    assertThat(status("first")).isEqualTo(TableStatus.ACTIVE);
    assertThat(status("second")).isEqualTo(TableStatus.CREATING);
    clock.advance(Duration.ofSeconds(4));
    assertThat(status("second")).isEqualTo(TableStatus.ACTIVE);
  }
}
