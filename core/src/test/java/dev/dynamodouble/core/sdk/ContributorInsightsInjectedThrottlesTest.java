package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.fault.FaultRule;
import dev.dynamodouble.core.insights.ContributorInsights;
import dev.dynamodouble.core.insights.ContributorInsights.KeyCount;
import dev.dynamodouble.core.table.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A throttle injected by a fault rule is a throttle from the client's view, and Contributor
 * Insights counts it as one: an injected ProvisionedThroughputExceededException, ThrottlingException
 * or RequestLimitExceeded on the keys the request names, injected unprocessed batch items, and
 * transaction items cancelled with a throttling reason. Other injected errors are not throttles,
 * and PartiQL requests are not counted whatever a rule injects.
 */
class ContributorInsightsInjectedThrottlesTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  /** On-demand table "events" (pk, sk), Contributor Insights on in the default mode. */
  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "events", "pk", "sk");
    client.updateContributorInsights(r -> r.tableName("events").contributorInsightsAction(ContributorInsightsAction.ENABLE));
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private Table events() {
    return dynamo.engine().region("us-east-1").find("events");
  }

  private List<KeyCount> throttled(boolean fullKey) {
    return dynamo.engine().contributorInsights().topThrottledKeys(events(), null, fullKey, 10);
  }

  private List<KeyCount> accessed() {
    return dynamo.engine().contributorInsights().topKeys(events(), null, false, 10);
  }

  private static String errorOf(Runnable request) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, request::run);
    return e == null ? null : e.awsErrorDetails().errorCode();
  }

  @Test
  void injectedThrottlesCountTheKeysTheRequestsName() {
    dynamo.faults().add(FaultRule.on("GetItem").times(1).error("ProvisionedThroughputExceededException"));
    dynamo.faults().add(FaultRule.on("PutItem").times(1).error("ThrottlingException"));
    dynamo.faults().add(FaultRule.on("Query").times(1).error("RequestLimitExceeded"));
    dynamo.faults().add(FaultRule.on("DeleteItem").times(1).error("InternalServerError"));

    assertThat(errorOf(() -> client.getItem(r -> r.tableName("events").key(item("pk", "a", "sk", "1")))))
        .isEqualTo("ProvisionedThroughputExceededException");
    assertThat(errorOf(() -> client.putItem(r -> r.tableName("events").item(item("pk", "a", "sk", "2")))))
        .isEqualTo("ThrottlingException");
    assertThat(errorOf(() -> client.query(r -> r.tableName("events").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("q")))))).isEqualTo("RequestLimitExceeded");
    assertThat(errorOf(() -> client.deleteItem(r -> r.tableName("events").key(item("pk", "d", "sk", "1")))))
        .isEqualTo("InternalServerError"); // not a throttle

    assertThat(throttled(false)).containsExactly(new KeyCount("a", 2), new KeyCount("q", 1));
    assertThat(throttled(true)).containsExactly(new KeyCount("a,1", 1), new KeyCount("a,2", 1)); // a Query names a partition
    assertThat(accessed()).isEmpty(); // none of them was served
  }

  @Test
  void injectedUnprocessedItemsAreThrottledAndTheOthersAccessed() {
    dynamo.faults().add(FaultRule.on("BatchWriteItem").times(1).unprocessedKeys("u1"));
    var response = client.batchWriteItem(r -> r.requestItems(Map.of("events", List.of(
        WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", "u1", "sk", "1")).build()).build(),
        WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", "ok", "sk", "1")).build()).build()))));
    assertThat(response.unprocessedItems().get("events")).hasSize(1);
    assertThat(throttled(false)).containsExactly(new KeyCount("u1", 1));
    assertThat(accessed()).containsExactly(new KeyCount("ok", 1));
  }

  @Test
  void aWholeBatchThrottledByAFaultCountsEachOfItsItems() {
    dynamo.faults().add(FaultRule.on("BatchWriteItem").times(1).error("ProvisionedThroughputExceededException"));
    assertThat(errorOf(() -> client.batchWriteItem(r -> r.requestItems(Map.of("events", List.of(
        WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", "b1", "sk", "1")).build()).build(),
        WriteRequest.builder().deleteRequest(d -> d.key(item("pk", "b2", "sk", "1"))).build()))))))
        .isEqualTo("ProvisionedThroughputExceededException");
    assertThat(throttled(false)).containsExactly(new KeyCount("b1", 1), new KeyCount("b2", 1));
  }

  @Test
  void aTransactionCancelledWithAThrottlingReasonCountsThatItem() {
    dynamo.faults().add(FaultRule.on("TransactWriteItems").times(1).cancel("None", "ThrottlingError"));
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(
            t -> t.put(p -> p.tableName("events").item(item("pk", "t1", "sk", "1"))),
            t -> t.update(u -> u.tableName("events").key(item("pk", "t2", "sk", "1")).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", s("x")))))));
    assertThat(e.cancellationReasons()).extracting(reason -> reason.code()).containsExactly("None", "ThrottlingError");
    assertThat(throttled(false)).containsExactly(new KeyCount("t2", 1));
    assertThat(accessed()).isEmpty();
  }

  private static BatchStatementRequest statement(String text) {
    return BatchStatementRequest.builder().statement(text).build();
  }

  private static ParameterizedStatement transactStatement(String text) {
    return ParameterizedStatement.builder().statement(text).build();
  }

  @Test
  void injectedThrottlesOfPartiqlRequestsAreNotCounted() {
    // DynamoDB's Contributor Insights does not support PartiQL requests, whatever throttled them
    dynamo.faults().add(FaultRule.on("ExecuteStatement").times(3).error("ThrottlingException"));
    assertThat(errorOf(() -> client.executeStatement(r -> r.statement(
        "UPDATE \"events\" SET v = 1 WHERE pk = 's1' AND sk = '1'")))).isEqualTo("ThrottlingException");
    assertThat(errorOf(() -> client.executeStatement(r -> r.statement(
        "SELECT * FROM \"events\" WHERE pk IN ['s2', 's3']")))).isEqualTo("ThrottlingException");
    assertThat(errorOf(() -> client.executeStatement(r -> r.statement(
        "INSERT INTO \"events\" VALUE {'pk': 's4', 'sk': '1'}")))).isEqualTo("ThrottlingException");

    dynamo.faults().add(FaultRule.on("BatchExecuteStatement").times(1).error("ProvisionedThroughputExceededException"));
    assertThat(errorOf(() -> client.batchExecuteStatement(r -> r.statements(
        statement("UPDATE \"events\" SET v = 1 WHERE pk = 's5' AND sk = '1'"),
        statement("DELETE FROM \"events\" WHERE pk = 's5' AND sk = '2'")))))
        .isEqualTo("ProvisionedThroughputExceededException");
    dynamo.faults().add(FaultRule.on("BatchExecuteStatement").times(1).unprocessedKeys("s6"));
    var batch = client.batchExecuteStatement(r -> r.statements(
        statement("UPDATE \"events\" SET v = 1 WHERE pk = 's6' AND sk = '1'"),
        statement("INSERT INTO \"events\" VALUE {'pk': 'served', 'sk': '1'}")));
    assertThat(batch.responses()).extracting(response -> response.error() == null).containsExactly(false, true);

    dynamo.faults().add(FaultRule.on("ExecuteTransaction").times(1).cancel("ThrottlingError", "None"));
    assertThat(catchThrowableOfType(TransactionCanceledException.class, () -> client.executeTransaction(r -> r
        .transactStatements(transactStatement("INSERT INTO \"events\" VALUE {'pk': 'x1', 'sk': '1'}"),
            transactStatement("DELETE FROM \"events\" WHERE pk = 'x2' AND sk = '1'")))).cancellationReasons())
        .extracting(reason -> reason.code()).containsExactly("ThrottlingError", "None");
    dynamo.faults().add(FaultRule.on("ExecuteTransaction").times(1).error("RequestLimitExceeded"));
    assertThat(errorOf(() -> client.executeTransaction(r -> r.transactStatements(
        transactStatement("SELECT * FROM \"events\" WHERE pk = 'x3' AND sk = '1'")))))
        .isEqualTo("RequestLimitExceeded");

    assertThat(throttled(true)).isEmpty();
    assertThat(accessed()).isEmpty(); // not even the statement served

    // the same refusals of requests that are not PartiQL are counted
    dynamo.faults().add(FaultRule.on("TransactWriteItems").times(1).cancel("ThrottlingError", "None"));
    assertThat(catchThrowableOfType(TransactionCanceledException.class, () -> client.transactWriteItems(r -> r
        .transactItems(t -> t.put(p -> p.tableName("events").item(item("pk", "x1", "sk", "1"))),
            t -> t.delete(d -> d.tableName("events").key(item("pk", "x2", "sk", "1"))))))).isNotNull();
    dynamo.faults().add(FaultRule.on("UpdateItem").times(1).error("ThrottlingException"));
    assertThat(errorOf(() -> client.updateItem(r -> r.tableName("events").key(item("pk", "s1", "sk", "1"))
        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", s("1"))))))
        .isEqualTo("ThrottlingException");
    client.putItem(r -> r.tableName("events").item(item("pk", "served", "sk", "2")));
    assertThat(throttled(true)).containsExactly(new KeyCount("s1,1", 1), new KeyCount("x1,1", 1));
    assertThat(accessed()).containsExactly(new KeyCount("served", 1));
  }
}
