package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Tables belong to the region of the request's SigV4 credential scope, as in DynamoDB. */
class RegionsTest {

  @Test
  void eachRegionHasItsOwnTables() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start();
         DynamoDbClient east = SdkTestSupport.client(dynamo, "us-east-1");
         DynamoDbClient west = SdkTestSupport.client(dynamo, "eu-west-1")) {
      SdkTestSupport.createTable(east, "orders", "pk", null);
      assertThat(east.listTables().tableNames()).containsExactly("orders");
      assertThat(west.listTables().tableNames()).isEmpty();
      assertNotFound(() -> west.describeTable(r -> r.tableName("orders")),
          "Requested resource not found: Table: orders not found");
      assertNotFound(() -> west.getItem(r -> r.tableName("orders").key(item("pk", "a"))), "Requested resource not found");

      // The same name in another region is another table, with its own schema and items.
      SdkTestSupport.createTable(west, "orders", "id", ScalarAttributeType.N, null, null);
      east.putItem(r -> r.tableName("orders").item(item("pk", "a", "from", "east")));
      assertThat(west.describeTable(r -> r.tableName("orders")).table().keySchema().get(0).attributeName())
          .isEqualTo("id");
      assertThat(west.describeTable(r -> r.tableName("orders")).table().itemCount()).isZero();
      assertThat(east.describeTable(r -> r.tableName("orders")).table().itemCount()).isEqualTo(1);

      assertThat(east.describeTable(r -> r.tableName("orders")).table().tableArn())
          .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders");
      assertThat(west.describeTable(r -> r.tableName("orders")).table().tableArn())
          .isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/orders");

      west.deleteTable(r -> r.tableName("orders"));
      assertThat(east.listTables().tableNames()).containsExactly("orders");
    }
  }

  @Test
  void unsignedRequestsUseTheDefaultRegion() {
    try (DynamoDouble dynamo = DynamoDouble.builder().defaultRegion("ap-south-1").start();
         DynamoDbClient south = SdkTestSupport.client(dynamo, "ap-south-1");
         DynamoDbClient east = SdkTestSupport.client(dynamo, "us-east-1")) {
      SdkTestSupport.createTable(south, "local", "pk", null);
      RawClient.Response response = new RawClient(dynamo).call("ListTables", "{}");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().path("TableNames").get(0).asText()).isEqualTo("local");
      assertThat(east.listTables().tableNames()).isEmpty();
    }
  }

  @Test
  void theDefaultRegionIsUsEast1() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start();
         DynamoDbClient east = SdkTestSupport.client(dynamo, "us-east-1")) {
      new RawClient(dynamo).call("CreateTable", "{\"TableName\":\"raw\",\"BillingMode\":\"PAY_PER_REQUEST\","
          + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
          + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
      assertThat(east.listTables().tableNames()).containsExactly("raw");
    }
  }
}
