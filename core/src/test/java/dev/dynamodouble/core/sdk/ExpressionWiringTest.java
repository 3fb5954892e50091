package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Conditions, projections and update expressions through PutItem, DeleteItem, GetItem and UpdateItem. */
class ExpressionWiringTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "accounts", "pk", null);
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @BeforeEach
  void seed() {
    client.putItem(r -> r.tableName("accounts").item(item("pk", "a", "balance", n("100"), "owner", "ann",
        "tags", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs(java.util.List.of("x", "y")))));
  }

  @Test
  void putWithFailingConditionReturnsTheOldItemWhenAsked() {
    ConditionalCheckFailedException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        ConditionalCheckFailedException.class,
        () -> client.putItem(r -> r.tableName("accounts").item(item("pk", "a"))
            .conditionExpression("attribute_not_exists(pk)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
    assertThat(e.item()).containsEntry("owner", s("ann"));
    assertThat(client.getItem(r -> r.tableName("accounts").key(item("pk", "a"))).item()).containsKey("balance");
  }

  @Test
  void updateExpressionWithConditionAndReturnValues() {
    var response = client.updateItem(r -> r.tableName("accounts").key(item("pk", "a"))
        .updateExpression("SET balance = balance - :amount ADD tags :t REMOVE #o")
        .conditionExpression("balance >= :amount")
        .expressionAttributeNames(Map.of("#o", "owner"))
        .expressionAttributeValues(Map.of(":amount", n("30"),
            ":t", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs(java.util.List.of("z"))))
        .returnValues(ReturnValue.UPDATED_NEW));
    assertThat(response.attributes()).containsEntry("balance", n("70")).doesNotContainKey("owner");
    assertThat(response.attributes().get("tags").ss()).containsExactlyInAnyOrder("x", "y", "z");
    assertThat(client.getItem(r -> r.tableName("accounts").key(item("pk", "a"))
        .projectionExpression("balance")).item()).isEqualTo(item("balance", n("70")));
  }

  @Test
  void updateCreatesAMissingItem() {
    client.updateItem(r -> r.tableName("accounts").key(item("pk", "new"))
        .updateExpression("SET visits = if_not_exists(visits, :zero) + :one")
        .expressionAttributeValues(Map.of(":zero", n("0"), ":one", n("1"))));
    assertThat(client.getItem(r -> r.tableName("accounts").key(item("pk", "new"))).item())
        .isEqualTo(item("pk", "new", "visits", n("1")));
  }

  @Test
  void updateOfAKeyAttributeIsRejected() {
    assertError(() -> client.updateItem(r -> r.tableName("accounts").key(item("pk", "a"))
            .updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", s("b")))),
        "ValidationException", "One or more parameter values were invalid: Cannot update attribute pk. "
            + "This attribute is part of the key");
  }

  @Test
  void deleteWithConditionAndMixingErrors() {
    assertError(() -> client.deleteItem(r -> r.tableName("accounts").key(item("pk", "a"))
            .conditionExpression("balance > :v").expressionAttributeValues(Map.of(":v", n("1000")))),
        "ConditionalCheckFailedException", "The conditional request failed");
    assertError(() -> client.deleteItem(r -> r.tableName("accounts").key(item("pk", "a"))
            .expressionAttributeValues(Map.of(":v", n("1")))),
        "ValidationException", "ExpressionAttributeValues can only be specified when using expressions: "
            + "ConditionExpression is null");
    assertError(() -> client.getItem(r -> r.tableName("accounts").key(item("pk", "a"))
            .projectionExpression("balance").expressionAttributeNames(Map.of("#x", "owner"))),
        "ValidationException", "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}");
    client.deleteItem(r -> r.tableName("accounts").key(item("pk", "a")).conditionExpression("#o = :o")
        .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", s("ann"))));
    assertThat(client.getItem(r -> r.tableName("accounts").key(item("pk", "a"))).hasItem()).isFalse();
  }
}
