package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.insights.ContributorInsights;
import dev.dynamodouble.core.insights.ContributorInsights.KeyCount;
import dev.dynamodouble.core.table.Table;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Contributor Insights counts what a Scan reads (each item), not what PartiQL requests access, and
 * keys a multi-attribute GSI partition by all its attributes.
 */
class ContributorInsightsScanPartiqlTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private Table table;
  private ContributorInsights insights;

  /** Table "events" (pk, sk) with GSI "byAB" on the multi-attribute partition key (a, b); insights on both. */
  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
            attr("a", ScalarAttributeType.S), attr("b", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byAB").keySchema(hash("a"), hash("b"))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    client.putItem(r -> r.tableName("events").item(item("pk", "p1", "sk", "1", "a", "x", "b", "1")));
    client.putItem(r -> r.tableName("events").item(item("pk", "p1", "sk", "2", "a", "x", "b", "2")));
    client.putItem(r -> r.tableName("events").item(item("pk", "p2", "sk", "1", "a", "x", "b", "2")));
    client.updateContributorInsights(r -> r.tableName("events").contributorInsightsAction(ContributorInsightsAction.ENABLE));
    client.updateContributorInsights(r -> r.tableName("events").indexName("byAB")
        .contributorInsightsAction(ContributorInsightsAction.ENABLE));
    table = dynamo.engine().region("us-east-1").find("events");
    insights = dynamo.engine().contributorInsights();
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  void aScanCountsEveryItemItReads() {
    client.scan(r -> r.tableName("events").filterExpression("sk = :one").expressionAttributeValues(Map.of(":one", s("1"))));
    assertThat(insights.topKeys(table, null, false, 10)).containsExactly(new KeyCount("p1", 2), new KeyCount("p2", 1));
    assertThat(insights.topKeys(table, null, true, 10)).containsExactly(
        new KeyCount("p1,1", 1), new KeyCount("p1,2", 1), new KeyCount("p2,1", 1));
    assertThat(insights.topKeys(table, "byAB", false, 10)).isEmpty(); // the index was not read

    client.scan(r -> r.tableName("events").indexName("byAB"));
    assertThat(insights.topKeys(table, "byAB", false, 10)).containsExactly(new KeyCount("x,2", 2), new KeyCount("x,1", 1));
  }

  @Test
  void partiqlRequestsAreNotCounted() {
    // DynamoDB's Contributor Insights does not support PartiQL requests, whatever they read or write
    client.executeStatement(r -> r.statement("SELECT * FROM \"events\" WHERE pk = 'p2' AND sk = '1'")); // one item
    client.executeStatement(r -> r.statement("UPDATE \"events\" SET v = 1 WHERE pk = 'p2' AND sk = '1'"));
    client.executeStatement(r -> r.statement("SELECT * FROM \"events\" WHERE pk = 'p1'")); // a partition
    client.executeStatement(r -> r.statement("SELECT * FROM \"events\"")); // every item
    client.batchExecuteStatement(r -> r.statements(
        BatchStatementRequest.builder().statement("DELETE FROM \"events\" WHERE pk = 'p3' AND sk = '1'").build(),
        BatchStatementRequest.builder().statement("DELETE FROM \"events\" WHERE pk = 'p5' AND sk = '1'").build()));
    client.batchExecuteStatement(r -> r.statements(
        BatchStatementRequest.builder().statement("SELECT * FROM \"events\" WHERE pk = 'p1' AND sk = '1'").build()));
    client.executeTransaction(r -> r.transactStatements(
        ParameterizedStatement.builder().statement("INSERT INTO \"events\" VALUE {'pk': 'p4', 'sk': '1', 'a': 'y', 'b': '1'}")
            .build()));
    client.executeTransaction(r -> r.transactStatements(
        ParameterizedStatement.builder().statement("SELECT * FROM \"events\" WHERE pk = 'p4' AND sk = '1'").build()));
    assertThat(client.getItem(r -> r.tableName("events").key(item("pk", "p4", "sk", "1"))).hasItem()).isTrue();
    assertThat(insights.topKeys(table, null, false, 10)).containsExactly(new KeyCount("p4", 1)); // the GetItem alone
    assertThat(insights.topKeys(table, "byAB", false, 10)).isEmpty(); // not even the item the INSERT put there
    assertThat(insights.topThrottledKeys(table, null, false, 10)).isEmpty();

    client.query(r -> r.tableName("events").indexName("byAB").keyConditionExpression("a = :a AND b = :b")
        .expressionAttributeValues(Map.of(":a", s("x"), ":b", s("2")))); // the index counts what is not PartiQL
    assertThat(insights.topKeys(table, "byAB", false, 10)).containsExactly(new KeyCount("x,2", 1));
  }

  @Test
  void aMultiAttributeIndexPartitionIsKeyedByAllItsAttributes() {
    client.query(r -> r.tableName("events").indexName("byAB").keyConditionExpression("a = :a AND b = :b")
        .expressionAttributeValues(Map.of(":a", s("x"), ":b", s("2"))));
    client.putItem(r -> r.tableName("events").item(item("pk", "p5", "sk", "1", "a", "x", "b", "3")));
    assertThat(insights.topKeys(table, "byAB", false, 10)).containsExactly(new KeyCount("x,2", 1), new KeyCount("x,3", 1));
  }
}
