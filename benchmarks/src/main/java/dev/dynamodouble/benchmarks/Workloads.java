package dev.dynamodouble.benchmarks;

import static dev.dynamodouble.benchmarks.BenchData.BATCH_SIZE;
import static dev.dynamodouble.benchmarks.BenchData.BOOL;
import static dev.dynamodouble.benchmarks.BenchData.NUM;
import static dev.dynamodouble.benchmarks.BenchData.PAYLOAD;
import static dev.dynamodouble.benchmarks.BenchData.PK;
import static dev.dynamodouble.benchmarks.BenchData.SK;
import static dev.dynamodouble.benchmarks.BenchData.STR;
import static dev.dynamodouble.benchmarks.BenchData.TABLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The end-to-end workloads and the data they expect. Writers overwrite a bounded set of keys per
 * thread, so the tables stay the same size however long a run is.
 */
public final class Workloads {

  /** Keys a PutItem thread cycles through. */
  static final int PUT_KEYS = 1_000;

  private static final AttributeValue ONE = AttributeValue.fromN("1");
  private static final AttributeValue ZERO = AttributeValue.fromN("0");
  private static final AttributeValue PAYLOAD_VALUE = AttributeValue.fromS(PAYLOAD);
  private static final AttributeValue TRUE = AttributeValue.fromBool(true);

  private Workloads() {}

