package dev.dynamodouble.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamodouble.benchmarks.BenchData;
import dev.dynamodouble.benchmarks.Clients;
import dev.dynamodouble.benchmarks.sut.DynamoDbLocal;
import dev.dynamodouble.benchmarks.sut.RunningEndpoint;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The same test class done by hand against DynamoDB Local, the way projects do it today: start it
 * in {@code @BeforeAll} (in this JVM, in memory), build a client, create the table, load the same
 * 100 items (read from the same file), and stop it all in {@code @AfterAll}.
 */
public class DynamoDbLocalClass {

  private static RunningEndpoint local;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void startDynamoDbLocal() throws Exception {
    local = new DynamoDbLocal().start(0);
    dynamo = Clients.create(local.endpoint());
    dynamo.createTable(r -> r.tableName(BenchData.TABLE)
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName(BenchData.PK)
                .attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName(BenchData.SK)
                .attributeType(ScalarAttributeType.S).build())
        .keySchema(
            KeySchemaElement.builder().attributeName(BenchData.PK).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(BenchData.SK).keyType(KeyType.RANGE).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
    List<WriteRequest> writes = new ArrayList<>();
    for (Map<String, AttributeValue> item : fixtureItems()) {
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (writes.size() == BenchData.BATCH_SIZE) {
        List<WriteRequest> batch = List.copyOf(writes);
        dynamo.batchWriteItem(r -> r.requestItems(Map.of(BenchData.TABLE, batch)));
        writes.clear();
      }
    }
    if (!writes.isEmpty()) {
      dynamo.batchWriteItem(r -> r.requestItems(Map.of(BenchData.TABLE, writes)));
    }
  }

  @AfterAll
  static void stopDynamoDbLocal() {
    dynamo.close();
    local.close();
  }

  @Test
  void readsAFixtureItem() {
    assertTrue(dynamo.getItem(r -> r.tableName(BenchData.TABLE).key(Map.of(
        BenchData.PK, AttributeValue.fromS("c#7"),
        BenchData.SK, AttributeValue.fromS("o#007")))).hasItem());
  }

  private static List<Map<String, AttributeValue>> fixtureItems() throws Exception {
    JsonNode root;
    try (InputStream in = DynamoDbLocalClass.class.getResourceAsStream("hundred-items.json")) {
      root = new ObjectMapper().readTree(in);
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (JsonNode node : root.get(BenchData.TABLE)) {
      Map<String, AttributeValue> item = new HashMap<>();
      node.fields().forEachRemaining(field -> {
        JsonNode value = field.getValue();
        item.put(field.getKey(), value.isBoolean() ? AttributeValue.fromBool(value.booleanValue())
            : value.isNumber() ? AttributeValue.fromN(value.asText())
            : AttributeValue.fromS(value.textValue()));
      });
      items.add(item);
    }
    return items;
  }
}
