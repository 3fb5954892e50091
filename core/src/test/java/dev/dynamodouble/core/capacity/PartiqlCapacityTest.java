package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** PartiQL statements are charged and throttled as the operations they become, and report ConsumedCapacity. */
class PartiqlCapacityTest extends ManualEndpointTest {

  @BeforeEach
  void createTable() {
    endpoint.createProvisioned("tbl", 2, 1);
  }

  private ExecuteStatementResponse insert(String key) {
    return client.executeStatement(r -> r.statement("INSERT INTO tbl VALUE {'pk': '" + key + "'}")
        .returnConsumedCapacity("TOTAL"));
  }

  @Test
  void executeStatementIsChargedReportedAndThrottledLikeItsOperation() {
    assertThat(insert("a").consumedCapacity().capacityUnits()).isEqualTo(1.0);
    ProvisionedThroughputExceededException e = catchThrowableOfType(ProvisionedThroughputExceededException.class,
        () -> insert("b"));
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(ProvisionedThrottlingTest.TABLE_MESSAGE);
    assertThat(e.throttlingReasons().get(0).reason()).isEqualTo("TableWriteProvisionedThroughputExceeded");
    ExecuteStatementResponse read = client.executeStatement(r -> r.statement("SELECT * FROM tbl WHERE pk = 'a'")
        .consistentRead(true).returnConsumedCapacity("TOTAL"));
    assertThat(read.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    ThroughputUsage usage = dynamo.capacity().usage("tbl");
    assertThat(usage.admittedWrites()).isEqualTo(1);
    assertThat(usage.throttledWrites()).isEqualTo(1);
    assertThat(usage.consumedWrite()).isEqualTo(1.0);
    assertThat(usage.consumedRead()).isEqualTo(1.0);
  }

  @Test
  void aThrottledStatementOfABatchGetsItsErrorAndTheOthersRun() {
    BatchExecuteStatementResponse response = client.batchExecuteStatement(r -> r.returnConsumedCapacity("TOTAL")
        .statements(BatchStatementRequest.builder().statement("INSERT INTO tbl VALUE {'pk': 'a'}").build(),
            BatchStatementRequest.builder().statement("INSERT INTO tbl VALUE {'pk': 'b'}").build()));
    assertThat(response.responses().get(0).error()).isNull();
    assertThat(response.responses().get(1).error().codeAsString()).isEqualTo("ProvisionedThroughputExceeded");
    assertThat(response.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(1.0));
    clock.advance(Duration.ofSeconds(1));
    assertThat(insert("b").consumedCapacity().capacityUnits()).isEqualTo(1.0);
  }

  @Test
  void aTransactionWithAnItemOutOfCapacityIsCancelledWithThrottlingError() {
    clock.advance(Duration.ofSeconds(2)); // 3 write units: two transactional writes cost 4
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> client.executeTransaction(r -> r.transactStatements(
            ParameterizedStatement.builder().statement("INSERT INTO tbl VALUE {'pk': 'a'}").build(),
            ParameterizedStatement.builder().statement("INSERT INTO tbl VALUE {'pk': 'b'}").build(),
            ParameterizedStatement.builder().statement("INSERT INTO tbl VALUE {'pk': 'c'}").build(),
            ParameterizedStatement.builder().statement("INSERT INTO tbl VALUE {'pk': 'd'}").build())));
    assertThat(e.cancellationReasons()).extracting(r -> r.code())
        .containsExactly("None", "None", "None", "ThrottlingError");
    var done = client.executeTransaction(r -> r.returnConsumedCapacity("TOTAL").transactStatements(List.of(
        ParameterizedStatement.builder().statement("INSERT INTO tbl VALUE {'pk': 'a'}").build())));
    assertThat(done.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(2.0));
    assertThat(dynamo.capacity().usage("tbl").consumedWrite()).isEqualTo(2.0);
    assertThat(client.getItem(r -> r.tableName("tbl").key(item("pk", "a"))).hasItem()).isTrue();
  }
}
