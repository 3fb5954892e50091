package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.b;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static dev.dynamodouble.core.sdk.SdkTestSupport.repeat;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** PutItem: create and replace, ReturnValues, ReturnItemCollectionMetrics, and every validation error. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PutItemTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "simple", "pk", null);
    SdkTestSupport.createTable(client, "composite", "pk", "sk");
    client.createTable(r -> r.tableName("indexed").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
            attr("alt", ScalarAttributeType.N), attr("g", ScalarAttributeType.S))
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byAlt").keySchema(hash("pk"), range("alt"))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("g"))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    return client.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
  }

  @Test
  void createsAnItem() {
    PutItemResponse response = client.putItem(r -> r.tableName("simple").item(item("pk", "new", "v", n("1"))));
    assertThat(response.hasAttributes()).isFalse();
    assertThat(response.consumedCapacity()).isNull();
    assertThat(response.itemCollectionMetrics()).isNull();
    assertThat(get("simple", item("pk", "new"))).isEqualTo(item("pk", "new", "v", n("1")));
  }

  @Test
  void replacesTheWholeItem() {
    client.putItem(r -> r.tableName("simple").item(item("pk", "replaced", "a", "1", "b", "2")));
    client.putItem(r -> r.tableName("simple").item(item("pk", "replaced", "c", "3")));
    assertThat(get("simple", item("pk", "replaced"))).isEqualTo(item("pk", "replaced", "c", "3"));
  }

  @Test
  void returnValuesAllOldGivesTheReplacedItem() {
    PutItemResponse first = client.putItem(r -> r.tableName("composite").item(item("pk", "p", "sk", "s", "v", "1"))
        .returnValues(ReturnValue.ALL_OLD));
    assertThat(first.hasAttributes()).isFalse();
    PutItemResponse second = client.putItem(r -> r.tableName("composite").item(item("pk", "p", "sk", "s", "v", "2"))
        .returnValues(ReturnValue.ALL_OLD));
    assertThat(second.attributes()).isEqualTo(item("pk", "p", "sk", "s", "v", "1"));
    PutItemResponse none = client.putItem(r -> r.tableName("composite").item(item("pk", "p", "sk", "s", "v", "3"))
        .returnValues(ReturnValue.NONE));
    assertThat(none.hasAttributes()).isFalse();
  }

  @Test
  void onlyAllOldAndNoneAreAllowedReturnValues() {
    for (ReturnValue value : List.of(ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW)) {
      assertValidation(() -> client.putItem(r -> r.tableName("simple").item(item("pk", "x")).returnValues(value)),
          "ReturnValues can only be ALL_OLD or NONE");
    }
  }

  @Test
  void itemCollectionMetricsOnATableWithLocalIndexes() {
    PutItemResponse response = client.putItem(r -> r.tableName("indexed")
        .item(item("pk", "coll", "sk", "1", "alt", n("5")))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertThat(response.itemCollectionMetrics().itemCollectionKey()).isEqualTo(item("pk", "coll"));
    assertThat(response.itemCollectionMetrics().sizeEstimateRangeGB()).containsExactly(0.0, 1.0);

    PutItemResponse none = client.putItem(r -> r.tableName("indexed").item(item("pk", "coll", "sk", "2"))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.NONE));
    assertThat(none.itemCollectionMetrics()).isNull();
    // Only tables with local secondary indexes have item collections to report.
    PutItemResponse plain = client.putItem(r -> r.tableName("simple").item(item("pk", "coll"))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertThat(plain.itemCollectionMetrics()).isNull();
  }

  @Test
  void keysOfEveryTypeAreChecked() {
    assertValidation(() -> client.putItem(r -> r.tableName("simple").item(item("v", "1"))),
        "One or more parameter values were invalid: Missing the key pk in the item");
    assertValidation(() -> client.putItem(r -> r.tableName("composite").item(item("pk", "1"))),
        "One or more parameter values were invalid: Missing the key sk in the item");
    assertValidation(() -> client.putItem(r -> r.tableName("simple").item(item("pk", n("1")))),
        "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
    assertValidation(() -> client.putItem(r -> r.tableName("composite").item(item("pk", "1", "sk", b((byte) 1)))),
        "One or more parameter values were invalid: Type mismatch for key sk expected: S actual: B");
    assertValidation(() -> client.putItem(r -> r.tableName("simple").item(item("pk", AttributeValue.fromSs(List.of("a"))))),
        "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: SS");
    assertValidation(() -> client.putItem(r -> r.tableName("composite").item(item("pk", "1", "sk", ""))),
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
            + "empty string value. Key: sk");
  }

  @Test
  void indexKeysAreTypeChecked() {
    assertValidation(() -> client.putItem(r -> r.tableName("indexed").item(item("pk", "1", "sk", "1", "alt", "x"))),
        "One or more parameter values were invalid: Type mismatch for Index Key alt Expected: N Actual: S "
            + "IndexName: byAlt");
    assertValidation(() -> client.putItem(r -> r.tableName("indexed").item(item("pk", "1", "sk", "1", "g", ""))),
        "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
            + "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byG, "
            + "IndexKey: g");
    // An item without the index key attributes is simply not in the index.
    client.putItem(r -> r.tableName("indexed").item(item("pk", "1", "sk", "sparse", "other", "x")));
  }

  @Test
  void keySizeLimits() {
    client.putItem(r -> r.tableName("composite").item(item("pk", repeat('p', 2048), "sk", repeat('s', 1024))));
    assertThat(get("composite", item("pk", repeat('p', 2048), "sk", repeat('s', 1024)))).isNotNull();
    assertValidation(() -> client.putItem(r -> r.tableName("composite").item(item("pk", repeat('p', 2049), "sk", "s"))),
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
    assertValidation(() -> client.putItem(r -> r.tableName("composite").item(item("pk", "p", "sk", repeat('s', 1025)))),
        "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit "
            + "of 1024 bytes");
    // UTF-8 bytes count, not characters: 1025 two-byte characters are 2050 bytes.
    assertValidation(() -> client.putItem(r -> r.tableName("composite").item(item("pk", repeat('é', 1025), "sk", "s"))),
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
  }

  @Test
  void anUnknownTableIsNotFound() {
    assertNotFound(() -> client.putItem(r -> r.tableName("nope").item(item("pk", "1"))), "Requested resource not found");
  }

  @Test
  void requiredMembersAndEnums() {
    assertValidation(() -> client.putItem(r -> r.tableName("simple")), "1 validation error detected: Value null at "
        + "'item' failed to satisfy constraint: Member must not be null");
    assertValidation(() -> client.putItem(r -> r.item(item("pk", "1"))), "1 validation error detected: Value null "
        + "at 'tableName' failed to satisfy constraint: Member must not be null");
    assertValidation(() -> client.putItem(r -> r.tableName("simple").item(item("pk", "1")).returnValues("BOGUS")),
        "1 validation error detected: Value 'BOGUS' at 'returnValues' failed to satisfy constraint: Member must "
            + "satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
    assertValidation(() -> client.putItem(r -> r.tableName("simple").item(item("pk", "1"))
            .returnConsumedCapacity("ALL").returnItemCollectionMetrics("ALL")),
        "2 validation errors detected: Value 'ALL' at 'returnConsumedCapacity' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'ALL' at "
            + "'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: "
            + "[SIZE, NONE]");
  }

  @Test
  void tableNameRules() {
    assertValidation(() -> client.putItem(r -> r.tableName("").item(item("pk", "1"))), "1 validation error detected: "
        + "Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1");
    String tooLong = repeat('a', 256);
    assertValidation(() -> client.putItem(r -> r.tableName(tooLong).item(item("pk", "1"))), "1 validation error "
        + "detected: Value '" + tooLong + "' at 'tableName' failed to satisfy constraint: Member must have length "
        + "less than or equal to 255");
    assertValidation(() -> client.putItem(r -> r.tableName("bad table!@#").item(item("pk", "1"))), "1 validation "
        + "error detected: Value 'bad table!@#' at 'tableName' failed to satisfy constraint: Member must satisfy "
        + "regular expression pattern: [a-zA-Z0-9_.-]+");
    client.putItem(r -> r.tableName("arn:aws:dynamodb:us-east-1:000000000000:table/simple").item(item("pk", "arn")));
    assertThat(get("simple", item("pk", "arn"))).isEqualTo(item("pk", "arn"));
  }

  @Test
  void allValueTypesInOneItem() {
    Map<String, AttributeValue> item = item("pk", "types", "n", n("3.14"), "b", b((byte) 1), "bool",
        AttributeValue.fromBool(false), "null", AttributeValue.fromNul(true), "l", AttributeValue.fromL(List.of(s("x"))),
        "m", AttributeValue.fromM(Map.of("k", n("1"))));
    client.putItem(r -> r.tableName("simple").item(item));
    assertThat(get("simple", item("pk", "types"))).isEqualTo(item);
  }
}
