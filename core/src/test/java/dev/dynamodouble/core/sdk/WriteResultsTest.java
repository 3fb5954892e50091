package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** Writes whose result DynamoDB decides differently from the obvious: what is created, indexed, refused. */
class WriteResultsTest {
  DynamoDouble dynamo;
  DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S)));
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private Map<String, AttributeValue> get(String pk) {
    Map<String, AttributeValue> found = client.getItem(r -> r.tableName("items").key(item("pk", pk))).item();
    return found == null || found.isEmpty() ? null : found;
  }

  @Test
  void anUpdateThatOnlyRemovesCreatesNoItem() {
    UpdateItemResponse removed = client.updateItem(r -> r.tableName("items").key(item("pk", "a"))
        .updateExpression("REMOVE x, y.z").returnValues(ReturnValue.ALL_NEW));
    assertThat(removed.hasAttributes()).isFalse();
    assertThat(get("a")).isNull();

    UpdateItemResponse deleted = client.updateItem(r -> r.tableName("items").key(item("pk", "b"))
        .attributeUpdates(Map.of("x", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build()))
        .returnValues(ReturnValue.ALL_NEW));
    assertThat(deleted.hasAttributes()).isFalse();
    assertThat(get("b")).isNull();

    client.updateItem(r -> r.tableName("items").key(item("pk", "c")).updateExpression("DELETE s :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromSs(java.util.List.of("q")))));
    assertThat(get("c")).isNull();

    // an update that also sets something still creates the item, with its key
    client.updateItem(r -> r.tableName("items").key(item("pk", "d")).updateExpression("REMOVE x SET y = :v")
        .expressionAttributeValues(Map.of(":v", s("1"))));
    assertThat(get("d")).isEqualTo(item("pk", "d", "y", "1"));
  }

  @Test
  void notContainsOnAMissingAttributeFailsTheCondition() {
    client.putItem(r -> r.tableName("items").item(item("pk", "a")));
    assertError(() -> client.putItem(r -> r.tableName("items").item(item("pk", "a", "v", "1"))
            .expected(Map.of("tags", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NOT_CONTAINS)
                .attributeValueList(s("x")).build()))),
        "ConditionalCheckFailedException", "The conditional request failed");
    client.putItem(r -> r.tableName("items").item(item("pk", "a", "tags", "abc")));
    client.putItem(r -> r.tableName("items").item(item("pk", "a", "v", "2"))
        .expected(Map.of("tags", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NOT_CONTAINS)
            .attributeValueList(s("x")).build())));
    assertThat(get("a")).containsEntry("v", s("2"));
  }

  @Test
  void anIndexAddedLaterLeavesOutItemsWhoseKeyItCannotHold() {
    client.putItem(r -> r.tableName("items").item(item("pk", "ok", "g", "x")));
    client.putItem(r -> r.tableName("items").item(item("pk", "empty", "g", "")));
    client.putItem(r -> r.tableName("items").item(item("pk", "number", "g", AttributeValue.fromN("1"))));
    client.putItem(r -> r.tableName("items").item(item("pk", "long", "g", "x".repeat(2049))));
    client.updateTable(r -> r.attributeDefinitions(attr("g", ScalarAttributeType.S)).tableName("items")
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG").keySchema(hash("g"))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
    assertThat(client.scan(r -> r.tableName("items").indexName("byG")).items())
        .containsExactly(item("pk", "ok", "g", "x"));
  }

  @Test
  void secondaryIndexKeyValuesHaveTheKeySizeLimits() {
    client.createTable(r -> r.tableName("indexed").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S),
            attr("gp", ScalarAttributeType.S), attr("gs", ScalarAttributeType.B))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("bySize").keySchema(hash("gp"), range("gs"))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    client.putItem(r -> r.tableName("indexed").item(item("pk", "a", "gp", "x".repeat(2048),
        "gs", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[1024])))));
    assertValidation(() -> client.putItem(r -> r.tableName("indexed").item(item("pk", "a", "gp", "é".repeat(1025)))),
        "One or more parameter values were invalid: Size limit exceeded for Index Key gp Actual Size: 2050 bytes "
            + "Max Size: 2048 bytes IndexName: bySize");
    assertValidation(() -> client.updateItem(r -> r.tableName("indexed").key(item("pk", "a"))
            .updateExpression("SET gs = :b").expressionAttributeValues(Map.of(":b",
                AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[1025]))))),
        "One or more parameter values were invalid: Size limit exceeded for Index Key gs Actual Size: 1025 bytes "
            + "Max Size: 1024 bytes IndexName: bySize");
  }

  @Test
  void attributeNamesMayHave65535Bytes() {
    String name = "n".repeat(65_535);
    client.putItem(r -> r.tableName("items").item(item("pk", "a", name, "v")));
    assertThat(get("a")).containsEntry(name, s("v"));
  }
}
