package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.ExpressionContext;
import dev.dynamodouble.core.expression.KeyCondition;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.RequestStage;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * Counts the keys of every item request that succeeded, for Contributor Insights: GetItem, PutItem,
 * UpdateItem, DeleteItem, each item of BatchGetItem, BatchWriteItem, TransactGetItems and
 * TransactWriteItems, the partition of each Query, each item a Scan reads, and each PartiQL
 * statement as the request it became (through the {@link KeyAccess} note). Costs one volatile read
 * while no table has insights enabled.
 */
final class KeyAccessStage implements RequestStage, KeyAccess {
  private final ContributorInsights insights;

  KeyAccessStage(ContributorInsights insights) {
    this.insights = insights;
  }

  @Override
  public void before(Call call) {
    // counts only what succeeded (see after()), except what only the operation knows: a Scan's items,
    // the requests PartiQL statements become
    if (insights.everEnabled() && call.api() == Call.Api.DYNAMODB) {
      switch (call.operation()) {
        case "Scan", "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction" -> call.note(KeyAccess.class, this);
        default -> { }
      }
    }
  }

  @Override
  public boolean counts(Table table, String indexName) {
    return insights.counts(table, indexName);
  }

  @Override
  public void read(Table table, String indexName, StoredItem item) {
    insights.recordRead(table, indexName, item.attributes());
  }

  @Override
  public void succeeded(Call call, String operation, JsonRequest request) {
    try {
      count(call, operation, request);
    } catch (DynamoException | ClassCastException e) {
      // not counted, as in after()
    }
  }

  @Override
  public JsonWritable after(Call call, JsonWritable response) {
    if (insights.everEnabled() && call.api() == Call.Api.DYNAMODB) {
      try {
        count(call, call.operation(), call.request());
      } catch (DynamoException | ClassCastException e) {
        // the operation accepted the request; a shape this stage does not expect is not counted
      }
    }
    return response;
  }

  private void count(Call call, String operation, JsonRequest request) {
    switch (operation) {
      case "GetItem":
      case "UpdateItem":
      case "DeleteItem":
        record(call, request.string("TableName"), request.item("Key"));
        break;
      case "PutItem":
        record(call, request.string("TableName"), request.item("Item"));
        break;
      case "BatchGetItem":
        for (Map.Entry<String, JsonRequest> e : request.structureMap("RequestItems").entrySet()) {
          for (Object key : (List<?>) e.getValue().raw("Keys")) {
            record(call, e.getKey(), AttributeValues.readItem(key));
          }
        }
        break;
      case "BatchWriteItem":
        for (Map.Entry<String, List<JsonRequest>> e : request.structureListMap("RequestItems").entrySet()) {
          for (JsonRequest write : e.getValue()) {
            JsonRequest put = write.structure("PutRequest");
            JsonRequest delete = write.structure("DeleteRequest");
            record(call, e.getKey(), put != null ? put.item("Item") : delete.item("Key"));
          }
        }
        break;
      case "Query":
        countQuery(call, request);
        break;
      case "TransactGetItems":
      case "TransactWriteItems":
        for (JsonRequest entry : request.structures("TransactItems")) {
          for (String kind : new String[] {"Get", "Put", "Update", "Delete", "ConditionCheck"}) {
            JsonRequest action = entry.structure(kind);
            if (action != null) {
              record(call, action.string("TableName"), action.item(kind.equals("Put") ? "Item" : "Key"));
            }
          }
        }
        break;
      default:
        break;
    }
  }

  /** A Query reads one partition of the table or index: counted once, by its partition key value. */
  private void countQuery(Call call, JsonRequest request) {
    String text = request.string("KeyConditionExpression");
    Table table = request.string("TableName") == null ? null : call.catalog().find(request.string("TableName"));
    if (text == null || table == null) {
      return;
    }
    String index = request.string("IndexName");
    if (index != null && table.index(index) == null) {
      return; // dropped since the Query ran
    }
    KeySchema schema = index == null ? table.keySchema() : table.index(index).keySchema();
    KeyCondition condition = new ExpressionContext(request.stringMap("ExpressionAttributeNames"),
        request.item("ExpressionAttributeValues")).keyCondition(text);
    Map<String, AttributeValue> partition = new java.util.HashMap<>();
    for (KeyCondition.Part part : condition.parts()) {
      for (KeyAttribute key : schema.partitions()) { // every attribute of a multi-attribute partition key
        if (part.operator() == KeyCondition.Operator.EQ && part.attributeName().equals(key.name())) {
          partition.put(key.name(), part.values().get(0));
        }
      }
    }
    insights.recordPartition(table, index, schema, partition);
  }

  private void record(Call call, String tableName, Map<String, AttributeValue> attributes) {
    if (tableName == null || attributes == null) {
      return;
    }
    Table table = call.catalog().find(tableName);
    if (table != null) {
      insights.record(table, attributes);
    }
  }
}
