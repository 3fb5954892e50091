package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Tables from annotation attributes, from a CreateTable JSON file and from enhanced-client beans. */
@DynamoTable(name = "events", partitionKey = "stream", partitionKeyType = KeyType.S, sortKey = "seq",
    sortKeyType = KeyType.N,
    lsi = @Index(name = "byType", sortKey = "type", projection = IndexProjection.INCLUDE, include = {"payload"}),
    gsi = {
        @Index(name = "byDevice", partitionKey = "device", partitionKeyType = KeyType.B, sortKey = "seq",
            projection = IndexProjection.KEYS_ONLY, readCapacity = 7, writeCapacity = 3),
        @Index(name = "byKind", partitionKey = "kind")},
    billingMode = Billing.PROVISIONED, readCapacity = 11, writeCapacity = 6)
@DynamoTable(definition = "invoices-table.json")
@DynamoTable(name = "customers", bean = Customer.class,
    gsi = @Index(name = "byEmail", projection = IndexProjection.KEYS_ONLY))
@DynamoTable(name = "shipments", bean = Shipment.class)
class TableDeclarationTest {

  @Test
  void keysIndexesAndThroughputFromTheAnnotation(DynamoDbClient dynamo) {
    TableDescription table = dynamo.describeTable(r -> r.tableName("events")).table();
    assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
        .containsExactly("stream:HASH", "seq:RANGE");
    assertThat(definitions(table)).containsExactlyInAnyOrder("stream:S", "seq:N", "type:S", "device:B", "kind:S");
    assertThat(table.billingModeSummary() == null ? BillingMode.PROVISIONED
        : table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(11);
    assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(6);

    LocalSecondaryIndexDescription byTypeLocal = table.localSecondaryIndexes().get(0);
    assertThat(byTypeLocal.indexName()).isEqualTo("byType");
    assertThat(byTypeLocal.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
    assertThat(byTypeLocal.projection().nonKeyAttributes()).containsExactly("payload");

    GlobalSecondaryIndexDescription byDevice = gsi(table, "byDevice");
    assertThat(byDevice.keySchema()).extracting(k -> k.attributeName()).containsExactly("device", "seq");
    assertThat(byDevice.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    assertThat(byDevice.provisionedThroughput().readCapacityUnits()).isEqualTo(7);
    assertThat(byDevice.provisionedThroughput().writeCapacityUnits()).isEqualTo(3);
    GlobalSecondaryIndexDescription byKind = gsi(table, "byKind");
    assertThat(byKind.projection().projectionType()).isEqualTo(ProjectionType.ALL);
    assertThat(byKind.provisionedThroughput().readCapacityUnits()).isEqualTo(11);
  }

  @Test
  void aCreateTableJsonFile(DynamoDbClient dynamo, DynamoDouble engine) {
    TableDescription table = dynamo.describeTable(r -> r.tableName("invoices")).table();
    assertThat(definitions(table)).containsExactlyInAnyOrder("invoiceId:S", "issuedOn:S", "amount:N");
    assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(10);
    GlobalSecondaryIndexDescription byDay = gsi(table, "byDay");
    assertThat(byDay.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    assertThat(byDay.provisionedThroughput().writeCapacityUnits()).isEqualTo(2);
    // ListTagsOfResource is not served yet: read the tags from the engine.
    assertThat(engine.engine().region("us-east-1").find("invoices").tags()).containsEntry("team", "billing");
  }

  @Test
  void anEnhancedClientBeanWithItsIndexes(DynamoDbClient dynamo,
      @DynamoInject(table = "customers") DynamoDbTable<Customer> customers) {
    TableDescription table = dynamo.describeTable(r -> r.tableName("customers")).table();
    assertThat(table.keySchema()).extracting(k -> k.attributeName()).containsExactly("id");
    assertThat(definitions(table)).containsExactlyInAnyOrder("id:S", "email:S", "country:S", "createdAt:N");
    assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
        .containsExactlyInAnyOrder("byEmail", "byCountry");
    assertThat(gsi(table, "byEmail").projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    assertThat(gsi(table, "byCountry").keySchema()).extracting(k -> k.attributeName())
        .containsExactly("country", "createdAt");
    assertThat(gsi(table, "byCountry").projection().projectionType()).isEqualTo(ProjectionType.ALL);
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);

    customers.putItem(new Customer("c-1", "ada@example.com", "UK", 1700000000L));
    assertThat(customers.getItem(Key.builder().partitionValue("c-1").build()).getEmail()).isEqualTo("ada@example.com");
  }

  @Test
  void aBeanWithANumericSortKeyAndALocalIndex(DynamoDbClient dynamo, DynamoDbTable<Shipment> shipments) {
    TableDescription table = dynamo.describeTable(r -> r.tableName("shipments")).table();
    assertThat(definitions(table)).containsExactlyInAnyOrder("orderId:S", "seq:N", "carrier:S");
    assertThat(table.localSecondaryIndexes()).extracting(LocalSecondaryIndexDescription::indexName)
        .containsExactly("byCarrier");
    assertThat(table.localSecondaryIndexes().get(0).keySchema()).extracting(k -> k.attributeName())
        .containsExactly("orderId", "carrier");
    assertThat(shipments.tableName()).isEqualTo("shipments");
    shipments.putItem(new Shipment("o-1", 1, "DHL"));
    assertThat(shipments.getItem(Key.builder().partitionValue("o-1").sortValue(1).build()).getCarrier())
        .isEqualTo("DHL");
  }

  private static List<String> definitions(TableDescription table) {
    return table.attributeDefinitions().stream().map(d -> d.attributeName() + ":" + d.attributeTypeAsString())
        .collect(Collectors.toList());
  }

  private static GlobalSecondaryIndexDescription gsi(TableDescription table, String name) {
    return table.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(name)).findFirst().orElseThrow();
  }
}
