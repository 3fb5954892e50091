package dev.dynamodouble.core.fault;

import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.RequestKeys;
import dev.dynamodouble.core.pipeline.StatementTargets;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rules match a call on, read from its request once and only when a rule asks: the tables it
 * names (a batch's or a transaction's several), its index, and the partition keys of its items as
 * text; for PartiQL, what its statements address. A request too malformed to read matches no table
 * or key (its operation will refuse it).
 */
final class CallFacts implements Target {
  private final Call call;
  private Set<String> tables;
  private List<String> keys;
  private List<StatementTargets.Addressed> statements;

  CallFacts(Call call) {
    this.call = call;
  }

  @Override
  public String operation() {
    return call.operation();
  }

  @Override
  public String region() {
    return call.region();
  }

  @Override
  public String index() {
    if (StatementTargets.isStatementOperation(call.operation())) {
      for (StatementTargets.Addressed statement : statements()) {
        if (statement.index() != null) {
          return statement.index(); // only a SELECT of ExecuteStatement reads an index
        }
      }
      return null;
    }
    return call.request().raw("IndexName") instanceof String s ? s : null;
  }

  /** The PartiQL statements' targets, planned once; empty for other operations. */
  private List<StatementTargets.Addressed> statements() {
    if (statements == null) {
      statements = StatementTargets.of(call);
    }
    return statements;
  }

  @Override
  public boolean eventuallyConsistent() {
    if (!Operations.READS.contains(call.operation())) {
      return false;
    }
    JsonRequest request = call.request();
    if (call.operation().equals("ExecuteStatement")) {
      return !statements().isEmpty() && statements().get(0).read() && !Boolean.TRUE.equals(request.raw("ConsistentRead"));
    }
    if (!call.operation().equals("BatchGetItem")) {
      return !Boolean.TRUE.equals(request.raw("ConsistentRead"));
    }
    try {
      for (JsonRequest table : request.structureMap("RequestItems").values()) {
        if (table != null && !Boolean.TRUE.equals(table.raw("ConsistentRead"))) {
          return true;
        }
      }
    } catch (RuntimeException e) {
      // malformed: the operation answers it
    }
    return false;
  }

  @Override
  public Set<String> tables() {
    if (tables == null) {
      tables = new LinkedHashSet<>();
      tolerant(this::collectTables);
    }
    return tables;
  }

  @Override
  public List<String> partitionKeys() {
    if (keys == null) {
      keys = new ArrayList<>();
      tolerant(this::collectKeys);
    }
    return keys;
  }

  /** Runs a reader over a request that may be malformed: what it read before failing stays. */
  private static void tolerant(Runnable reader) {
    try {
      reader.run();
    } catch (RuntimeException e) {
      // malformed: the operation answers it
    }
  }

  private void collectTables() {
    for (StatementTargets.Addressed statement : statements()) {
      tables.add(statement.table());
    }
    JsonRequest request = call.request();
    addTable(request.raw("TableName") instanceof String s ? s : null);
    if (request.raw("RequestItems") instanceof JsonObject batch) { // names only: BatchWriteItem's values are lists
      for (int i = 0; i < batch.size(); i++) {
        addTable(batch.name(i));
      }
    }
    if (request.has("TransactItems")) {
      for (JsonRequest action : request.structures("TransactItems")) {
        JsonRequest inner = innerAction(action);
        addTable(inner == null ? null : inner.string("TableName"));
      }
    }
  }

  /** Adds the table a TableName names here: an ARN of another region's table, or of an index, names none. */
  private void addTable(String nameOrArn) {
    String name = call.catalog().nameHere(nameOrArn);
    if (name != null) {
      tables.add(name);
    }
  }

  private void collectKeys() {
    for (StatementTargets.Addressed statement : statements()) {
      keys.addAll(statement.partitionKeys());
    }
    JsonRequest request = call.request();
    String tableName = request.raw("TableName") instanceof String s ? s : null;
    if (tableName != null) {
      addKey(tableName, request.item("Key"));
      addKey(tableName, request.item("Item"));
      if (call.operation().equals("Query")) {
        keys.addAll(RequestKeys.queryPartition(call.catalog(), request));
      }
    }
    if (request.has("RequestItems") && call.operation().equals("BatchGetItem")) {
      for (Map.Entry<String, JsonRequest> e : request.structureMap("RequestItems").entrySet()) {
        if (e.getValue() != null && e.getValue().has("Keys")) {
          for (JsonRequest key : e.getValue().structures("Keys")) {
            addKey(e.getKey(), key == null ? null : attributes(key));
          }
        }
      }
    }
    if (request.has("RequestItems") && call.operation().equals("BatchWriteItem")) {
      for (Map.Entry<String, List<JsonRequest>> e : request.structureListMap("RequestItems").entrySet()) {
        for (JsonRequest write : e.getValue()) {
          JsonRequest put = write == null ? null : write.structure("PutRequest");
          JsonRequest delete = write == null ? null : write.structure("DeleteRequest");
          addKey(e.getKey(), put == null ? null : put.item("Item"));
          addKey(e.getKey(), delete == null ? null : delete.item("Key"));
        }
      }
    }
    if (request.has("TransactItems")) {
      for (JsonRequest action : request.structures("TransactItems")) {
        JsonRequest inner = innerAction(action);
        if (inner != null && inner.string("TableName") != null) {
          addKey(inner.string("TableName"), inner.item("Key"));
          addKey(inner.string("TableName"), inner.item("Item"));
        }
      }
    }
  }

  private static Map<String, AttributeValue> attributes(JsonRequest key) {
    return dev.dynamodouble.core.protocol.AttributeValues.readItem(key.node());
  }

  private static JsonRequest innerAction(JsonRequest action) {
    if (action == null) {
      return null;
    }
    for (String kind : new String[] {"Put", "Update", "Delete", "ConditionCheck", "Get"}) {
      if (action.has(kind)) {
        return action.structure(kind);
      }
    }
    return null;
  }

  private void addKey(String tableName, Map<String, AttributeValue> item) {
    if (item == null) {
      return;
    }
    Table table = call.catalog().find(tableName);
    if (table == null) {
      return;
    }
    AttributeValue partition = item.get(table.keySchema().partition().name());
    if (partition != null) {
      keys.add(RequestKeys.text(partition));
    }
  }
}
