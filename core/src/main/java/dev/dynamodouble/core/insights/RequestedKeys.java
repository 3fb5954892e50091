package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.expression.ExpressionContext;
import dev.dynamodouble.core.expression.KeyCondition;
import dev.dynamodouble.core.operation.LegacyConditions;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys an item request names, as Contributor Insights counts them: the key (or the whole item)
 * of a GetItem, PutItem, UpdateItem or DeleteItem and of each item of BatchGetItem, BatchWriteItem,
 * TransactGetItems and TransactWriteItems, the partition a Query reads, the start key of a Scan.
 * Names of tables or indexes that are not there are skipped; a malformed request throws (the
 * caller does not count it).
 */
final class RequestedKeys {
  /** Told of each key a request names. */
  interface Visitor {
    /** An item of {@code table} named by its key, or by the whole item (a put). */
    void item(Table table, Map<String, AttributeValue> attributes);

    /** The partition of the table, or of its index {@code index}, a Query reads: the values of its partition key attributes. */
    void partition(Table table, String index, Map<String, AttributeValue> partition);

    /** The ExclusiveStartKey a Scan of the table, or of its index {@code index}, resumes after. */
    default void scanStart(Table table, String index, Map<String, AttributeValue> start) {
    }
  }

  private static final String[] TRANSACT_ACTIONS = {"Get", "Put", "Update", "Delete", "ConditionCheck"};

  private RequestedKeys() {}

  /** Tells {@code visitor} the keys of {@code request}, an {@code operation} request run in {@code call}'s region. */
  static void walk(Call call, String operation, JsonRequest request, Visitor visitor) {
    switch (operation) {
      case "GetItem", "UpdateItem", "DeleteItem" -> item(call, request.string("TableName"), request.item("Key"), visitor);
      case "PutItem" -> item(call, request.string("TableName"), request.item("Item"), visitor);
      case "BatchGetItem" -> {
        for (Map.Entry<String, JsonRequest> e : request.structureMap("RequestItems").entrySet()) {
          for (Object key : (List<?>) e.getValue().raw("Keys")) {
            item(call, e.getKey(), AttributeValues.readItem(key), visitor);
          }
        }
      }
      case "BatchWriteItem" -> {
        for (Map.Entry<String, List<JsonRequest>> e : request.structureListMap("RequestItems").entrySet()) {
          for (JsonRequest write : e.getValue()) {
            JsonRequest put = write.structure("PutRequest");
            JsonRequest delete = write.structure("DeleteRequest");
            item(call, e.getKey(), put != null ? put.item("Item") : delete.item("Key"), visitor);
          }
        }
      }
      case "TransactGetItems", "TransactWriteItems" -> {
        for (JsonRequest entry : request.structures("TransactItems")) {
          transactItem(call, entry, visitor);
        }
      }
      case "Query" -> query(call, request, visitor);
      case "Scan" -> scan(call, request, visitor);
      default -> { }
    }
  }

  /** One entry of TransactItems: its Get, Put, Update, Delete or ConditionCheck action. */
  static void transactItem(Call call, JsonRequest entry, Visitor visitor) {
    for (String kind : TRANSACT_ACTIONS) {
      JsonRequest action = entry.structure(kind);
      if (action != null) {
        item(call, action.string("TableName"), action.item(kind.equals("Put") ? "Item" : "Key"), visitor);
      }
    }
  }

  /** A Query reads one partition of the table or index: named by the equalities on its partition key attributes. */
  private static void query(Call call, JsonRequest request, Visitor visitor) {
    String text = request.string("KeyConditionExpression");
    Table table = table(call, request.string("TableName"));
    String index = request.string("IndexName");
    if (text == null && !request.has("KeyConditions") || table == null
        || index != null && table.index(index) == null) {
      return;
    }
    List<KeyAttribute> partitionKey = index == null ? table.keySchema().partitions()
        : table.index(index).keySchema().partitions();
    KeyCondition condition = text == null ? LegacyConditions.keyConditions(request) // the legacy parameter
        : new ExpressionContext(request.stringMap("ExpressionAttributeNames"),
            request.item("ExpressionAttributeValues")).keyCondition(text);
    Map<String, AttributeValue> partition = new HashMap<>();
    for (KeyCondition.Part part : condition.parts()) {
      for (KeyAttribute key : partitionKey) { // every attribute of a multi-attribute partition key
        if (part.operator() == KeyCondition.Operator.EQ && part.attributeName().equals(key.name())) {
          partition.put(key.name(), part.values().get(0));
        }
      }
    }
    visitor.partition(table, index, partition);
  }

  private static void scan(Call call, JsonRequest request, Visitor visitor) {
    Map<String, AttributeValue> start = request.item("ExclusiveStartKey");
    Table table = table(call, request.string("TableName"));
    String index = request.string("IndexName");
    if (start != null && table != null && (index == null || table.index(index) != null)) {
      visitor.scanStart(table, index, start);
    }
  }

  private static void item(Call call, String tableName, Map<String, AttributeValue> attributes, Visitor visitor) {
    Table table = table(call, tableName);
    if (table != null && attributes != null) {
      visitor.item(table, attributes);
    }
  }

  private static Table table(Call call, String name) {
    return name == null ? null : call.catalog().find(name);
  }
}
