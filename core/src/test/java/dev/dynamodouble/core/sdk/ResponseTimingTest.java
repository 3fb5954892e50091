package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Answers say what the operation did, whatever a clock task does meanwhile: on the system clock a
 * zero status delay makes the table ACTIVE on the clock's own thread at once, yet CreateTable must
 * still answer CREATING, as DynamoDB does.
 */
class ResponseTimingTest {

  @Test
  void createTableAlwaysAnswersCreatingOnTheSystemClock() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      for (int i = 0; i < 30; i++) {
        String name = "race" + i;
        var created = client.createTable(r -> r.tableName(name).billingMode("PAY_PER_REQUEST")
            .keySchema(k -> k.attributeName("pk").keyType("HASH"))
            .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
        assertThat(created.tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);
        client.putItem(r -> r.tableName(name).item(item("pk", "a"))); // ACTIVE by the next request
      }
    }
  }

  @Test
  void aNullKeyInBatchGetItemIsAClientError() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "keys", "pk", null);
      RawClient.Response response = new RawClient(dynamo).call("BatchGetItem",
          "{\"RequestItems\":{\"keys\":{\"Keys\":[null]}}}");
      assertThat(response.status()).isEqualTo(400);
    }
  }
}
