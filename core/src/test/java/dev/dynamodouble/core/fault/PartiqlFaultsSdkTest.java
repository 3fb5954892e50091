package dev.dynamodouble.core.fault;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Rules that match tables, indexes and partition keys apply to PartiQL requests as to the
 * operations their statements become: the keys a WHERE sets equal (literally or through a
 * parameter), an IN list's partitions, an INSERT's item; through the SDK over the real endpoint.
 */
class PartiqlFaultsSdkTest {
  private final ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().clock(clock).start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk")).attributeDefinitions(attr("pk", ScalarAttributeType.S),
            attr("sk", ScalarAttributeType.S), attr("customer", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byCustomer").keySchema(hash("customer"))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    client.createTable(r -> r.tableName("customers").keySchema(hash("id"))
        .attributeDefinitions(attr("id", ScalarAttributeType.S))
        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
    for (String pk : List.of("hot", "cold", "tenant-7#a")) {
      client.putItem(r -> r.tableName("orders").item(item("pk", pk, "sk", "1", "customer", "c-" + pk)));
    }
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private void execute(String statement, AttributeValue... parameters) {
    client.executeStatement(r -> r.statement(statement).parameters(parameters.length == 0 ? null : List.of(parameters)));
  }

  private static void throttled(Runnable call) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call::run);
    assertThat(e).as("throttled").isNotNull();
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
  }

  @Test
  void executeStatementMatchesTheKeyEveryKindOfStatementAddresses() {
    FaultHandle hot = dynamo.faults().add(FaultRule.on("ExecuteStatement").key("hot").error("ThrottlingException"));

    throttled(() -> execute("SELECT * FROM orders WHERE pk = 'hot' AND sk = '1'"));        // a GetItem
    throttled(() -> execute("SELECT * FROM \"orders\" WHERE \"pk\" = ?", s("hot")));         // a Query, bound
    throttled(() -> execute("SELECT * FROM orders WHERE pk IN ['cold', 'hot']"));            // a Query per partition
    throttled(() -> execute("INSERT INTO orders VALUE {'pk': 'hot', 'sk': '2'}"));
    throttled(() -> execute("UPDATE orders SET n = 1 WHERE pk = ? AND sk = ?", s("hot"), s("1")));
    throttled(() -> execute("DELETE FROM orders WHERE pk = 'hot' AND sk = '1'"));
    execute("SELECT * FROM orders WHERE pk = 'cold'");
    execute("SELECT * FROM orders");                                                        // a Scan names no key
    execute("INSERT INTO orders VALUE {'pk': 'warm', 'sk': '1'}");

    assertThat(hot.hits()).isEqualTo(6);
    assertThat(hot.matched()).isEqualTo(6);
  }

  @Test
  void keyPatternsTablesAndIndexesMatchStatements() {
    FaultHandle tenant = dynamo.faults().add(FaultRule.builder().keyPattern("tenant-7#.*").error("InternalServerError"));
    FaultHandle customers = dynamo.faults().add(FaultRule.on("ExecuteStatement").table("customers")
        .error("ThrottlingException"));
    FaultHandle byIndex = dynamo.faults().add(FaultRule.on("ExecuteStatement").index("byCustomer").key("c-cold")
        .error("ThrottlingException"));

    assertThatThrownBy(() -> execute("SELECT * FROM orders WHERE pk = ?", s("tenant-7#a")))
        .hasMessageContaining("Internal server error");
    throttled(() -> execute("SELECT * FROM customers WHERE id = 'c1'"));
    throttled(() -> execute("SELECT * FROM \"orders\".\"byCustomer\" WHERE customer = 'c-cold'"));
    execute("SELECT * FROM \"orders\".\"byCustomer\" WHERE customer = 'c-hot'");
    execute("SELECT * FROM orders WHERE pk = 'cold'"); // the table, not the index

    assertThat(tenant.hits()).isEqualTo(1);
    assertThat(customers.hits()).isEqualTo(1);
    assertThat(byIndex.hits()).isEqualTo(1);
    assertThat(byIndex.matched()).isEqualTo(1);
  }

  @Test
  void anErrorRuleFailsABatchOrATransactionThatAddressesItsKey() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("BatchExecuteStatement", "ExecuteTransaction").key("hot")
        .error("ThrottlingException"));
    throttled(() -> client.batchExecuteStatement(r -> r.statements(
        statement("SELECT * FROM orders WHERE pk = 'cold' AND sk = '1'"),
        statement("SELECT * FROM orders WHERE pk = ? AND sk = '1'", s("hot")))));
    throttled(() -> client.executeTransaction(r -> r.transactStatements(
        ParameterizedStatement.builder().statement("UPDATE orders SET n = 1 WHERE pk = 'hot' AND sk = '1'").build())));
    client.executeTransaction(r -> r.transactStatements(
        ParameterizedStatement.builder().statement("UPDATE orders SET n = 1 WHERE pk = 'cold' AND sk = '1'").build()));
    assertThat(rule.hits()).isEqualTo(2);
  }

  private static BatchStatementRequest statement(String text, AttributeValue... parameters) {
    return BatchStatementRequest.builder().statement(text).parameters(parameters.length == 0 ? null : List.of(parameters))
        .build();
  }

  @Test
  void unprocessedKeysThrottleThoseStatementsOfABatchAlone() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("BatchExecuteStatement").unprocessedKeys("hot", "c9"));
    List<BatchStatementResponse> responses = client.batchExecuteStatement(r -> r.statements(
        statement("UPDATE orders SET n = 1 WHERE pk = 'cold' AND sk = '1'"),
        statement("UPDATE orders SET n = 1 WHERE pk = ? AND sk = '1'", s("hot")),
        statement("INSERT INTO customers VALUE {'id': 'c9'}"))).responses();

    assertThat(responses.get(0).error()).isNull();
    assertThat(responses.get(1).error().codeAsString()).isEqualTo("ThrottlingError"); // an on-demand table
    assertThat(responses.get(1).error().message()).startsWith("Throughput exceeds the current capacity");
    assertThat(responses.get(2).error().codeAsString()).isEqualTo("ProvisionedThroughputExceeded"); // provisioned
    assertThat(rule.hits()).isEqualTo(1);
    assertThat(client.getItem(r -> r.tableName("orders").key(item("pk", "hot", "sk", "1"))).item()).doesNotContainKey("n");
    assertThat(client.getItem(r -> r.tableName("orders").key(item("pk", "cold", "sk", "1"))).item()).containsKey("n");
    assertThat(client.getItem(r -> r.tableName("customers").key(item("id", "c9"))).hasItem()).isFalse();
  }

  @Test
  void aShareOfABatchsStatementsIsThrottledAndTheCallerReDrivesThem() {
    dynamo.faults().add(FaultRule.on("BatchExecuteStatement").times(1).unprocessedShare(0.5));
    List<BatchStatementRequest> pending = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pending.add(statement("INSERT INTO orders VALUE {'pk': 'p" + i + "', 'sk': '1'}"));
    }
    int rounds = 0;
    while (!pending.isEmpty()) {
      List<BatchStatementRequest> sent = pending;
      List<BatchStatementResponse> responses = client.batchExecuteStatement(r -> r.statements(sent)).responses();
      pending = new ArrayList<>();
      for (int i = 0; i < responses.size(); i++) {
        if (responses.get(i).error() != null) {
          assertThat(responses.get(i).error().codeAsString()).isEqualTo("ThrottlingError");
          pending.add(sent.get(i));
        }
      }
      if (rounds++ == 0) {
        assertThat(pending).hasSize(3);
      }
    }
    assertThat(rounds).isEqualTo(2);
    assertThat(client.scan(r -> r.tableName("orders")).count()).isEqualTo(9);
  }

  @Test
  void anExecuteTransactionIsCancelledWithChosenReasons() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("ExecuteTransaction").key("cold")
        .cancel("None", "TransactionConflict"));
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> client.executeTransaction(r -> r.transactStatements(
            ParameterizedStatement.builder().statement("UPDATE orders SET n = 1 WHERE pk = 'hot' AND sk = '1'").build(),
            ParameterizedStatement.builder().statement("UPDATE orders SET n = 1 WHERE pk = ? AND sk = '1'")
                .parameters(s("cold")).build())));
    assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "TransactionConflict");
    assertThat(rule.hits()).isEqualTo(1);
  }

  @Test
  void aStaleReadRuleAppliesToAnEventuallyConsistentSelect() {
    dynamo.faults().add(FaultRule.on("ExecuteStatement").key("hot").staleRead(Duration.ofSeconds(1)));
    execute("UPDATE orders SET n = 1 WHERE pk = 'hot' AND sk = '1'");
    assertThat(select(false)).doesNotContainKey("n");
    assertThat(select(true)).containsKey("n");
    clock.advance(Duration.ofSeconds(1));
    assertThat(select(false)).containsKey("n");
  }

  private java.util.Map<String, AttributeValue> select(boolean consistent) {
    return client.executeStatement(r -> r.statement("SELECT * FROM orders WHERE pk = 'hot' AND sk = '1'")
        .consistentRead(consistent)).items().get(0);
  }
}
