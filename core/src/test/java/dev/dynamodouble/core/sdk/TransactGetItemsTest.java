package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** TransactGetItems through the AWS SDK: reads across tables, projections, capacity, validation. */
class TransactGetItemsTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "accounts", "pk", null);
    SdkTestSupport.createTable(client, "orders", "pk", "sk");
    client.putItem(r -> r.tableName("accounts").item(item("pk", "a", "balance", n("100"), "owner", "ann",
        "address", AttributeValue.fromM(item("city", "Oslo", "zip", "0150")))));
    client.putItem(r -> r.tableName("orders").item(item("pk", "o", "sk", "1", "status", "open", "blob", "x".repeat(5000))));
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static TransactGetItem get(String table, Map<String, AttributeValue> key) {
    return TransactGetItem.builder().get(Get.builder().tableName(table).key(key).build()).build();
  }

  static TransactGetItem get(String table, Map<String, AttributeValue> key, String projection, Map<String, String> names) {
    return TransactGetItem.builder().get(Get.builder().tableName(table).key(key).projectionExpression(projection)
        .expressionAttributeNames(names).build()).build();
  }

  @Test
  void readsItemsOfSeveralTablesInRequestOrderWithTheirProjections() {
    TransactGetItemsResponse response = client.transactGetItems(r -> r
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .transactItems(
            get("orders", item("pk", "o", "sk", "1"), "#s", Map.of("#s", "status")),
            get("accounts", item("pk", "missing")),
            get("accounts", item("pk", "a"), "balance, address.city", null)));

    List<ItemResponse> responses = response.responses();
    assertThat(responses).hasSize(3);
    assertThat(responses.get(0).item()).isEqualTo(item("status", "open"));
    assertThat(responses.get(1).hasItem()).isFalse();
    assertThat(responses.get(2).item()).isEqualTo(item("balance", n("100"),
        "address", AttributeValue.fromM(item("city", "Oslo"))));
    // Two read units per 4 KB of each item (a missing one counts as one unit, twice).
    assertThat(response.consumedCapacity()).extracting(ConsumedCapacity::tableName, ConsumedCapacity::readCapacityUnits)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("orders", 4.0),
            org.assertj.core.groups.Tuple.tuple("accounts", 4.0));
  }

  @Test
  void withoutProjectionTheWholeItemComesBack() {
    TransactGetItemsResponse response = client.transactGetItems(r -> r.transactItems(get("accounts", item("pk", "a"))));
    assertThat(response.responses().get(0).item()).containsKeys("pk", "balance", "owner", "address");
    assertThat(response.consumedCapacity()).isEmpty();
  }

  @Test
  void listConstraints() {
    assertError(() -> client.transactGetItems(r -> r.transactItems(List.of())), "ValidationException",
        "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1");
    List<TransactGetItem> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(get("accounts", item("pk", "k" + i)));
    }
    assertThat(assertError(() -> client.transactGetItems(r -> r.transactItems(many)), "ValidationException", null)
        .awsErrorDetails().errorMessage())
        .startsWith("1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.TransactGetItem@")
        .endsWith("]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
    assertThat(client.transactGetItems(r -> r.transactItems(many.subList(0, 100))).responses()).hasSize(100);
    assertError(() -> client.transactGetItems(r -> r.transactItems(TransactGetItem.builder().build())),
        "ValidationException", "1 validation error detected: Value null at 'transactItems.1.member.get' "
            + "failed to satisfy constraint: Member must not be null");
  }

  @Test
  void unknownTableDuplicatesAndBadProjections() {
    assertError(() -> client.transactGetItems(r -> r.transactItems(get("accounts", item("pk", "a")),
        get("nowhere", item("pk", "a")))), "ResourceNotFoundException", "Requested resource not found");
    assertError(() -> client.transactGetItems(r -> r.transactItems(get("accounts", item("pk", "a")),
            get("accounts", item("pk", "a")))),
        "ValidationException", "Transaction request cannot include multiple operations on one item");
    assertError(() -> client.transactGetItems(r -> r.transactItems(get("accounts", item("pk", "a"), "!!!", null))),
        "ValidationException", "Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"");
    assertError(() -> client.transactGetItems(r -> r.transactItems(
            get("accounts", item("pk", "a"), "balance", Map.of("#x", "owner")))),
        "ValidationException", "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}");
  }

  @Test
  void aKeyThatDoesNotFitItsTableCancelsWithAValidationErrorReason() {
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> client.transactGetItems(r -> r.transactItems(get("accounts", item("pk", "a")), get("accounts", Map.of()),
            get("orders", item("pk", "o")))));
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer cancellation reasons "
        + "for specific reasons [None, ValidationError, ValidationError]");
    assertThat(e.cancellationReasons()).extracting(CancellationReason::code, CancellationReason::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("None", null),
            org.assertj.core.groups.Tuple.tuple("ValidationError", "The provided key element does not match the schema"),
            org.assertj.core.groups.Tuple.tuple("ValidationError", "The provided key element does not match the schema"));
    assertError(() -> client.transactGetItems(r -> r.transactItems(get("accounts", item("pk", "")))),
        "ValidationException", "One or more parameter values are not valid. The AttributeValue for a key attribute "
            + "cannot contain an empty string value. Key: pk");
  }

  @Test
  void badEnumIsAConstraintError() {
    assertError(() -> client.transactGetItems(r -> r.returnConsumedCapacity("BOGUS")
            .transactItems(get("nowhere", item("pk", "a")))),
        "ValidationException", "1 validation error detected: Value 'BOGUS' at 'returnConsumedCapacity' failed to "
            + "satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
  }
}
