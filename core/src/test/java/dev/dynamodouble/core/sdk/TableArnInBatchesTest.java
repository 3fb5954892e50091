package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A table named by its ARN in the batch and transaction calls: BatchGetItem takes each table once,
 * by its name or by its ARN, and ItemCollectionMetrics answers a table the way the request named
 * it, as Responses, UnprocessedKeys/UnprocessedItems and ConsumedCapacity do.
 */
class TableArnInBatchesTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;
  static String usersArn;
  static String collectionsArn;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "users", "pk", null);
    // only a table with a local secondary index has item collections
    client.createTable(r -> r.tableName("collections").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
            attr("alt", ScalarAttributeType.S))
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byAlt").keySchema(hash("pk"), range("alt"))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    usersArn = client.describeTable(r -> r.tableName("users")).table().tableArn();
    collectionsArn = client.describeTable(r -> r.tableName("collections")).table().tableArn();
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  private static KeysAndAttributes keys(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key) {
    return KeysAndAttributes.builder().keys(key).build();
  }

  private static WriteRequest put(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
    return WriteRequest.builder().putRequest(p -> p.item(item)).build();
  }

  @Test
  void batchGetItemTakesEachTableOnceWhetherNamedByItsNameOrItsArn() {
    client.putItem(r -> r.tableName("users").item(item("pk", "a")));
    client.putItem(r -> r.tableName("users").item(item("pk", "b")));
    // "Each table name or ARN can be used only once per BatchGetItem request" (API reference):
    // the name and the ARN of one table are that table twice, whatever keys each asks for
    Map<String, KeysAndAttributes> twice = new LinkedHashMap<>();
    twice.put("users", keys(item("pk", "a")));
    twice.put(usersArn, keys(item("pk", "b")));
    String message = "Each table name or ARN can be used only once per BatchGetItem request: users and "
        + usersArn + " name one table";
    assertValidation(() -> client.batchGetItem(r -> r.requestItems(twice)), message);
    twice.put(usersArn, keys(item("pk", "a")));
    assertValidation(() -> client.batchGetItem(r -> r.requestItems(twice)), message);

    // an ARN naming another account still names this endpoint's table (the account is not checked)
    String otherAccount = usersArn.replace(":000000000000:", ":111122223333:");
    Map<String, KeysAndAttributes> twoArns = new LinkedHashMap<>();
    twoArns.put(usersArn, keys(item("pk", "a")));
    twoArns.put(otherAccount, keys(item("pk", "b")));
    assertValidation(() -> client.batchGetItem(r -> r.requestItems(twoArns)),
        "Each table name or ARN can be used only once per BatchGetItem request: " + usersArn + " and "
            + otherAccount + " name one table");

    // once each, the two forms read as usual, each answered under what the request named
    var read = client.batchGetItem(r -> r.requestItems(Map.of(usersArn, keys(item("pk", "a")),
        "collections", keys(item("pk", "none", "sk", "none")))));
    assertThat(read.responses()).containsOnlyKeys(usersArn, "collections");
    assertThat(read.responses().get(usersArn)).containsExactly(item("pk", "a"));
  }

  @Test
  void batchWriteItemTakesATableByNameAndByArnForDistinctKeys() {
    // BatchWriteItem's RequestItems has no such rule in the API reference: only one item twice is refused
    Map<String, List<WriteRequest>> both = new LinkedHashMap<>();
    both.put("users", List.of(put(item("pk", "w1"))));
    both.put(usersArn, List.of(put(item("pk", "w2"))));
    assertThat(client.batchWriteItem(r -> r.requestItems(both)).unprocessedItems()).isEmpty();
    assertThat(client.getItem(r -> r.tableName("users").key(item("pk", "w2"))).hasItem()).isTrue();
  }

  @Test
  void itemCollectionMetricsAnswerTheTableAsTheRequestNamedIt() {
    var byArn = client.batchWriteItem(r -> r.requestItems(Map.of(collectionsArn,
            List.of(put(item("pk", "c1", "sk", "1", "alt", "x")))))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertThat(byArn.itemCollectionMetrics()).containsOnlyKeys(collectionsArn);
    assertThat(byArn.itemCollectionMetrics().get(collectionsArn)).singleElement()
        .satisfies(m -> assertThat(m.itemCollectionKey()).isEqualTo(item("pk", "c1")));

    var byName = client.batchWriteItem(r -> r.requestItems(Map.of("collections",
            List.of(put(item("pk", "c1", "sk", "2", "alt", "y")))))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertThat(byName.itemCollectionMetrics()).containsOnlyKeys("collections");

    // both forms in one request: each under its own key, as UnprocessedItems would be
    Map<String, List<WriteRequest>> both = new LinkedHashMap<>();
    both.put("collections", List.of(put(item("pk", "c2", "sk", "1", "alt", "x"))));
    both.put(collectionsArn, List.of(put(item("pk", "c3", "sk", "1", "alt", "x"))));
    var mixed = client.batchWriteItem(r -> r.requestItems(both)
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertThat(mixed.itemCollectionMetrics()).containsOnlyKeys("collections", collectionsArn);
    assertThat(mixed.itemCollectionMetrics().get(collectionsArn)).extracting(ItemCollectionMetrics::itemCollectionKey)
        .containsExactly(item("pk", "c3"));

    // TransactWriteItems answers its ItemCollectionMetrics the same way
    var transaction = client.transactWriteItems(r -> r.transactItems(
            t -> t.put(p -> p.tableName(collectionsArn).item(item("pk", "c4", "sk", "1", "alt", "x"))))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertThat(transaction.itemCollectionMetrics()).containsOnlyKeys(collectionsArn);
  }
}
