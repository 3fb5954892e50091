package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.createTable;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DynamoDB's table quotas, lowered through the builder so that a test can reach them. */
class QuotasTest {

  @Test
  void tablesPerRegion() {
    try (DynamoDouble dynamo = DynamoDouble.builder().quotas(Quotas.defaults().withTablesPerRegion(2)).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      createTable(client, "aaa", "pk", null);
      createTable(client, "bbb", "pk", null);
      assertError(() -> createTable(client, "ccc", "pk", null), "LimitExceededException",
          "Subscriber limit exceeded: There is a limit of 2 tables per subscriber");
      // Another region has its own quota.
      try (DynamoDbClient west = SdkTestSupport.client(dynamo, "us-west-2")) {
        createTable(west, "ccc", "pk", null);
      }
      client.deleteTable(r -> r.tableName("aaa"));
      createTable(client, "ccc", "pk", null);
    }
  }

  @Test
  void tablesChangingAtOnce() {
    ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).statusDelay(Duration.ofSeconds(10))
        .quotas(Quotas.defaults().withConcurrentTableChanges(2)).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      createTable(client, "aaa", "pk", null);
      createTable(client, "bbb", "pk", null);
      String message = "Subscriber limit exceeded: Only 2 tables can be created, updated, or deleted simultaneously";
      assertError(() -> createTable(client, "ccc", "pk", null), "LimitExceededException", message);
      clock.advance(Duration.ofSeconds(10));
      createTable(client, "ccc", "pk", null);
      client.deleteTable(r -> r.tableName("aaa"));
      assertError(() -> client.deleteTable(r -> r.tableName("bbb")), "LimitExceededException", message);
      assertError(() -> client.updateTable(r -> r.tableName("bbb").billingMode(BillingMode.PROVISIONED)
          .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))), "LimitExceededException", message);
      assertThat(client.describeTable(r -> r.tableName("bbb")).table().billingModeSummary().billingModeAsString())
          .isEqualTo("PAY_PER_REQUEST"); // refused before anything changed
      clock.advance(Duration.ofSeconds(10));
      client.deleteTable(r -> r.tableName("bbb"));
    }
  }

  @Test
  void globalIndexesPerTable() {
    try (DynamoDouble dynamo = DynamoDouble.builder().quotas(Quotas.defaults().withGlobalIndexesPerTable(1)).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      assertValidation(() -> client.createTable(r -> r.tableName("ttt").billingMode(BillingMode.PAY_PER_REQUEST)
              .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
              .globalSecondaryIndexes(gsi("gsi1"), gsi("gsi2"))),
          "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 1");
      client.createTable(r -> r.tableName("ttt").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
          .globalSecondaryIndexes(gsi("gsi1")));
      assertValidation(() -> client.updateTable(r -> r.tableName("ttt")
              .attributeDefinitions(attr("g", ScalarAttributeType.S))
              .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("gsi2").keySchema(hash("g"))
                  .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))),
          "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 1");
    }
  }

  private static GlobalSecondaryIndex gsi(String name) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(hash("g"))
        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build();
  }
}
