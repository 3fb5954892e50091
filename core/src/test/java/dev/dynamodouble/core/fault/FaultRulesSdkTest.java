package dev.dynamodouble.core.fault;

import static dev.dynamodouble.core.sdk.SdkTestSupport.createTable;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Error rules, matchers and hit counts, through the SDK over the real endpoint. */
class FaultRulesSdkTest {
  private ManualClock clock;
  private DynamoDouble dynamo;
  private DynamoDbClient once;

  @BeforeEach
  void start() {
    clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    dynamo = DynamoDouble.builder().clock(clock).start();
    once = SdkTestSupport.client(dynamo);
    createTable(once, "orders", "pk", null);
    createTable(once, "customers", "pk", null);
  }

  @AfterEach
  void stop() {
    once.close();
    dynamo.close();
  }

  private void put(DynamoDbClient client, String table, String pk) {
    client.putItem(r -> r.tableName(table).item(item("pk", pk)));
  }

  private Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", s(pk));
  }

  @Test
  void theSdkRetriesInjectedThrottlesAndSucceeds() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("PutItem").table("orders").times(2)
        .error("ProvisionedThroughputExceededException"));
    try (DynamoDbClient client = FaultClients.retrying(dynamo, 3)) {
      put(client, "orders", "o1");
    }
    assertThat(rule.hits()).isEqualTo(2);
    assertThat(rule.matched()).isEqualTo(3);
    assertThat(once.getItem(r -> r.tableName("orders").key(key("o1"))).hasItem()).isTrue();
  }

  @Test
  void theSdkGivesUpAfterItsMaximumAttempts() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("GetItem").error("InternalServerError"));
    DynamoDbException e;
    try (DynamoDbClient client = FaultClients.retrying(dynamo, 4)) {
      e = catchThrowableOfType(DynamoDbException.class, () -> client.getItem(r -> r.tableName("orders").key(key("x"))));
    }
    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Internal server error");
    assertThat(e.numAttempts()).isEqualTo(4);
    assertThat(rule.hits()).isEqualTo(4);
  }

  @Test
  void errorsCarryDynamoDbsTypeStatusAndMessage() {
    record Expected(String name, String code, int status, String message) {}
    List<Expected> expected = List.of(
        new Expected("ProvisionedThroughputExceededException", "ProvisionedThroughputExceededException", 400,
            "The level of configured provisioned throughput for the table was exceeded. Consider increasing your "
                + "provisioning level with the UpdateTable API."),
        new Expected("ThrottlingException", "ThrottlingException", 400, "Rate of requests exceeds the allowed throughput."),
        new Expected("RequestLimitExceeded", "RequestLimitExceeded", 400, "Throughput exceeds the current throughput "
            + "limit for your account. Please contact AWS Support at https://aws.amazon.com/support request a limit "
            + "increase"),
        new Expected("InternalServerError", "InternalServerError", 500, "Internal server error"),
        new Expected("ServiceUnavailable", "ServiceUnavailableException", 503, "Service Unavailable"),
        new Expected("TransactionConflictException", "TransactionConflictException", 400,
            "Transaction is ongoing for the item"),
        new Expected("ConditionalCheckFailedException", "ConditionalCheckFailedException", 400,
            "The conditional request failed"));
    for (Expected x : expected) {
      try (FaultHandle rule = dynamo.faults().add(FaultRule.on("PutItem").error(x.name()))) {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> put(once, "orders", "a"));
        assertThat(e).as(x.name()).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as(x.name()).isEqualTo(x.code());
        assertThat(e.statusCode()).as(x.name()).isEqualTo(x.status());
        assertThat(e.awsErrorDetails().errorMessage()).as(x.name()).isEqualTo(x.message());
        assertThat(rule.hits()).isEqualTo(1);
      }
    }
    assertThat(dynamo.faults().rules()).isEmpty();
    dynamo.faults().add(FaultRule.on("PutItem").error("ThrottlingException", "slow down"));
    assertThat(catchThrowableOfType(DynamoDbException.class, () -> put(once, "orders", "a"))
        .awsErrorDetails().errorMessage()).isEqualTo("slow down");
  }

  @Test
  void theSdkMapsAThrottleToItsTypedException() {
    dynamo.faults().add(FaultRule.on("PutItem").nth(1).error("ProvisionedThroughputExceededException"));
    assertThatThrownBy(() -> put(once, "orders", "a")).isInstanceOf(ProvisionedThroughputExceededException.class);
    put(once, "orders", "a");
  }

  @Test
  void tableKeyAndPatternMatchers() {
    FaultHandle byTable = dynamo.faults().add(FaultRule.on("PutItem").table("customers").error("ThrottlingException"));
    FaultHandle byKey = dynamo.faults().add(FaultRule.on("PutItem", "GetItem").key("hot").error("ThrottlingException"));
    FaultHandle byPattern = dynamo.faults().add(FaultRule.builder().keyPattern("tenant-7#.*")
        .error("InternalServerError"));
    put(once, "orders", "cold");
    assertThatThrownBy(() -> put(once, "customers", "c1")).isInstanceOf(DynamoDbException.class);
    assertThatThrownBy(() -> put(once, "orders", "hot")).isInstanceOf(DynamoDbException.class);
    assertThatThrownBy(() -> once.getItem(r -> r.tableName("orders").key(key("hot"))))
        .isInstanceOf(DynamoDbException.class);
    assertThatThrownBy(() -> once.getItem(r -> r.tableName("orders").key(key("tenant-7#a"))))
        .hasMessageContaining("Internal server error");
    once.getItem(r -> r.tableName("orders").key(key("tenant-8#a")));
    assertThat(byTable.hits()).isEqualTo(1);
    assertThat(byKey.hits()).isEqualTo(2);
    assertThat(byPattern.hits()).isEqualTo(1);
    assertThat(byPattern.matched()).isEqualTo(1);
  }

  @Test
  void aBatchWriteMatchesByItsTablesAndTheKeysOfItsPutsAndDeletes() {
    // RequestItems maps a table to a list of writes (BatchGetItem's to a structure): both are read
    FaultHandle byTable = dynamo.faults().add(FaultRule.on("BatchWriteItem").table("customers").error("InternalServerError"));
    FaultHandle byKey = dynamo.faults().add(FaultRule.on("BatchWriteItem").key("hot").error("InternalServerError"));
    once.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(
        WriteRequest.builder().putRequest(p -> p.item(item("pk", "cold"))).build()))));
    assertThatThrownBy(() -> once.batchWriteItem(r -> r.requestItems(Map.of("customers", List.of(
        WriteRequest.builder().putRequest(p -> p.item(item("pk", "c1"))).build())))))
        .hasMessageContaining("Internal server error");
    assertThatThrownBy(() -> once.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(
        WriteRequest.builder().putRequest(p -> p.item(item("pk", "o1"))).build(),
        WriteRequest.builder().deleteRequest(d -> d.key(key("hot"))).build())))))
        .hasMessageContaining("Internal server error");
    assertThat(byTable.hits()).isEqualTo(1);
    assertThat(byKey.hits()).isEqualTo(1);
    assertThat(once.getItem(r -> r.tableName("orders").key(key("o1"))).hasItem()).isFalse();
  }

  @Test
  void aQueryMatchesByThePartitionKeyItsConditionNames() {
    FaultHandle hot = dynamo.faults().add(FaultRule.on("Query", "Scan").key("hot").error("ThrottlingException"));
    FaultHandle tenant = dynamo.faults().add(FaultRule.on("Query").keyPattern("tenant-7#.*")
        .error("InternalServerError"));
    assertThatThrownBy(() -> once.query(r -> r.tableName("orders").keyConditionExpression("#p = :v")
        .expressionAttributeNames(Map.of("#p", "pk")).expressionAttributeValues(Map.of(":v", s("hot")))))
        .isInstanceOf(DynamoDbException.class);
    assertThatThrownBy(() -> once.query(r -> r.tableName("orders").keyConditions(Map.of("pk",
        software.amazon.awssdk.services.dynamodb.model.Condition.builder().comparisonOperator("EQ")
            .attributeValueList(s("tenant-7#x")).build())))) // legacy KeyConditions
        .hasMessageContaining("Internal server error");
    once.query(r -> r.tableName("orders").keyConditionExpression("pk = :v")
        .expressionAttributeValues(Map.of(":v", s("cold"))));
    once.scan(r -> r.tableName("orders")); // a Scan names no key
    assertThat(hot.hits()).isEqualTo(1);
    assertThat(hot.matched()).isEqualTo(1);
    assertThat(tenant.hits()).isEqualTo(1);
  }

  @Test
  void aKeyRuleForScansAloneIsRefused() {
    assertThatThrownBy(() -> FaultRule.on("Scan").key("hot").error("ThrottlingException").build())
        .isInstanceOf(InvalidFaultException.class).hasMessageContaining("a Scan names no partition key");
  }

  @Test
  void nthAndEveryCountMatchingCallsOnly() {
    FaultHandle third = dynamo.faults().add(FaultRule.on("PutItem").table("orders").nth(3).error("ThrottlingException"));
    FaultHandle everySecond = dynamo.faults().add(FaultRule.on("GetItem").every(2).times(2)
        .error("ThrottlingException"));
    List<Boolean> puts = new ArrayList<>();
    List<Boolean> gets = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      put(once, "customers", "c"); // another table: never counted
      puts.add(fails(() -> put(once, "orders", "o")));
      gets.add(fails(() -> once.getItem(r -> r.tableName("orders").key(key("o")))));
    }
    assertThat(puts).containsExactly(false, false, true, false, false);
    assertThat(gets).containsExactly(false, true, false, true, false);
    assertThat(third.matched()).isEqualTo(5);
    assertThat(third.hits()).isEqualTo(1);
    assertThat(everySecond.hits()).isEqualTo(2);
  }

  @Test
  void aWindowOfEngineClockTime() {
    Instant start = clock.now().plusSeconds(10);
    FaultHandle rule = dynamo.faults().add(FaultRule.on("PutItem").from(start).until(start.plusSeconds(5))
        .error("ServiceUnavailable"));
    assertThat(fails(() -> put(once, "orders", "a"))).isFalse();
    clock.advance(Duration.ofSeconds(10));
    assertThat(fails(() -> put(once, "orders", "a"))).isTrue();
    clock.advance(Duration.ofSeconds(5));
    assertThat(fails(() -> put(once, "orders", "a"))).isFalse();
    assertThat(rule.hits()).isEqualTo(1);
    assertThat(rule.matched()).isEqualTo(1);
  }

  @Test
  void aProbabilityWithASeedGivesTheSameFaultsForTheSameCalls() {
    List<Boolean> first = pattern(42);
    assertThat(pattern(42)).isEqualTo(first);
    assertThat(first).contains(true, false);
    assertThat(pattern(7)).isNotEqualTo(first);
  }

  private List<Boolean> pattern(long seed) {
    try (FaultHandle rule = dynamo.faults().add(FaultRule.on("GetItem").probability(0.5, seed)
        .error("ThrottlingException"))) {
      List<Boolean> outcomes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        outcomes.add(fails(() -> once.getItem(r -> r.tableName("orders").key(key("k")))));
      }
      assertThat(rule.hits()).isEqualTo(outcomes.stream().filter(b -> b).count());
      return outcomes;
    }
  }

  @Test
  void aRegionMatcher() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("ListTables").region("eu-west-1").error("ThrottlingException"));
    once.listTables();
    try (DynamoDbClient eu = SdkTestSupport.client(dynamo, "eu-west-1")) {
      assertThat(fails(eu::listTables)).isTrue();
    }
    assertThat(rule.hits()).isEqualTo(1);
  }

  @Test
  void aTransactionCancelledWithChosenReasons() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("TransactWriteItems").cancel("None", "ConditionalCheckFailed"));
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> once.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("pk", "a"))).build(),
            TransactWriteItem.builder().put(p -> p.tableName("customers").item(item("pk", "b"))).build(),
            TransactWriteItem.builder().put(p -> p.tableName("customers").item(item("pk", "c"))).build())));
    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("None", "ConditionalCheckFailed", "None");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer cancellation "
        + "reasons for specific reasons [None, ConditionalCheckFailed, None]");
    assertThat(rule.hits()).isEqualTo(1);
    assertThat(once.scan(r -> r.tableName("orders")).count()).isZero();
  }

  @Test
  void theFirstErrorAnswersAndLaterErrorRulesStillCountTheCall() {
    FaultHandle first = dynamo.faults().add(FaultRule.on("PutItem").times(1).error("ThrottlingException"));
    FaultHandle second = dynamo.faults().add(FaultRule.on("PutItem").nth(2).error("InternalServerError"));
    assertThatThrownBy(() -> put(once, "orders", "a")).hasMessageContaining("Rate of requests");
    assertThatThrownBy(() -> put(once, "orders", "a")).hasMessageContaining("Internal server error");
    put(once, "orders", "a");
    assertThat(first.hits()).isEqualTo(1);
    assertThat(second.hits()).isEqualTo(1);
    assertThat(second.matched()).isEqualTo(3);
  }

  @Test
  void handlesRemoveTheirRuleAndUnfiredRulesAreListed() {
    FaultHandle fired = dynamo.faults().add(FaultRule.on("PutItem").name("throttle").times(1)
        .error("ThrottlingException"));
    FaultHandle misspelled = dynamo.faults().add(FaultRule.on("PutItem").table("ordres").error("ThrottlingException"));
    dynamo.faults().add(FaultRule.on("DeleteItem").lenient(true).error("ThrottlingException"));
    assertThat(fails(() -> put(once, "orders", "a"))).isTrue();
    assertThat(misspelled.name()).isEqualTo("rule-1");
    assertThat(dynamo.faults().unfired()).extracting(FaultHandle::name).containsExactly("rule-1", "rule-2");
    assertThatThrownBy(() -> dynamo.faults().verify()).isInstanceOf(UnfiredFaultsError.class)
        .hasMessageContaining("A fault rule never fired")
        .hasMessageContaining("rule-1 [the Java API]: PutItem, table ordres: error ThrottlingException");
    misspelled.close();
    dynamo.faults().verify();
    assertThat(dynamo.faults().rule("throttle")).containsSame(fired);
    assertThat(dynamo.faults().remove("throttle")).isTrue();
    assertThat(dynamo.faults().rules()).extracting(FaultHandle::name).containsExactly("rule-2");
    assertThatThrownBy(() -> dynamo.faults().add(FaultRule.on("PutItem").name("rule-2").error("ThrottlingException")))
        .isInstanceOf(InvalidFaultException.class).hasMessageContaining("field \"name\"");
  }

  @Test
  void rulesThatCannotWorkAreRefusedNamingTheField() {
    assertThatThrownBy(() -> FaultRule.on("PutItem").error("Throttled"))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessageStartingWith("field \"error\": unknown error \"Throttled\"; known: AccessDeniedException,");
    assertThatThrownBy(() -> FaultRule.on("PutItems"))
        .hasMessageStartingWith("field \"operation\": unknown operation \"PutItems\"");
    assertThatThrownBy(() -> FaultRule.on("PutItem").nth(2).times(3).error("ThrottlingException").build())
        .hasMessageStartingWith("field \"times\"");
    assertThatThrownBy(() -> FaultRule.on("PutItem").unprocessedShare(0.5).build())
        .hasMessageStartingWith("field \"operation\": leaving items unprocessed applies to "
            + "BatchExecuteStatement, BatchGetItem and BatchWriteItem only");
    assertThatThrownBy(() -> FaultRule.on("PutItem").staleRead(Duration.ofSeconds(1)).build())
        .hasMessageStartingWith("field \"operation\": a stale read applies to");
    assertThatThrownBy(() -> FaultRule.on("PutItem").probability(0, 1).error("ThrottlingException").build())
        .hasMessageStartingWith("field \"probability\"");
    assertThatThrownBy(() -> FaultRule.on("PutItem").build()).hasMessageStartingWith("field \"effect\"");
    assertThatThrownBy(() -> FaultRule.on("PutItem").index("byCustomer").error("ThrottlingException").build())
        .hasMessageStartingWith("field \"index\"");
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> FaultRule.on("PutItem").from(t).until(t).error("ThrottlingException").build())
        .hasMessageStartingWith("field \"until\"");
    assertThatThrownBy(() -> FaultRule.on("TransactWriteItems").cancel("Nope").build())
        .hasMessageStartingWith("field \"cancel\": unknown reason code \"Nope\"");
  }

  private static boolean fails(Runnable call) {
    try {
      call.run();
      return false;
    } catch (DynamoDbException e) {
      return true;
    }
  }
}
