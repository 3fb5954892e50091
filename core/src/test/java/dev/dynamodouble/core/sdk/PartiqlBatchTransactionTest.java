package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** BatchExecuteStatement and ExecuteTransaction through the AWS SDK. */
class PartiqlBatchTransactionTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "accounts", "pk", null);
    client.putItem(r -> r.tableName("accounts").item(item("pk", "a", "balance", n("100"))));
    client.putItem(r -> r.tableName("accounts").item(item("pk", "b", "balance", n("5"))));
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static BatchStatementRequest batch(String statement, AttributeValue... parameters) {
    return BatchStatementRequest.builder().statement(statement)
        .parameters(parameters.length == 0 ? null : List.of(parameters)).build();
  }

  static ParameterizedStatement tx(String statement, AttributeValue... parameters) {
    return ParameterizedStatement.builder().statement(statement)
        .parameters(parameters.length == 0 ? null : List.of(parameters)).build();
  }

  @Test
  void aBatchOfReadsAnswersEachStatementInItsPlace() {
    BatchExecuteStatementResponse response = client.batchExecuteStatement(r -> r
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .statements(batch("SELECT * FROM accounts WHERE pk = ?", s("a")),
            batch("SELECT balance FROM accounts WHERE pk = 'missing'"),
            batch("SELECT * FROM accounts WHERE balance > 3"),
            batch("SELECT * FROM nope WHERE pk = 'a'"),
            batch("SELECT * FROM accounts WHERE")));
    List<BatchStatementResponse> responses = response.responses();
    assertThat(responses).hasSize(5);
    assertThat(responses.get(0).item()).isEqualTo(item("pk", "a", "balance", n("100")));
    assertThat(responses.get(0).tableName()).isEqualTo("accounts");
    assertThat(responses.get(1).hasItem()).isFalse();
    assertThat(responses.get(1).error()).isNull();
    assertThat(responses.get(2).error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
    assertThat(responses.get(2).error().message()).isEqualTo("Only single item select is supported");
    assertThat(responses.get(3).error().code()).isEqualTo(BatchStatementErrorCodeEnum.RESOURCE_NOT_FOUND);
    assertThat(responses.get(4).error().message())
        .isEqualTo("Statement wasn't well formed, can't be processed: Unexpected term");
    assertThat(response.consumedCapacity()).hasSize(1);
    assertThat(response.consumedCapacity().get(0).capacityUnits()).isEqualTo(1.0);
  }

  @Test
  void aBatchOfWritesReportsFailuresPerStatement() {
    BatchExecuteStatementResponse response = client.batchExecuteStatement(r -> r.statements(
        batch("INSERT INTO accounts VALUE {'pk': 'c', 'balance': 1}"),
        batch("INSERT INTO accounts VALUE {'pk': 'a', 'balance': 1}"),
        BatchStatementRequest.builder().statement("UPDATE accounts SET balance = 0 WHERE pk = 'b' AND balance > 10")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build(),
        batch("DELETE FROM accounts WHERE pk = 'gone'")));
    List<BatchStatementResponse> responses = response.responses();
    assertThat(responses.get(0).error()).isNull();
    assertThat(responses.get(1).error().code()).isEqualTo(BatchStatementErrorCodeEnum.DUPLICATE_ITEM);
    assertThat(responses.get(1).error().message()).isEqualTo("Duplicate primary key exists in table");
    assertThat(responses.get(2).error().code()).isEqualTo(BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED);
    assertThat(responses.get(2).error().item()).isEqualTo(item("pk", "b", "balance", n("5")));
    assertThat(responses.get(3).error()).isNull();
    assertThat(balance("c")).isEqualTo("1");
  }

  @Test
  void aBatchMayNotMixReadsAndWritesNorHoldMoreThan25() {
    assertError(() -> client.batchExecuteStatement(r -> r.statements(
            batch("SELECT * FROM accounts WHERE pk = 'a'"), batch("DELETE FROM accounts WHERE pk = 'zz'"))),
        "ValidationException", "Read and write requests together in the same batch is not supported.");
    assertError(() -> client.batchExecuteStatement(r -> r.statements(
            batch("UPDATE accounts SET x = 1 WHERE pk = 'a'"), batch("DELETE FROM accounts WHERE pk = ?", s("a")))),
        "ValidationException", "Provided list of item keys contains duplicates");
    List<BatchStatementRequest> many = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      many.add(batch("SELECT * FROM accounts WHERE pk = 'a'"));
    }
    assertError(() -> client.batchExecuteStatement(r -> r.statements(many)), "ValidationException", null);
  }

  @Test
  void aWriteTransactionAppliesAllOrNothing() {
    client.executeTransaction(r -> r.transactStatements(
        tx("UPDATE accounts SET balance = balance - 10 WHERE pk = 'a'"),
        tx("INSERT INTO accounts VALUE {'pk': ?, 'balance': 10}", s("t1")),
        tx("EXISTS(SELECT * FROM accounts WHERE pk = 'b' AND balance = 5)")));
    assertThat(balance("a")).isEqualTo("90");
    assertThat(balance("t1")).isEqualTo("10");

    TransactionCanceledException e = (TransactionCanceledException) assertError(() -> client.executeTransaction(r -> r
            .transactStatements(
                tx("UPDATE accounts SET balance = balance - 10 WHERE pk = 'a'"),
                tx("INSERT INTO accounts VALUE {'pk': 't1', 'balance': 10}"),
                ParameterizedStatement.builder().statement("EXISTS(SELECT * FROM accounts WHERE pk = 'b' AND balance = 6)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build())),
        "TransactionCanceledException",
        "Transaction cancelled, please refer cancellation reasons for specific reasons "
            + "[None, DuplicateItem, ConditionalCheckFailed]");
    List<CancellationReason> reasons = e.cancellationReasons();
    assertThat(reasons.get(1).message()).isEqualTo("Duplicate primary key exists in table");
    assertThat(reasons.get(2).item()).isEqualTo(item("pk", "b", "balance", n("5")));
    assertThat(balance("a")).isEqualTo("90");
  }

  @Test
  void aClientRequestTokenMakesTheTransactionIdempotent() {
    client.executeStatement(r -> r.statement("INSERT INTO accounts VALUE {'pk': 'idem', 'balance': 0}"));
    for (int i = 0; i < 3; i++) {
      client.executeTransaction(r -> r.clientRequestToken("token-1")
          .transactStatements(tx("UPDATE accounts SET balance = balance + 1 WHERE pk = 'idem'")));
    }
    assertThat(balance("idem")).isEqualTo("1");
    assertError(() -> client.executeTransaction(r -> r.clientRequestToken("token-1")
            .transactStatements(tx("UPDATE accounts SET balance = balance + 2 WHERE pk = 'idem'"))),
        "IdempotentParameterMismatchException", null);
  }

  @Test
  void aReadTransactionReadsItemsInOrder() {
    ExecuteTransactionResponse response = client.executeTransaction(r -> r.transactStatements(
        tx("SELECT balance FROM accounts WHERE pk = 'b'"), tx("SELECT * FROM accounts WHERE pk = 'none'")));
    assertThat(response.responses()).hasSize(2);
    assertThat(response.responses().get(0).item()).isEqualTo(Map.of("balance", n("5")));
    assertThat(response.responses().get(1).hasItem()).isFalse();
  }

  /** The list's constraints name ExecuteTransaction's own member, TransactStatements. */
  @Test
  void aTransactionHoldsOneTo100Statements() {
    assertError(() -> client.executeTransaction(r -> r.transactStatements(List.of())), "ValidationException",
        "1 validation error detected: Value '[]' at 'transactStatements' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1");
    assertError(() -> client.executeTransaction(r -> { }), "ValidationException",
        "1 validation error detected: Value null at 'transactStatements' failed to satisfy constraint: "
            + "Member must not be null");
    List<ParameterizedStatement> statements = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      statements.add(tx("INSERT INTO accounts VALUE {'pk': ?, 'balance': 0}", s("cap-" + i)));
    }
    assertThat(assertError(() -> client.executeTransaction(r -> r.transactStatements(statements)),
        "ValidationException", null).awsErrorDetails().errorMessage())
        .contains("at 'transactStatements' failed to satisfy constraint: Member must have length less than or equal to 100");
    assertThat(client.getItem(r -> r.tableName("accounts").key(item("pk", "cap-0"))).hasItem()).isFalse();
    client.executeTransaction(r -> r.transactStatements(statements.subList(0, 100)));
    assertThat(client.getItem(r -> r.tableName("accounts").key(item("pk", "cap-99"))).hasItem()).isTrue();
  }

  @Test
  void transactionRulesAreDynamoDbs() {
    assertError(() -> client.executeTransaction(r -> r.transactStatements(
            tx("SELECT * FROM accounts WHERE pk = 'b'"), tx("DELETE FROM accounts WHERE pk = 'zz'"))),
        "ValidationException",
        "ExecuteTransaction API does not support both read and write operations in the same request.");
    assertError(() -> client.executeTransaction(r -> r.transactStatements(
            tx("UPDATE accounts SET x = 1 WHERE pk = 'a' RETURNING ALL NEW *"))),
        "ValidationException",
        "Validation failed in TransactStatements[0]: RETURNING clause is not supported in ExecuteTransaction.");
    assertError(() -> client.executeTransaction(r -> r.transactStatements(
            tx("UPDATE accounts SET x = 1 WHERE pk = 'a'"), tx("DELETE FROM accounts WHERE pk = 'a'"))),
        "ValidationException", "Transaction request cannot include multiple operations on one item");
    assertError(() -> client.executeTransaction(r -> r.transactStatements(tx("SELECT * FROM accounts"))),
        "ValidationException", "Validation failed in TransactStatements[0]: "
            + "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
    assertError(() -> client.executeTransaction(r -> r.transactStatements(
            tx("EXISTS(SELECT * FROM accounts WHERE pk = 'a')"))),
        "ValidationException", "Validation failed in TransactStatements[0]: "
            + "EXISTS() must contain a single item read with additional condition");
    assertThat(client.executeTransaction(r -> r.transactStatements(
        tx("UPDATE accounts SET touched = true WHERE pk = 'b'"))).responses()).isEmpty();
  }

  static String balance(String pk) {
    return client.getItem(r -> r.tableName("accounts").key(item("pk", pk))).item().get("balance").n();
  }
}
