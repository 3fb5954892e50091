package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SearchResultItem;

/** The README's "Vector search" details no other test pins: 32-bit comparison, ties, the billing mode switch. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorSearchDetailsTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("vec").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N))
        .vectorIndexes(v -> v.indexName("byEuc").dimensions(2L).distanceFunction("EUCLIDEAN")
            .vectorAttribute(a -> a.attributeName("emb")).projection(p -> p.projectionType("KEYS_ONLY"))));
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  private void put(String sk, String x) {
    client.putItem(r -> r.tableName("vec").item(Map.of("pk", s("p"), "sk", n(sk),
        "emb", AttributeValue.fromL(List.of(n(x), n("0"))))));
  }

  @Test
  void vectorsAreComparedAt32BitPrecisionAndTiesKeepTheKeyOrder() {
    put("3", "3");
    put("2", "1");
    put("1", "1.00000001"); // the same 32-bit float as 1: a tie with sk 2, not a distance of 1e-8
    List<SearchResultItem> nearest = client.searchVectors(r -> r.tableName("vec").indexName("byEuc").topK(3)
        .searchVector(n("1"), n("0"))).searchResults();
    assertThat(nearest).extracting(i -> i.item().get("sk").n()).containsExactly("1", "2", "3");
    assertThat(nearest).extracting(SearchResultItem::score).containsExactly(0.0, 0.0, 2.0);
  }

  @Test
  void aTableWithAVectorIndexCannotSwitchToProvisioned() {
    assertValidation(() -> client.updateTable(r -> r.tableName("vec").billingMode(BillingMode.PROVISIONED)
            .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))),
        "One or more parameter values were invalid: Vector indexes are only supported on tables with BillingMode "
            + "PAY_PER_REQUEST");
    assertThat(client.describeTable(r -> r.tableName("vec")).table().billingModeSummary().billingMode())
        .isEqualTo(BillingMode.PAY_PER_REQUEST);
  }
}
