package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** TransactWriteItems through the AWS SDK: every action type, cancellation reasons, limits, idempotency. */
class TransactWriteItemsTest {
  static ManualClock clock;
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    clock = DynamoClock.manual(Instant.parse("2025-01-01T00:00:00Z"));
    dynamo = DynamoDouble.builder().clock(clock).start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "accounts", "pk", null);
    SdkTestSupport.createTable(client, "orders", "pk", "sk");
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @BeforeEach
  void seed() {
    client.putItem(r -> r.tableName("accounts").item(item("pk", "a", "balance", n("100"))));
    client.putItem(r -> r.tableName("accounts").item(item("pk", "b", "balance", n("5"))));
    client.putItem(r -> r.tableName("orders").item(item("pk", "o", "sk", "1", "status", "open")));
    client.deleteItem(r -> r.tableName("accounts").key(item("pk", "c")));
    client.deleteItem(r -> r.tableName("orders").key(item("pk", "o", "sk", "2")));
  }

  static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
  }

  static TransactWriteItem update(String table, Map<String, AttributeValue> key, String expression,
                                  Map<String, AttributeValue> values, String condition) {
    return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
        .updateExpression(expression).expressionAttributeValues(values).conditionExpression(condition).build()).build();
  }

  static TransactWriteItem delete(String table, Map<String, AttributeValue> key) {
    return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
  }

  static TransactWriteItem check(String table, Map<String, AttributeValue> key, String condition) {
    return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
        .conditionExpression(condition).build()).build();
  }

  static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    var response = client.getItem(r -> r.tableName(table).key(key).consistentRead(true));
    return response.hasItem() ? response.item() : null;
  }

  static TransactionCanceledException cancelled(List<TransactWriteItem> actions) {
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(actions)));
    assertThat(e).as("TransactionCanceledException").isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    return e;
  }

  static List<String> codes(TransactionCanceledException e) {
    return e.cancellationReasons().stream().map(CancellationReason::code).toList();
  }

  // ---- the four actions -----------------------------------------------------------------

  @Test
  void putUpdateDeleteAndConditionCheckAcrossTwoTablesApplyTogether() {
    TransactWriteItemsResponse response = client.transactWriteItems(r -> r
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .transactItems(
            put("orders", item("pk", "o", "sk", "2", "status", "new")),
            update("accounts", item("pk", "a"), "SET balance = balance - :p", Map.of(":p", n("30")), "balance >= :p"),
            delete("orders", item("pk", "o", "sk", "1")),
            check("accounts", item("pk", "b"), "attribute_exists(pk)")));

    assertThat(get("orders", item("pk", "o", "sk", "2"))).containsEntry("status", s("new"));
    assertThat(get("accounts", item("pk", "a"))).containsEntry("balance", n("70"));
    assertThat(get("orders", item("pk", "o", "sk", "1"))).isNull();
    assertThat(get("accounts", item("pk", "b"))).containsEntry("balance", n("5"));
    // Two write units per item of up to 1 KB (prepare and commit), a ConditionCheck included.
    assertThat(response.consumedCapacity()).extracting(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits,
            ConsumedCapacity::writeCapacityUnits)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("orders", 4.0, 4.0),
            org.assertj.core.groups.Tuple.tuple("accounts", 4.0, 4.0));
  }

  @Test
  void updateCreatesAMissingItemAndPutReplaces() {
    client.transactWriteItems(r -> r.transactItems(
        update("accounts", item("pk", "c"), "SET balance = if_not_exists(balance, :z) + :one",
            Map.of(":z", n("0"), ":one", n("1")), null),
        put("accounts", item("pk", "b", "note", "replaced"))));
    assertThat(get("accounts", item("pk", "c"))).isEqualTo(item("pk", "c", "balance", n("1")));
    assertThat(get("accounts", item("pk", "b"))).isEqualTo(item("pk", "b", "note", "replaced"));
  }

  @Test
  void writeCapacityIsTwoUnitsPerKilobyteOfEachItem() {
    String kb = "x".repeat(1500);
    TransactWriteItemsResponse response = client.transactWriteItems(r -> r
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
        .transactItems(put("accounts", item("pk", "c", "blob", kb))));
    ConsumedCapacity capacity = response.consumedCapacity().get(0);
    assertThat(capacity.tableName()).isEqualTo("accounts");
    assertThat(capacity.writeCapacityUnits()).isEqualTo(4.0); // 2 KB rounded up, times two
    assertThat(capacity.table().writeCapacityUnits()).isEqualTo(4.0);
    assertThat(client.transactWriteItems(r -> r.transactItems(delete("accounts", item("pk", "c"))))
        .consumedCapacity()).isEmpty();
  }

  // ---- cancellation -----------------------------------------------------------------------

  @Test
  void cancellationReasonsComeInRequestOrderAndNothingIsWritten() {
    TransactWriteItem failingWithItem = TransactWriteItem.builder().update(Update.builder().tableName("accounts")
        .key(item("pk", "b")).updateExpression("SET balance = balance - :p").conditionExpression("balance >= :p")
        .expressionAttributeValues(Map.of(":p", n("10")))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    TransactionCanceledException e = cancelled(List.of(
        put("orders", item("pk", "o", "sk", "2")),
        check("accounts", item("pk", "c"), "attribute_exists(pk)"),
        update("accounts", item("pk", "a"), "SET balance = :z", Map.of(":z", n("0")), null),
        failingWithItem));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer cancellation "
        + "reasons for specific reasons [None, ConditionalCheckFailed, None, ConditionalCheckFailed]");
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TransactionCanceledException");
    assertThat(codes(e)).containsExactly("None", "ConditionalCheckFailed", "None", "ConditionalCheckFailed");
    List<CancellationReason> reasons = e.cancellationReasons();
    assertThat(reasons.get(0).message()).isNull();
    assertThat(reasons.get(1).message()).isEqualTo("The conditional request failed");
    assertThat(reasons.get(1).hasItem()).isFalse();
    assertThat(reasons.get(3).item()).isEqualTo(item("pk", "b", "balance", n("5")));

    assertThat(get("orders", item("pk", "o", "sk", "2"))).isNull();
    assertThat(get("accounts", item("pk", "a"))).containsEntry("balance", n("100"));
  }

  @Test
  void faultsOnlyTheRunCanFindAreValidationErrorReasonsAndTheActionsAfterThemAreNone() {
    Map<TransactWriteItem, String> invalid = new java.util.LinkedHashMap<>();
    invalid.put(put("accounts", Map.of("pk", n("5"))),
        "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
    invalid.put(delete("orders", item("pk", "o")), "The provided key element does not match the schema");
    invalid.put(put("accounts", item("other", "x")), "One or more parameter values were invalid: Missing the key pk in the item");
    invalid.put(update("accounts", item("pk", "a"), "SET big = :b", Map.of(":b", s("x".repeat(410 * 1024 - 20))), null),
        "Item size to update has exceeded the maximum allowed size");
    invalid.put(update("accounts", item("pk", "b"), "SET summed = absentee + :one", Map.of(":one", n("1")), null),
        "The provided expression refers to an attribute that does not exist in the item");
    for (Map.Entry<TransactWriteItem, String> e : invalid.entrySet()) {
      TransactionCanceledException cancelled = cancelled(List.of(
          check("accounts", item("pk", "c"), "attribute_exists(pk)"),
          e.getKey(),
          update("accounts", item("pk", "later"), "SET big = :b", Map.of(":b", s("x".repeat(410 * 1024 - 20))), null),
          put("accounts", item("pk", "new"))));
      assertThat(codes(cancelled)).containsExactly("ConditionalCheckFailed", "ValidationError", "None", "None");
      assertThat(cancelled.cancellationReasons().get(1).message()).isEqualTo(e.getValue());
    }
    assertThat(get("accounts", item("pk", "a"))).doesNotContainKey("big");
    assertThat(get("accounts", item("pk", "later"))).isNull();
    assertThat(get("accounts", item("pk", "new"))).isNull();
  }

  // ---- validation errors with DynamoDB's messages -----------------------------------------

  @Test
  void emptyAndOversizedListsFailTheirConstraint() {
    assertError(() -> client.transactWriteItems(r -> r.transactItems(List.of())), "ValidationException",
        "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1");
    List<TransactWriteItem> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(put("accounts", item("pk", "many-" + i)));
    }
    String message = assertError(() -> client.transactWriteItems(r -> r.transactItems(many)), "ValidationException", null)
        .awsErrorDetails().errorMessage();
    assertThat(message).matches("(?s)1 validation error detected: Value '\\[com\\.amazonaws\\.dynamodb\\.v20120810\\."
        + "TransactWriteItem@[0-9a-f]+(, com\\.amazonaws\\.dynamodb\\.v20120810\\.TransactWriteItem@[0-9a-f]+){100}\\]' "
        + "at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
    List<TransactWriteItem> hundred = many.subList(0, 100);
    client.transactWriteItems(r -> r.transactItems(hundred));
    assertThat(get("accounts", item("pk", "many-99"))).isNotNull();
  }

  @Test
  void eachActionNeedsExactlyOneKind() {
    assertError(() -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().build())),
        "ValidationException", "Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
    TransactWriteItem two = TransactWriteItem.builder()
        .put(Put.builder().tableName("accounts").item(item("pk", "c")).build())
        .delete(Delete.builder().tableName("accounts").key(item("pk", "a")).build()).build();
    assertError(() -> client.transactWriteItems(r -> r.transactItems(two)),
        "ValidationException", "TransactItems can only contain one of Check, Put, Update or Delete");
    assertThat(get("accounts", item("pk", "c"))).isNull();
  }

  @Test
  void twoActionsOnOneItemAreRefused() {
    assertError(() -> client.transactWriteItems(r -> r.transactItems(
            put("accounts", item("pk", "c")),
            check("accounts", item("pk", "c"), "attribute_not_exists(pk)"))),
        "ValidationException", "Transaction request cannot include multiple operations on one item");
    // The same key in another table is another item.
    client.transactWriteItems(r -> r.transactItems(put("accounts", item("pk", "o", "sk", "1")),
        check("orders", item("pk", "o", "sk", "1"), "attribute_exists(pk)")));
  }

  @Test
  void unknownTableIsResourceNotFound() {
    assertError(() -> client.transactWriteItems(r -> r.transactItems(
            put("accounts", item("pk", "c")), put("nowhere", item("pk", "x")))),
        "ResourceNotFoundException", "Requested resource not found");
    assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> client.transactWriteItems(r -> r
        .transactItems(delete("nowhere", item("pk", "x")))))).isNotNull();
    assertThat(get("accounts", item("pk", "c"))).isNull();
  }

  @Test
  void requiredMembersAreReportedTogether() {
    TransactWriteItem noKey = TransactWriteItem.builder().delete(Delete.builder().tableName("accounts").build()).build();
    TransactWriteItem noCondition = TransactWriteItem.builder()
        .conditionCheck(ConditionCheck.builder().tableName("accounts").key(item("pk", "a")).build()).build();
    TransactWriteItem noUpdate = TransactWriteItem.builder()
        .update(Update.builder().tableName("accounts").key(item("pk", "a")).build()).build();
    assertError(() -> client.transactWriteItems(r -> r.transactItems(noKey, noCondition, noUpdate)),
        "ValidationException", "3 validation errors detected: "
            + "Value null at 'transactItems.1.member.delete.key' failed to satisfy constraint: Member must not be null; "
            + "Value null at 'transactItems.2.member.conditionCheck.conditionExpression' failed to satisfy constraint: "
            + "Member must not be null; "
            + "Value null at 'transactItems.3.member.update.updateExpression' failed to satisfy constraint: "
            + "Member must not be null");
    assertError(() -> client.transactWriteItems(r -> r.clientRequestToken("x".repeat(37))
            .returnConsumedCapacity("BOGUS").transactItems(put("accounts", item("pk", "c")))),
        "ValidationException", "2 validation errors detected: Value '" + "x".repeat(37) + "' at 'clientRequestToken' "
            + "failed to satisfy constraint: Member must have length less than or equal to 36; Value 'BOGUS' at "
            + "'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: "
            + "[INDEXES, TOTAL, NONE]");
  }

  @Test
  void anActionsTableNameIsCheckedWithItsMemberPath() {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> client.transactWriteItems(r -> r.transactItems(put("accounts", item("pk", "c")), put("ab", item("pk", "c")))));
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(error.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value 'ab' at "
        + "'transactItems.2.member.put.tableName' failed to satisfy constraint: Member must have length greater than "
        + "or equal to 3");
    assertThat(get("accounts", item("pk", "c"))).isNull();
  }

  @Test
  void expressionErrorsComeBeforeTableLookups() {
    assertError(() -> client.transactWriteItems(r -> r.transactItems(
            put("nowhere", item("pk", "x")),
            check("accounts", item("pk", "a"), "attribute_not_exists("))),
        "ValidationException", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
    TransactWriteItem unused = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("accounts")
        .key(item("pk", "a")).conditionExpression("attribute_exists(pk)")
        .expressionAttributeValues(Map.of(":v", s("x"))).build()).build();
    assertError(() -> client.transactWriteItems(r -> r.transactItems(put("nowhere", item("pk", "x")), unused)),
        "ValidationException", "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
  }

  @Test
  void keyAndSizeFaultsKnownFromTheRequestAreValidationExceptions() {
    assertError(() -> client.transactWriteItems(r -> r.transactItems(put("accounts", item("pk", "")))),
        "ValidationException", "One or more parameter values are not valid. The AttributeValue for a key attribute "
            + "cannot contain an empty string value. Key: pk");
    assertError(() -> client.transactWriteItems(r -> r.transactItems(
            check("accounts", item("pk", ""), "attribute_exists(pk)"))),
        "ValidationException", "One or more parameter values are not valid. The AttributeValue for a key attribute "
            + "cannot contain an empty string value. Key: pk");
    assertError(() -> client.transactWriteItems(r -> r.transactItems(
            put("accounts", item("pk", "c", "blob", "x".repeat(400 * 1024))))),
        "ValidationException", "Item size has exceeded the maximum allowed size");
  }

  @Test
  void theAggregateOfATransactionIsLimitedToFourMegabytes() {
    String blob = "x".repeat(390 * 1024);
    List<TransactWriteItem> puts = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      puts.add(put("accounts", item("pk", "big-" + i, "blob", blob)));
    }
    assertError(() -> client.transactWriteItems(r -> r.transactItems(puts)),
        "ValidationException", "Transaction payload size cannot exceed 4MB. Payload Size: 4393082"); // the items' sizes
    assertThat(get("accounts", item("pk", "big-0"))).isNull();
    client.transactWriteItems(r -> r.transactItems(puts.subList(0, 10)));
    assertThat(get("accounts", item("pk", "big-9"))).isNotNull();
    for (int i = 0; i < 10; i++) {
      String pk = "big-" + i;
      client.deleteItem(r -> r.tableName("accounts").key(item("pk", pk)));
    }
  }

  // ---- idempotency --------------------------------------------------------------------------

  @Test
  void aRepeatedTokenIsANoOpForTenMinutesOfTheEngineClock() {
    List<TransactWriteItem> deposit = List.of(
        update("accounts", item("pk", "a"), "ADD balance :one", Map.of(":one", n("1")), null));
    TransactWriteItemsResponse first = client.transactWriteItems(r -> r.clientRequestToken("deposit-1")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(deposit));
    assertThat(first.consumedCapacity().get(0).writeCapacityUnits()).isEqualTo(2.0);
    assertThat(first.consumedCapacity().get(0).readCapacityUnits()).isNull();

    clock.advance(Duration.ofMinutes(9));
    TransactWriteItemsResponse repeat = client.transactWriteItems(r -> r.clientRequestToken("deposit-1")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(deposit));
    assertThat(get("accounts", item("pk", "a"))).containsEntry("balance", n("101"));
    // A repeat reports the read units of reading the item, not the writes.
    assertThat(repeat.consumedCapacity().get(0).readCapacityUnits()).isEqualTo(1.0);
    assertThat(repeat.consumedCapacity().get(0).writeCapacityUnits()).isNull();

    IdempotentParameterMismatchException mismatch = catchThrowableOfType(IdempotentParameterMismatchException.class,
        () -> client.transactWriteItems(r -> r.clientRequestToken("deposit-1").transactItems(
            update("accounts", item("pk", "a"), "ADD balance :one", Map.of(":one", n("2")), null))));
    assertThat(mismatch).isNotNull();
    assertThat(mismatch.awsErrorDetails().errorCode()).isEqualTo("IdempotentParameterMismatchException");

    clock.advance(Duration.ofMinutes(1));
    client.transactWriteItems(r -> r.clientRequestToken("deposit-1")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(deposit));
    assertThat(get("accounts", item("pk", "a"))).containsEntry("balance", n("102"));
  }

  @Test
  void aCancelledTransactionLeavesItsTokenUnused() {
    List<TransactWriteItem> withdraw = List.of(
        update("accounts", item("pk", "b"), "SET balance = balance - :p", Map.of(":p", n("10")), "balance >= :p"));
    assertThat(codes(catchThrowableOfType(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.clientRequestToken("withdraw-1").transactItems(withdraw)))))
        .containsExactly("ConditionalCheckFailed");
    client.putItem(r -> r.tableName("accounts").item(item("pk", "b", "balance", n("50"))));
    client.transactWriteItems(r -> r.clientRequestToken("withdraw-1").transactItems(withdraw));
    assertThat(get("accounts", item("pk", "b"))).containsEntry("balance", n("40"));
  }

  @Test
  void tokensAreKeptPerRegion() {
    try (DynamoDbClient west = SdkTestSupport.client(dynamo, "eu-west-1")) {
      SdkTestSupport.createTable(west, "accounts", "pk", null);
      List<TransactWriteItem> open = List.of(put("accounts", item("pk", "w")));
      client.transactWriteItems(r -> r.clientRequestToken("open-1").transactItems(open));
      west.transactWriteItems(r -> r.clientRequestToken("open-1").transactItems(open));
      assertThat(west.getItem(r -> r.tableName("accounts").key(item("pk", "w"))).hasItem()).isTrue();
    }
  }

  @Test
  void conditionsSeeBinaryValuesAndUsePlaceholders() {
    client.transactWriteItems(r -> r.transactItems(put("accounts", item("pk", "c",
        "b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes"))))));
    TransactWriteItem typed = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("accounts")
        .key(item("pk", "c")).conditionExpression("attribute_type(#b, :t)")
        .expressionAttributeNames(Map.of("#b", "b")).expressionAttributeValues(Map.of(":t", s("B"))).build()).build();
    client.transactWriteItems(r -> r.transactItems(typed, delete("accounts", item("pk", "a"))));
    assertThat(get("accounts", item("pk", "a"))).isNull();
  }

  @Test
  void itemCollectionMetricsForTablesWithLocalIndexes() {
    client.createTable(r -> r.tableName("events").billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk").attributeType("S"),
            a -> a.attributeName("at").attributeType("S"))
        .localSecondaryIndexes(l -> l.indexName("byAt").keySchema(k -> k.attributeName("pk").keyType("HASH"),
            k -> k.attributeName("at").keyType("RANGE")).projection(p -> p.projectionType("ALL"))));
    TransactWriteItemsResponse response = client.transactWriteItems(r -> r
        .returnItemCollectionMetrics(software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics.SIZE)
        .transactItems(put("events", item("pk", "e", "sk", "1", "at", "noon")), put("accounts", item("pk", "c"))));
    assertThat(response.itemCollectionMetrics()).containsOnlyKeys("events");
    var metrics = response.itemCollectionMetrics().get("events");
    assertThat(metrics).hasSize(1);
    assertThat(metrics.get(0).itemCollectionKey()).isEqualTo(item("pk", "e"));
    assertThat(metrics.get(0).sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
  }
}
