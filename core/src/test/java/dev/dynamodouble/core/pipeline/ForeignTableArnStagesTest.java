package dev.dynamodouble.core.pipeline;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.fault.FaultHandle;
import dev.dynamodouble.core.fault.FaultRule;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A TableName that is the ARN of no table of the request's region (another region's table, or an
 * index's ARN) names no table to the stages that run before the operation: a fault rule on this
 * region's table of that name does not fire, and this region's table is neither charged nor
 * throttled; the operation answers the ValidationException, as it does with no rule at all.
 */
class ForeignTableArnStagesTest {
  static final String HERE = "arn:aws:dynamodb:us-east-1:000000000000:table/orders";
  static final String ELSEWHERE = "arn:aws:dynamodb:eu-west-1:000000000000:table/orders";
  static final String INDEX = HERE + "/index/byStatus";

  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().clock(DynamoClock.manual(Instant.parse("2026-03-01T10:00:00Z"))).start();
    client = SdkTestSupport.client(dynamo);
    try (DynamoDbClient ireland = SdkTestSupport.client(dynamo, "eu-west-1")) {
      createOrders(client);
      createOrders(ireland); // a namesake there: the ARN names a table that exists, only not here
    }
  }

  /** "orders", keyed by pk, with one read and one write unit a second. */
  private static void createOrders(DynamoDbClient region) {
    region.createTable(r -> r.tableName("orders").keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  /** Every item call on key "k1", naming its table as {@code table}. */
  private static Map<String, Consumer<DynamoDbClient>> calls(String table) {
    Map<String, Consumer<DynamoDbClient>> calls = new LinkedHashMap<>();
    calls.put("GetItem", c -> c.getItem(r -> r.tableName(table).key(item("pk", "k1"))));
    calls.put("PutItem", c -> c.putItem(r -> r.tableName(table).item(item("pk", "k1"))));
    calls.put("UpdateItem", c -> c.updateItem(r -> r.tableName(table).key(item("pk", "k1"))));
    calls.put("DeleteItem", c -> c.deleteItem(r -> r.tableName(table).key(item("pk", "k1"))));
    calls.put("Query", c -> c.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("k1")))));
    calls.put("Scan", c -> c.scan(r -> r.tableName(table)));
    calls.put("BatchGetItem", c -> c.batchGetItem(r -> r.requestItems(Map.of(table,
        KeysAndAttributes.builder().keys(item("pk", "k1")).build()))));
    calls.put("BatchWriteItem", c -> c.batchWriteItem(r -> r.requestItems(Map.of(table,
        List.of(WriteRequest.builder().putRequest(p -> p.item(item("pk", "k1"))).build())))));
    calls.put("TransactGetItems", c -> c.transactGetItems(r -> r.transactItems(
        t -> t.get(g -> g.tableName(table).key(item("pk", "k1"))))));
    calls.put("TransactWriteItems", c -> c.transactWriteItems(r -> r.transactItems(
        t -> t.put(p -> p.tableName(table).item(item("pk", "k1"))))));
    return calls;
  }

  private static DynamoDbException failure(Consumer<DynamoDbClient> call, DynamoDbClient client) {
    return catchThrowableOfType(DynamoDbException.class, () -> call.accept(client));
  }

  @Test
  void aRuleOnThisRegionsTableDoesNotFireForAnotherRegionsArnOrAnIndexArn() {
    FaultHandle byTable = dynamo.faults().add(FaultRule.on().table("orders").error("InternalServerError"));
    FaultHandle byKey = dynamo.faults().add(FaultRule.on().key("k1").error("InternalServerError"));
    for (String foreign : List.of(ELSEWHERE, INDEX)) {
      calls(foreign).forEach((operation, call) -> {
        DynamoDbException e = failure(call, client);
        assertThat(e.awsErrorDetails().errorCode()).as(operation + " on " + foreign).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).as(operation).contains(foreign);
      });
    }
    assertThat(byTable.matched()).isZero();
    assertThat(byKey.matched()).isZero();

    // the same rules fire for this region's ARN of the table: by table on every call, by key on all but the Scan
    calls(HERE).forEach((operation, call) -> assertThat(failure(call, client)).as(operation)
        .extracting(e -> e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError"));
    assertThat(byTable.hits()).isEqualTo(calls(HERE).size());
    byTable.remove();
    Map<String, Consumer<DynamoDbClient>> keyed = calls(HERE);
    keyed.remove("Scan");
    keyed.forEach((operation, call) -> assertThat(failure(call, client)).as(operation)
        .extracting(e -> e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError"));
    assertThat(byKey.hits()).isEqualTo(keyed.size());
  }

  @Test
  void anotherRegionsArnNeitherThrottlesNorChargesThisRegionsTable() {
    client.putItem(r -> r.tableName("orders").item(item("pk", "a")));
    client.getItem(r -> r.tableName("orders").key(item("pk", "a")));
    assertThat(catchThrowableOfType(ProvisionedThroughputExceededException.class,
        () -> client.putItem(r -> r.tableName(HERE).item(item("pk", "b"))))).isNotNull();
    var before = dynamo.capacity().usage("orders");

    calls(ELSEWHERE).forEach((operation, call) -> assertThat(failure(call, client).awsErrorDetails().errorCode())
        .as(operation).isEqualTo("ValidationException"));
    assertThat(dynamo.capacity().usage("orders")).isEqualTo(before); // the clock stood still: nothing moved
  }
}
