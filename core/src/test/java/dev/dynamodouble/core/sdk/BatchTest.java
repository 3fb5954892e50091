package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
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
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem and BatchGetItem across tables, with their limits and validation. */
class BatchTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "users", "pk", null);
    SdkTestSupport.createTable(client, "events", "pk", "sk");
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  @Test
  void writesAndReadsAcrossTables() {
    List<WriteRequest> users = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      users.add(put(item("pk", "u" + i, "name", "user " + i)));
    }
    var written = client.batchWriteItem(r -> r.requestItems(Map.of("users", users,
        "events", List.of(put(item("pk", "u1", "sk", "e1")), put(item("pk", "u1", "sk", "e2")))))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(written.unprocessedItems()).isEmpty();
    assertThat(written.consumedCapacity()).hasSize(2);

    client.batchWriteItem(r -> r.requestItems(Map.of("users", List.of(
        WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(item("pk", "u0")).build()).build()))));

    BatchGetItemResponse read = client.batchGetItem(r -> r.requestItems(Map.of(
        "users", KeysAndAttributes.builder().keys(item("pk", "u0"), item("pk", "u1"), item("pk", "u2"))
            .projectionExpression("#n").expressionAttributeNames(Map.of("#n", "name")).build(),
        "events", KeysAndAttributes.builder().keys(item("pk", "u1", "sk", "e2")).consistentRead(true).build())));
    assertThat(read.responses().get("users")).containsExactlyInAnyOrder(item("name", "user 1"), item("name", "user 2"));
    assertThat(read.responses().get("events")).containsExactly(item("pk", "u1", "sk", "e2"));
    assertThat(read.unprocessedKeys()).isEmpty();
  }

  @Test
  void limitsAndDuplicates() {
    List<WriteRequest> tooMany = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      tooMany.add(put(item("pk", "x" + i)));
    }
    var error = assertError(() -> client.batchWriteItem(r -> r.requestItems(Map.of("users", tooMany))),
        "ValidationException", null);
    assertThat(error.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value ")
        .endsWith("at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
            + "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
    List<WriteRequest> split = new ArrayList<>(tooMany.subList(0, 20));
    assertError(() -> client.batchWriteItem(r -> r.requestItems(Map.of("users", split,
            "events", List.of(put(item("pk", "a", "sk", "1")), put(item("pk", "a", "sk", "2")), put(item("pk", "a", "sk", "3")),
                put(item("pk", "a", "sk", "4")), put(item("pk", "a", "sk", "5")), put(item("pk", "a", "sk", "6")))))),
        "ValidationException", "Too many items requested for the BatchWriteItem call");
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      keys.add(item("pk", "k" + i));
    }
    assertError(() -> client.batchGetItem(r -> r.requestItems(Map.of("users",
            KeysAndAttributes.builder().keys(keys).build()))), "ValidationException", null);
  }

  @Test
  void duplicatesAreRejected() {
    assertError(() -> client.batchWriteItem(r -> r.requestItems(Map.of("users",
            List.of(put(item("pk", "d")), put(item("pk", "d")))))),
        "ValidationException", "Provided list of item keys contains duplicates");
    assertError(() -> client.batchGetItem(r -> r.requestItems(Map.of("users",
            KeysAndAttributes.builder().keys(item("pk", "d"), item("pk", "d")).build()))),
        "ValidationException", "Provided list of item keys contains duplicates");
    assertError(() -> client.batchGetItem(r -> r.requestItems(Map.of("nosuchtable",
            KeysAndAttributes.builder().keys(item("pk", "d")).build()))),
        "ResourceNotFoundException", "Requested resource not found");
  }

  @Test
  void tablesNamedByTheirArnsAreWrittenAndReadAndAnsweredUnderTheArn() {
    String users = client.describeTable(r -> r.tableName("users")).table().tableArn();
    String events = client.describeTable(r -> r.tableName("events")).table().tableArn();
    var written = client.batchWriteItem(r -> r.requestItems(Map.of(users, List.of(put(item("pk", "arn-1"))),
        "events", List.of(put(item("pk", "arn-1", "sk", "e")))))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(written.unprocessedItems()).isEmpty();
    // ConsumedCapacity.TableName answers a table named by its ARN with the ARN (API reference)
    assertThat(written.consumedCapacity()).extracting(c -> c.tableName()).containsExactlyInAnyOrder(users, "events");

    BatchGetItemResponse read = client.batchGetItem(r -> r.requestItems(Map.of(
        users, KeysAndAttributes.builder().keys(item("pk", "arn-1")).build(),
        events, KeysAndAttributes.builder().keys(item("pk", "arn-1", "sk", "e")).build())));
    // Responses is keyed as RequestItems was, so a caller finds its items under what it sent
    assertThat(read.responses()).containsOnlyKeys(users, events);
    assertThat(read.responses().get(users)).containsExactly(item("pk", "arn-1"));
    assertThat(read.responses().get(events)).containsExactly(item("pk", "arn-1", "sk", "e"));

    String missing = users.replace("table/users", "table/nosuchtable");
    assertError(() -> client.batchGetItem(r -> r.requestItems(Map.of(missing,
            KeysAndAttributes.builder().keys(item("pk", "d")).build()))),
        "ResourceNotFoundException", "Requested resource not found");
  }

  @Test
  void aKeyWrittenUnderTheTablesNameAndItsArnIsADuplicate() {
    String arn = client.describeTable(r -> r.tableName("users")).table().tableArn();
    assertError(() -> client.batchWriteItem(r -> r.requestItems(Map.of("users", List.of(put(item("pk", "twice"))),
            arn, List.of(put(item("pk", "twice")))))),
        "ValidationException", "Provided list of item keys contains duplicates");
    assertThat(client.getItem(r -> r.tableName("users").key(item("pk", "twice"))).hasItem()).isFalse();
  }
}
