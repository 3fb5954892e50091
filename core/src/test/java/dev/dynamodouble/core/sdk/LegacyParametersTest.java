package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/** The legacy parameters (Expected, AttributeUpdates, AttributesToGet, KeyConditions, QueryFilter, ScanFilter). */
class LegacyParametersTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "legacy", "pk", "sk");
    for (int i = 1; i <= 5; i++) {
      int k = i;
      client.putItem(r -> r.tableName("legacy").item(item("pk", "p", "sk", "s" + k, "n", n("" + k))));
    }
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static Condition cond(ComparisonOperator op, software.amazon.awssdk.services.dynamodb.model.AttributeValue... values) {
    return Condition.builder().comparisonOperator(op).attributeValueList(values).build();
  }

  @Test
  void expectedAndAttributeUpdates() {
    client.updateItem(r -> r.tableName("legacy").key(item("pk", "p", "sk", "s1"))
        .attributeUpdates(Map.of("n", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("10")).build()))
        .expected(Map.of("n", ExpectedAttributeValue.builder().value(n("1")).build())));
    assertThat(client.getItem(r -> r.tableName("legacy").key(item("pk", "p", "sk", "s1")).attributesToGet("n")).item())
        .isEqualTo(item("n", n("11")));
    assertError(() -> client.putItem(r -> r.tableName("legacy").item(item("pk", "p", "sk", "s1"))
            .expected(Map.of("n", ExpectedAttributeValue.builder().exists(false).build()))),
        "ConditionalCheckFailedException", "The conditional request failed");
    assertError(() -> client.putItem(r -> r.tableName("legacy").item(item("pk", "p", "sk", "s1"))
            .expected(Map.of("n", ExpectedAttributeValue.builder().exists(false).build()))
            .conditionExpression("attribute_exists(n)")),
        "ValidationException", "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
  }

  @Test
  void keyConditionsAndFilters() {
    var query = client.query(r -> r.tableName("legacy").keyConditions(Map.of(
            "pk", cond(ComparisonOperator.EQ, s("p")), "sk", cond(ComparisonOperator.BETWEEN, s("s2"), s("s4"))))
        .queryFilter(Map.of("n", cond(ComparisonOperator.GE, n("3")))));
    assertThat(query.items()).extracting(i -> i.get("sk").s()).containsExactly("s3", "s4");
    assertThat(query.scannedCount()).isEqualTo(3);
    var scan = client.scan(r -> r.tableName("legacy").scanFilter(Map.of("n", cond(ComparisonOperator.IN, n("2"), n("5")))));
    assertThat(scan.items()).extracting(i -> i.get("sk").s()).containsExactlyInAnyOrder("s2", "s5");
    assertThat(List.of(scan.count())).containsExactly(2);
  }
}
