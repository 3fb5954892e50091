package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Requests DynamoDB refuses that were once accepted. */
class ValidationGapsTest {
  static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/";
  static DynamoDouble dynamo;
  static DynamoDbClient client;
  static RawClient raw;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    raw = new RawClient(dynamo);
    client.createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S)));
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  void duplicateNamesInAttributesToGet() {
    String message = "One or more parameter values were invalid: Duplicate value in attribute name: a";
    assertValidation(() -> client.getItem(r -> r.tableName("items").key(item("pk", "x")).attributesToGet("a", "b", "a")),
        message);
    assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of("items",
        KeysAndAttributes.builder().keys(item("pk", "x")).attributesToGet("a", "a").build()))), message);
    assertValidation(() -> client.scan(r -> r.tableName("items").attributesToGet("a", "a")), message);
  }

  @Test
  void conditionalOperatorNeedsExpectedOrAFilter() {
    String without = "ConditionalOperator cannot be used without Filter or Expected";
    assertValidation(() -> client.putItem(r -> r.tableName("items").item(item("pk", "cond"))
        .conditionalOperator(ConditionalOperator.AND)), without);
    assertValidation(() -> client.deleteItem(r -> r.tableName("items").key(item("pk", "cond"))
        .conditionalOperator(ConditionalOperator.OR)), without);
    assertValidation(() -> client.updateItem(r -> r.tableName("items").key(item("pk", "cond"))
        .attributeUpdates(Map.of("a", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("v")).build()))
        .conditionalOperator(ConditionalOperator.AND)), without);
    assertValidation(() -> client.scan(r -> r.tableName("items").conditionalOperator(ConditionalOperator.AND)), without);
    assertValidation(() -> client.query(r -> r.tableName("items").conditionalOperator(ConditionalOperator.AND)), without);
    assertValidation(() -> client.query(r -> r.tableName("items").conditionalOperator(ConditionalOperator.AND)
        .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
            .attributeValueList(s("x")).build()))), without);
    assertThat(client.getItem(r -> r.tableName("items").key(item("pk", "cond"))).hasItem()).isFalse();
  }

  @Test
  void updateExpressionNamesCannotBeginWithAnUnderscore() {
    assertValidation(() -> client.updateItem(r -> r.tableName("items").key(item("pk", "x"))
            .updateExpression("SET _a = :v").expressionAttributeValues(Map.of(":v", s("1")))),
        "Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _a\"");
    assertValidation(() -> client.updateItem(r -> r.tableName("items").key(item("pk", "x"))
            .updateExpression("SET a = _f(b)")),
        "Invalid UpdateExpression: Syntax error; token: \"_\", near: \"= _f\"");
    // inside a name, and in the other expressions, '_' is an ordinary character
    client.updateItem(r -> r.tableName("items").key(item("pk", "x")).updateExpression("SET a_b = :v")
        .conditionExpression("attribute_not_exists(_c)").expressionAttributeValues(Map.of(":v", s("1"))));
  }

  @Test
  void projectedAttributeNamesHaveAtMost255Characters() {
    String name = "n".repeat(256);
    assertValidation(() -> client.updateTable(r -> r.tableName("items").attributeDefinitions(attr("g", ScalarAttributeType.S))
            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG").keySchema(hash("g"))
                .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes(name))))),
        "1 validation error detected: Value '[" + name + "]' at "
            + "'globalSecondaryIndexUpdates.1.member.create.projection.nonKeyAttributes' failed to satisfy constraint: "
            + "Member must satisfy constraint: [Member must have length less than or equal to 255, "
            + "Member must have length greater than or equal to 1]");
  }

  @Test
  void someMembersHaveTheNewerConstraintMessageStyle() {
    assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of())),
        "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1");
    assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of("items",
            KeysAndAttributes.builder().keys(java.util.List.of()).build()))),
        "1 validation error detected: Value at 'RequestItems.items.member.Keys' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1");
    java.util.List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> keys =
        new java.util.ArrayList<>();
    for (int i = 0; i < 101; i++) {
      keys.add(item("pk", "k" + i));
    }
    assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of("items",
            KeysAndAttributes.builder().keys(keys).build()))),
        "1 validation error detected: Value at 'RequestItems.items.member.Keys' failed to satisfy constraint: "
            + "Member must have length less than or equal to 100");
    assertValidation(() -> client.query(r -> r.tableName("items").limit(0).keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", s("x")))),
        "1 validation error detected: Value at 'Limit' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1");
  }

  @Test
  void tagsNeedATableArn() {
    for (String arn : new String[] {"not-an-arn", ARN + "items/index/byX", "arn:aws:dynamodb:us-east-1:0:table/items"}) {
      String message = "Invalid TableArn: Invalid ResourceArn provided as input " + arn;
      assertValidation(() -> client.tagResource(r -> r.resourceArn(arn).tags(t -> t.key("k").value("v"))), message);
      assertValidation(() -> client.untagResource(r -> r.resourceArn(arn).tagKeys("k")), message);
      assertValidation(() -> client.listTagsOfResource(r -> r.resourceArn(arn)), message);
    }
  }

  @Test
  void tagAndUntagAnswerAnEmptyBody() {
    RawClient.Response tagged = raw.call("TagResource",
        "{\"ResourceArn\":\"" + ARN + "items\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
    assertThat(tagged.status()).isEqualTo(200);
    assertThat(tagged.bytes()).isEmpty();
    RawClient.Response untagged = raw.call("UntagResource", "{\"ResourceArn\":\"" + ARN + "items\",\"TagKeys\":[\"k\"]}");
    assertThat(untagged.status()).isEqualTo(200);
    assertThat(untagged.bytes()).isEmpty();
    client.tagResource(r -> r.resourceArn(ARN + "items").tags(t -> t.key("k2").value("v")));
    assertThat(client.listTagsOfResource(r -> r.resourceArn(ARN + "items")).tags()).hasSize(1);
  }
}
