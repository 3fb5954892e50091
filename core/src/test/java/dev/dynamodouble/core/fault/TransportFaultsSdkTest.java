package dev.dynamodouble.core.fault;

import static dev.dynamodouble.core.sdk.SdkTestSupport.createTable;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Transport effects: the operation runs, then its response is delayed on the server's timer, lost,
 * cut short or sent with a wrong CRC32 — and the SDK's own machinery (timeouts, retries, CRC32
 * validation) deals with it.
 */
class TransportFaultsSdkTest {
  private DynamoDouble dynamo;
  private DynamoDbClient once;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().start();
    once = SdkTestSupport.client(dynamo);
    createTable(once, "orders", "pk", null);
    once.putItem(r -> r.tableName("orders").item(item("pk", "o1", "total", "12")));
  }

  @AfterEach
  void stop() {
    once.close();
    dynamo.close();
  }

  private static final Map<String, AttributeValue> KEY = Map.of("pk", s("o1"));
  /**
   * Generous, so that on a loaded machine a healthy attempt (a retry on a fresh connection) still
   * answers in time and a request still reaches the server before its attempt gives up; the faults
   * below outlast it by far (a delay of twelve times it, or no response at all). The price: the
   * tests whose first attempt must time out wait this long.
   */
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

  @Test
  void aResponseDelayedPastTheSdksAttemptTimeoutTimesOut() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("GetItem").latency(ATTEMPT_TIMEOUT.multipliedBy(12)));
    try (DynamoDbClient client = FaultClients.retrying(dynamo, 1, ATTEMPT_TIMEOUT)) {
      Throwable e = catchThrowable(() -> client.getItem(r -> r.tableName("orders").key(KEY)));
      assertThat(e).isInstanceOf(ApiCallAttemptTimeoutException.class);
    }
    assertThat(rule.hits()).isEqualTo(1);
  }

  @Test
  void aDelayedResponseArrivesIntact() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("GetItem").latency(Duration.ofMillis(50)));
    GetItemResponse response = once.getItem(r -> r.tableName("orders").key(KEY));
    assertThat(response.item()).containsEntry("total", s("12"));
    assertThat(rule.hits()).isEqualTo(1);
  }

  @Test
  void theSdkRetriesAnAttemptThatTimedOutOnALostResponse() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("GetItem").times(1).noResponse());
    try (DynamoDbClient client = FaultClients.retrying(dynamo, 2, ATTEMPT_TIMEOUT)) {
      assertThat(client.getItem(r -> r.tableName("orders").key(KEY)).item()).containsEntry("total", s("12"));
    }
    assertThat(rule.hits()).isEqualTo(1);
    assertThat(rule.matched()).isEqualTo(2);
  }

  @Test
  void theSdkRetriesAResetConnection() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("GetItem").times(2).connectionReset());
    try (DynamoDbClient client = FaultClients.retrying(dynamo, 3)) {
      assertThat(client.getItem(r -> r.tableName("orders").key(KEY)).item()).containsEntry("total", s("12"));
    }
    assertThat(rule.hits()).isEqualTo(2);
    Throwable e = catchThrowable(() -> {
      try (FaultHandle again = dynamo.faults().add(FaultRule.on("GetItem").connectionReset())) {
        once.getItem(r -> r.tableName("orders").key(KEY));
      }
    });
    assertThat(e).isInstanceOf(SdkClientException.class);
  }

  @Test
  void aTruncatedBodyFailsTheAttemptAndIsRetriedAsRetryable() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("GetItem").times(1).truncatedBody());
    // The body stops short of its content-length; the SDK notices (by its CRC32) and fails the attempt.
    assertThat(catchThrowable(() -> once.getItem(r -> r.tableName("orders").key(KEY))))
        .isInstanceOf(SdkClientException.class);
    rule.close();
    FaultHandle again = dynamo.faults().add(FaultRule.on("GetItem").times(1).truncatedBody());
    try (DynamoDbClient client = FaultClients.retryingRetryableClientErrors(dynamo, 2)) {
      assertThat(client.getItem(r -> r.tableName("orders").key(KEY)).item()).containsEntry("total", s("12"));
    }
    assertThat(again.hits()).isEqualTo(1);
    assertThat(again.matched()).isEqualTo(2);
  }

  @Test
  void aCrc32MismatchFailsTheAttemptAndIsRetriedAsRetryable() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("GetItem").times(1).badCrc32());
    // SDK v2's default strategies do not retry it, though it is marked retryable: one attempt.
    try (DynamoDbClient client = FaultClients.retrying(dynamo, 3)) {
      Crc32MismatchException e = catchThrowableOfType(Crc32MismatchException.class,
          () -> client.getItem(r -> r.tableName("orders").key(KEY)));
      assertThat(e.retryable()).isTrue();
      assertThat(e.numAttempts()).isEqualTo(1);
    }
    FaultHandle again = dynamo.faults().add(FaultRule.on("GetItem").times(1).badCrc32());
    try (DynamoDbClient client = FaultClients.retryingRetryableClientErrors(dynamo, 2)) {
      assertThat(client.getItem(r -> r.tableName("orders").key(KEY)).item()).containsEntry("total", s("12"));
    }
    assertThat(rule.hits()).isEqualTo(1);
    assertThat(again.hits()).isEqualTo(1);
    assertThat(again.matched()).isEqualTo(2);
  }

  @Test
  void aWriteWhoseResponseIsLostHasHappened() {
    dynamo.faults().add(FaultRule.on("PutItem").times(1).connectionReset());
    catchThrowable(() -> once.putItem(r -> r.tableName("orders").item(item("pk", "o2"))));
    assertThat(once.getItem(r -> r.tableName("orders").key(Map.of("pk", s("o2")))).hasItem()).isTrue();
  }
}
