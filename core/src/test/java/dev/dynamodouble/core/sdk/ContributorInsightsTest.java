package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.insights.ContributorInsights;
import dev.dynamodouble.core.table.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse;

/** Contributor Insights through the AWS SDK, and the key counts behind it. */
class ContributorInsightsTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "events", "pk", "sk");
    SdkTestSupport.createTable(client, "quiet", "pk", null);
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  void enablingStartsCountingTheKeysOfItemRequests() {
    DescribeContributorInsightsResponse before = client.describeContributorInsights(r -> r.tableName("events"));
    assertThat(before.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    client.putItem(r -> r.tableName("events").item(item("pk", "uncounted", "sk", "1")));

    UpdateContributorInsightsResponse update = client.updateContributorInsights(r -> r.tableName("events")
        .contributorInsightsAction(ContributorInsightsAction.ENABLE));
    assertThat(update.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLING);
    DescribeContributorInsightsResponse described = client.describeContributorInsights(r -> r.tableName("events"));
    assertThat(described.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
    assertThat(described.contributorInsightsRuleList()).hasSize(4)
        .allMatch(rule -> rule.startsWith("DynamoDBContributorInsights-"));

    for (int i = 0; i < 3; i++) {
      client.putItem(r -> r.tableName("events").item(item("pk", "hot", "sk", "1")));
    }
    client.getItem(r -> r.tableName("events").key(item("pk", "hot", "sk", "2")));
    client.deleteItem(r -> r.tableName("events").key(item("pk", "cold", "sk", "1")));
    client.batchGetItem(r -> r.requestItems(java.util.Map.of("events",
        software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
            .keys(item("pk", "hot", "sk", "1")).build())));

    client.query(r -> r.tableName("events").keyConditionExpression("pk = :p")
        .expressionAttributeValues(java.util.Map.of(":p", SdkTestSupport.s("cold"))));
    Table events = dynamo.engine().region("us-east-1").find("events");
    ContributorInsights insights = dynamo.engine().contributorInsights();
    assertThat(insights.topKeys(events, null, false, 10)).containsExactly(
        new ContributorInsights.KeyCount("hot", 5), new ContributorInsights.KeyCount("cold", 2));
    assertThat(insights.topKeys(events, null, true, 1)).containsExactly(new ContributorInsights.KeyCount("hot,1", 4));

    assertThat(client.listContributorInsights(r -> { }).contributorInsightsSummaries())
        .extracting(s -> s.tableName() + ":" + s.contributorInsightsStatusAsString())
        .containsExactly("events:ENABLED");

    client.updateContributorInsights(r -> r.tableName("events")
        .contributorInsightsAction(ContributorInsightsAction.DISABLE));
    assertThat(insights.topKeys(events, null, false, 10)).isEmpty();
    assertThat(client.describeContributorInsights(r -> r.tableName("events")).contributorInsightsStatus())
        .isEqualTo(ContributorInsightsStatus.DISABLED);
  }

  @Test
  void aQueryWithLegacyKeyConditionsCountsItsPartition() {
    client.updateContributorInsights(r -> r.tableName("quiet").contributorInsightsAction(ContributorInsightsAction.ENABLE));
    try {
      client.query(r -> r.tableName("quiet").keyConditions(java.util.Map.of("pk", Condition.builder()
          .comparisonOperator(ComparisonOperator.EQ).attributeValueList(SdkTestSupport.s("legacy")).build())));
      client.query(r -> r.tableName("quiet").keyConditionExpression("pk = :p")
          .expressionAttributeValues(java.util.Map.of(":p", SdkTestSupport.s("legacy"))));
      Table quiet = dynamo.engine().region("us-east-1").find("quiet");
      assertThat(dynamo.engine().contributorInsights().topKeys(quiet, null, false, 10))
          .containsExactly(new ContributorInsights.KeyCount("legacy", 2));
    } finally {
      client.updateContributorInsights(r -> r.tableName("quiet").contributorInsightsAction(ContributorInsightsAction.DISABLE));
    }
  }

  @Test
  void keysABatchGetItemLeavesUnprocessedForItsSizeAreNotCounted() {
    SdkTestSupport.createTable(client, "large", "pk", null);
    client.updateContributorInsights(r -> r.tableName("large").contributorInsightsAction(ContributorInsightsAction.ENABLE));
    String payload = "x".repeat(400_000); // 42 such items are over a BatchGetItem answer's 16 MB
    java.util.List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> keys =
        new java.util.ArrayList<>();
    for (int i = 0; i < 42; i++) {
      String pk = "k" + i;
      client.putItem(r -> r.tableName("large").item(item("pk", pk, "body", payload)));
      keys.add(item("pk", pk));
    }
    Table large = dynamo.engine().region("us-east-1").find("large");
    ContributorInsights insights = dynamo.engine().contributorInsights();
    long writes = insights.topKeys(large, null, false, 100).stream().mapToLong(ContributorInsights.KeyCount::count).sum();

    var answer = client.batchGetItem(r -> r.requestItems(java.util.Map.of("large",
        software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(keys).build())));
    int read = answer.responses().get("large").size();
    assertThat(answer.unprocessedKeys().get("large").keys()).hasSize(42 - read).isNotEmpty();
    long counted = insights.topKeys(large, null, false, 100).stream().mapToLong(ContributorInsights.KeyCount::count).sum();
    assertThat(counted - writes).isEqualTo(read);
    assertThat(insights.topKeys(large, null, false, 100)).filteredOn(k -> k.count() == 2).hasSize(read);
    client.deleteTable(r -> r.tableName("large")); // the class's other tests list the tables with insights
  }

  @Test
  void unknownTablesAndIndexesAreNotFound() {
    assertNotFound(() -> client.describeContributorInsights(r -> r.tableName("nope")),
        "Requested resource not found: Table: nope not found");
    assertNotFound(() -> client.updateContributorInsights(r -> r.tableName("quiet").indexName("nope")
            .contributorInsightsAction(ContributorInsightsAction.ENABLE)),
        "Requested resource not found: Index: nope not found");
  }
}