  /** All workloads, in table order. */
  public static List<Workload> all() {
    return List.of(
        workload("put", "PutItem", (dynamo, thread, sequence) ->
            dynamo.putItem(r -> r.tableName(TABLE)
                .item(item("put-" + thread, Long.toString(sequence % PUT_KEYS), sequence)))),
        workload("get", "GetItem", (dynamo, thread, sequence) -> {
          Map<String, AttributeValue> got = dynamo.getItem(r -> r.tableName(TABLE)
              .key(key(BenchData.GET_PK, BenchData.GET_SK))).item();
          check(got.size() == 5, "GetItem returned " + got);
        }),
        workload("partiql-get", "ExecuteStatement, SELECT by full key", (dynamo, thread, sequence) -> {
          List<Map<String, AttributeValue>> got = dynamo.executeStatement(r -> r
              .statement("SELECT * FROM \"" + TABLE + "\" WHERE " + PK + " = ? AND " + SK + " = ?")
              .parameters(AttributeValue.fromS(BenchData.GET_PK), AttributeValue.fromS(BenchData.GET_SK))).items();
          check(got.size() == 1 && got.get(0).size() == 5, "ExecuteStatement returned " + got);
        }),
        workload("update", "UpdateItem, conditional", (dynamo, thread, sequence) ->
            dynamo.updateItem(r -> r.tableName(TABLE)
                .key(key("update", Integer.toString(thread)))
                .updateExpression("SET #n = #n + :one, #s = :s")
                .conditionExpression("attribute_exists(#pk) AND #n >= :zero")
                .expressionAttributeNames(Map.of("#n", NUM, "#s", STR, "#pk", PK))
                .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO, ":s", PAYLOAD_VALUE)))),
        workload("query", "Query, 10 items", (dynamo, thread, sequence) -> {
          int count = dynamo.query(r -> r.tableName(TABLE)
              .keyConditionExpression("#pk = :pk")
              .expressionAttributeNames(Map.of("#pk", PK))
              .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(BenchData.QUERY_PK))))
              .count();
          check(count == BenchData.QUERY_ITEMS, "Query returned " + count + " items");
        }),
        workload("scan", "Scan, 100 items, 25/page", (dynamo, thread, sequence) -> {
          int count = dynamo.scanPaginator(r -> r.tableName(BenchData.SCAN_TABLE)
              .limit(BenchData.SCAN_PAGE_SIZE)).stream().mapToInt(page -> page.count()).sum();
          check(count == BenchData.SCAN_ITEMS, "paginated Scan returned " + count + " items");
        }),
        workload("batch-write", "BatchWriteItem, 25 puts", (dynamo, thread, sequence) -> {
          List<WriteRequest> writes = new ArrayList<>(BATCH_SIZE);
          for (int i = 0; i < BATCH_SIZE; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                .item(item("batch-" + thread, Integer.toString(i), sequence)).build()).build());
          }
          BatchWriteItemResponse response =
              dynamo.batchWriteItem(r -> r.requestItems(Map.of(TABLE, writes)));
          check(!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty(),
              "BatchWriteItem left unprocessed items");
        }),
        workload("transact-write", "TransactWriteItems, 4 actions", (dynamo, thread, sequence) -> {
          String pk = "tx-" + thread;
          dynamo.transactWriteItems(r -> r.transactItems(
              TransactWriteItem.builder().put(Put.builder().tableName(TABLE)
                  .item(item(pk, "a", sequence)).build()).build(),
              TransactWriteItem.builder().put(Put.builder().tableName(TABLE)
                  .item(item(pk, "b", sequence)).build()).build(),
              TransactWriteItem.builder().update(Update.builder().tableName(TABLE)
                  .key(key(pk, "c"))
                  .updateExpression("ADD #n :one")
                  .expressionAttributeNames(Map.of("#n", NUM))
                  .expressionAttributeValues(Map.of(":one", ONE)).build()).build(),
              TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(TABLE)
                  .key(key(pk, "check"))
                  .conditionExpression("attribute_exists(#pk)")
                  .expressionAttributeNames(Map.of("#pk", PK)).build()).build()));
        }));
  }

  /**
   * Creates both tables and the items the workloads read or condition on, for up to
   * {@code maxThreads} client threads. Runs once per system before anything is measured.
   */
  public static void prepare(DynamoDbClient dynamo, int maxThreads) {
    createTable(dynamo, TABLE);
    createTable(dynamo, BenchData.SCAN_TABLE);
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    items.add(item(BenchData.GET_PK, BenchData.GET_SK, 0));
    for (int i = 0; i < BenchData.QUERY_ITEMS; i++) {
      items.add(item(BenchData.QUERY_PK, String.format("%04d", i), i));
    }
    for (int thread = 0; thread < maxThreads; thread++) {
      items.add(item("update", Integer.toString(thread), 0));
      items.add(item("tx-" + thread, "check", 0));
    }
    writeAll(dynamo, TABLE, items);
    List<Map<String, AttributeValue>> scanItems = new ArrayList<>();
    for (int i = 0; i < BenchData.SCAN_ITEMS; i++) {
      scanItems.add(item(BenchData.SCAN_PK_PREFIX + i, "0", i));
    }
    writeAll(dynamo, BenchData.SCAN_TABLE, scanItems);
  }

  static void createTable(DynamoDbClient dynamo, String table) {
    try {
      dynamo.createTable(r -> r.tableName(table)
          .attributeDefinitions(
              AttributeDefinition.builder().attributeName(PK)
                  .attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName(SK)
                  .attributeType(ScalarAttributeType.S).build())
          .keySchema(
              KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
    } catch (ResourceInUseException alreadyThere) {
      // a second run against the same endpoint
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (dynamo.describeTable(r -> r.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
      check(System.nanoTime() < deadline, "table " + table + " did not become ACTIVE in 30 s");
      sleep(20);
    }
  }

  /** One PutItem per item: set-up must work on a system whose BatchWriteItem is not there yet. */
  private static void writeAll(
      DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
    for (Map<String, AttributeValue> item : items) {
      dynamo.putItem(r -> r.tableName(table).item(item));
    }
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
  }

  static Map<String, AttributeValue> item(String pk, String sk, long n) {
    Map<String, AttributeValue> item = new HashMap<>(8);
    item.put(PK, AttributeValue.fromS(pk));
    item.put(SK, AttributeValue.fromS(sk));
    item.put(NUM, AttributeValue.fromN(Long.toString(n)));
    item.put(STR, PAYLOAD_VALUE);
    item.put(BOOL, TRUE);
    return item;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Body of one operation. */
  @FunctionalInterface
  interface Operation {
    void run(DynamoDbClient dynamo, int thread, long sequence);
  }

  static Workload workload(String id, String label, Operation operation) {
    return new Workload() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String label() {
        return label;
      }

      @Override
      public void run(DynamoDbClient dynamo, int thread, long sequence) {
        operation.run(dynamo, thread, sequence);
      }

      @Override
      public String toString() {
        return id;
      }
    };
  }
}
