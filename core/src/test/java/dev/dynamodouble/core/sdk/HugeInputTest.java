package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Inputs that once cost time quadratic in their length (issue 22): refused with DynamoDB's
 * answer, the refused text quoted only by a prefix. Their cost is measured in the benchmarks
 * module (WorstCaseInputs), never asserted here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HugeInputTest {
  private static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "numbers", "pk", null);
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  void theReportedRequestIsRefusedWithNumberOverflow() {
    String huge = "1" + "0".repeat(200_000);
    for (String table : new String[] {"numbers", "missing"}) { // the table need not exist
      assertValidation(() -> client.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromN(huge)))),
          OVERFLOW);
    }
    assertValidation(() -> client.putItem(r -> r.tableName("numbers")
        .item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1" + "0".repeat(2_000_000))))),
        OVERFLOW);
  }

  @Test
  void aNumberWithManyInsignificantZerosIsStoredNormalised() {
    String zeros = "0".repeat(1_000_000);
    client.putItem(r -> r.tableName("numbers").item(Map.of("pk", AttributeValue.fromS("z"),
        "n", AttributeValue.fromN(zeros + "4.25" + zeros))));
    assertThat(client.getItem(r -> r.tableName("numbers").key(Map.of("pk", AttributeValue.fromS("z")))).item()
        .get("n").n()).isEqualTo("4.25");
  }

  @Test
  void refusedTextIsQuotedByAShortPrefix() {
    String text = "x".repeat(400_000);
    var e = SdkTestSupport.assertError(() -> client.putItem(r -> r.tableName("numbers")
        .item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN(text)))), "ValidationException", null);
    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("The parameter cannot be converted to a numeric value: xxxx").hasSizeLessThan(400);
  }
}
