package dev.dynamodouble.core.auth;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.DocumentPath;
import dev.dynamodouble.core.expression.ExpressionContext;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.RequestKeys;
import dev.dynamodouble.core.pipeline.StatementTargets;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The permissions an operation needs, as DynamoDB checks them: the action on the table, index,
 * stream or backup it names, once per table a batch touches and once per item a transaction
 * touches (with the item's own action), and the request's values of DynamoDB's condition keys.
 */
final class OperationAccesses {
  private static final Pattern STREAM_ARN = Pattern.compile("arn:aws:dynamodb:[^|\\s\"]*:table/[^|\\s\"/]+/stream/[^|\\s\"]+");
  private static final Set<String> ACCOUNT_WIDE = Set.of("ListTables", "ListBackups", "ListGlobalTables",
      "DescribeLimits", "DescribeEndpoints", "ListStreams", "ListExports", "ListImports", "ListContributorInsights");

  private final String account;

  OperationAccesses(String account) {
    this.account = account;
  }

  List<Access> of(Call call) {
    String operation = call.operation();
    JsonRequest request = call.request();
    Catalog catalog = call.catalog();
    String action = "dynamodb:" + operation;
    List<Access> accesses = new ArrayList<>(2);
    switch (operation) {
      case "GetItem", "PutItem", "UpdateItem", "DeleteItem" ->
          accesses.add(new Access(action, tableArn(catalog, request.string("TableName")), item(catalog, operation, request)));
      case "Query", "Scan" -> accesses.add(new Access(action, indexArn(catalog, request), read(catalog, operation, request)));
      case "SearchVectors" -> accesses.add(new Access(action, indexArn(catalog, request), new LinkedHashMap<>()));
      case "BatchGetItem" -> {
        for (Map.Entry<String, JsonRequest> e : request.structureMap("RequestItems").entrySet()) {
          Map<String, List<String>> keys = new LinkedHashMap<>();
          List<String> leading = new ArrayList<>();
          for (JsonRequest key : e.getValue().structures("Keys")) {
            leading.addAll(partitionValue(catalog, e.getKey(), keyOf(key)));
          }
          put(keys, "dynamodb:LeadingKeys", leading);
          projected(keys, e.getValue(), false);
          accesses.add(new Access(action, tableArn(catalog, e.getKey()), keys));
        }
      }
      case "BatchWriteItem" -> {
        for (Map.Entry<String, List<JsonRequest>> e : request.structureListMap("RequestItems").entrySet()) {
          List<String> leading = new ArrayList<>();
          Set<String> attributes = new LinkedHashSet<>();
          for (JsonRequest write : e.getValue()) {
            JsonRequest put = write.structure("PutRequest");
            JsonRequest delete = write.structure("DeleteRequest");
            Map<String, AttributeValue> item = put != null ? safeItem(put, "Item") : delete != null ? safeItem(delete, "Key") : null;
            leading.addAll(partitionValue(catalog, e.getKey(), item));
            if (item != null) {
              attributes.addAll(item.keySet());
            }
          }
          Map<String, List<String>> keys = new LinkedHashMap<>();
          put(keys, "dynamodb:LeadingKeys", leading);
          put(keys, "dynamodb:Attributes", new ArrayList<>(attributes));
          put(keys, "dynamodb:ReturnConsumedCapacity", request.string("ReturnConsumedCapacity"));
          accesses.add(new Access(action, tableArn(catalog, e.getKey()), keys));
        }
      }
      case "TransactGetItems", "TransactWriteItems" -> {
        for (JsonRequest entry : request.structures("TransactItems")) {
          for (String kind : List.of("Get", "Put", "Update", "Delete", "ConditionCheck")) {
            JsonRequest inner = entry.structure(kind);
            if (inner != null) {
              String itemAction = kind.equals("ConditionCheck") ? "ConditionCheckItem" : kind + "Item";
              accesses.add(new Access("dynamodb:" + itemAction, tableArn(catalog, inner.string("TableName")),
                  item(catalog, itemAction, inner)));
            }
          }
        }
      }
      case "RestoreTableToPointInTime" -> {
        String source = request.string("SourceTableArn");
        accesses.add(new Access(action, source != null ? source : tableArn(catalog, request.string("SourceTableName")), Map.of()));
        accesses.add(new Access(action, tableArn(catalog, request.string("TargetTableName")), Map.of()));
      }
      case "RestoreTableFromBackup" -> {
        accesses.add(new Access(action, tableArn(catalog, request.string("TargetTableName")), Map.of()));
        accesses.add(new Access(action, request.string("BackupArn"), Map.of()));
      }
      case "ExecuteStatement" -> accesses.add(statement(call, request));
      case "BatchExecuteStatement", "ExecuteTransaction" -> {
        List<JsonRequest> statements = request.structures(operation.equals("ExecuteTransaction")
            ? "TransactStatements" : "Statements");
        for (JsonRequest statement : statements == null ? List.<JsonRequest>of() : statements) {
          if (statement != null) {
            accesses.add(statement(call, statement));
          }
        }
      }
      case "CreateTable" -> {
        String table = tableArn(catalog, request.string("TableName"));
        accesses.add(new Access(action, table, Map.of()));
        if (request.has("ResourcePolicy")) { // DynamoDB checks the attachment as its own action
          accesses.add(new Access("dynamodb:PutResourcePolicy", table, Map.of()));
        }
      }
      default -> accesses.add(new Access(action, named(catalog, operation, request), Map.of()));
    }
    accesses.removeIf(a -> a.resource() == null);
    return accesses;
  }

  /** The resource of an operation that names one table, stream, backup or export, or "*". */
  private String named(Catalog catalog, String operation, JsonRequest request) {
    if (ACCOUNT_WIDE.contains(operation)) {
      return "*";
    }
    for (String field : List.of("ResourceArn", "StreamArn", "BackupArn", "ExportArn", "ImportArn", "TableArn")) {
      String arn = request.string(field);
      if (arn != null) {
        return arn;
      }
    }
    String table = request.string("TableName");
    if (table != null) {
      return tableArn(catalog, table);
    }
    String iterator = request.string("ShardIterator");
    if (iterator != null) {
      Matcher m = STREAM_ARN.matcher(iterator);
      if (m.find()) {
        return m.group();
      }
    }
    return "*";
  }

  private String tableArn(Catalog catalog, String nameOrArn) {
    if (nameOrArn == null) {
      return null;
    }
    if (nameOrArn.startsWith("arn:")) {
      return nameOrArn;
    }
    return "arn:aws:dynamodb:" + catalog.region() + ":" + account + ":table/" + nameOrArn;
  }

  private String indexArn(Catalog catalog, JsonRequest request) {
    String table = tableArn(catalog, request.string("TableName"));
    String index = request.string("IndexName");
    return table == null || index == null ? table : table + "/index/" + index;
  }

  /** Keys of a single-item action (also of a transaction's item). */
  private static Map<String, List<String>> item(Catalog catalog, String operation, JsonRequest request) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    String table = request.string("TableName");
    boolean put = operation.equals("PutItem");
    Map<String, AttributeValue> item = safeItem(request, put ? "Item" : "Key");
    put(keys, "dynamodb:LeadingKeys", partitionValue(catalog, table, item));
    if (operation.equals("GetItem")) {
      projected(keys, request, false);
    } else if (item != null) {
      Set<String> attributes = new LinkedHashSet<>(item.keySet());
      if (operation.equals("UpdateItem")) {
        attributes.addAll(updated(request));
      }
      put(keys, "dynamodb:Attributes", new ArrayList<>(attributes));
    }
    put(keys, "dynamodb:ReturnValues", request.string("ReturnValues"));
    put(keys, "dynamodb:ReturnConsumedCapacity", request.string("ReturnConsumedCapacity"));
    return keys;
  }

  /** Keys of a Query or Scan. */
  private static Map<String, List<String>> read(Catalog catalog, String operation, JsonRequest request) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    if (operation.equals("Query")) {
      put(keys, "dynamodb:LeadingKeys", RequestKeys.queryPartition(catalog, request));
    }
    projected(keys, request, request.string("IndexName") != null);
    put(keys, "dynamodb:ReturnConsumedCapacity", request.string("ReturnConsumedCapacity"));
    return keys;
  }

  /** dynamodb:Attributes of a projection and dynamodb:Select, given or as the request implies it. */
  private static void projected(Map<String, List<String>> keys, JsonRequest request, boolean index) {
    List<String> names = null;
    try {
      String projection = request.string("ProjectionExpression");
      if (projection != null) {
        names = new ArrayList<>(context(request).projection(projection).topLevelNames());
      } else if (request.has("AttributesToGet")) {
        names = request.strings("AttributesToGet");
      }
    } catch (DynamoException e) {
      names = null; // the operation reports the malformed expression
    }
    put(keys, "dynamodb:Attributes", names);
    String select = request.string("Select");
    if (select == null) {
      select = names != null ? "SPECIFIC_ATTRIBUTES" : index ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
    }
    put(keys, "dynamodb:Select", select);
  }

  private static List<String> updated(JsonRequest request) {
    List<String> names = new ArrayList<>();
    try {
      String update = request.string("UpdateExpression");
      if (update != null) {
        for (DocumentPath path : context(request).update(update).updatedPaths()) {
          if (path.elements().get(0) instanceof DocumentPath.Name name) {
            names.add(name.name());
          }
        }
      } else if (request.has("AttributeUpdates")) {
        names.addAll(request.structureMap("AttributeUpdates").keySet());
      }
    } catch (DynamoException e) {
      // the operation reports the malformed expression
    }
    return names;
  }

  private static List<String> partitionValue(Catalog catalog, String tableName, Map<String, AttributeValue> item) {
    Table table = catalog.find(tableName); // none for an ARN of another region's table: no key of this region's is read
    if (table == null || item == null) {
      return List.of();
    }
    AttributeValue value = item.get(table.keySchema().partition().name());
    return value == null ? List.of() : List.of(RequestKeys.text(value));
  }

  private static Map<String, AttributeValue> keyOf(JsonRequest key) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (int i = 0; i < key.node().size(); i++) {
      try {
        values.put(key.node().name(i), key.value(key.node().name(i)));
      } catch (DynamoException e) {
        // a malformed value: the operation reports it
      }
    }
    return values;
  }

  private static Map<String, AttributeValue> safeItem(JsonRequest request, String field) {
    try {
      return request.item(field);
    } catch (DynamoException e) {
      return null;
    }
  }

  private static ExpressionContext context(JsonRequest request) {
    return new ExpressionContext(request.stringMap("ExpressionAttributeNames"), request.item("ExpressionAttributeValues"));
  }

  /**
   * The access of one PartiQL statement, with dynamodb:LeadingKeys set to the partition keys it
   * addresses (none for a Scan), as for the operation it becomes.
   */
  private Access statement(Call call, JsonRequest entry) {
    Access access = PartiqlAccesses.of(entry.string("Statement"), name -> tableArn(call.catalog(), name));
    StatementTargets.Addressed addressed = StatementTargets.of(call, entry);
    Map<String, List<String>> keys = new HashMap<>();
    put(keys, "dynamodb:LeadingKeys", addressed == null ? null : addressed.partitionKeys());
    return keys.isEmpty() ? access : new Access(access.action(), access.resource(), keys);
  }

  private static void put(Map<String, List<String>> keys, String key, List<String> values) {
    if (values != null && !values.isEmpty()) {
      keys.put(key.toLowerCase(java.util.Locale.ROOT), values);
    }
  }

  private static void put(Map<String, List<String>> keys, String key, String value) {
    if (value != null) {
      keys.put(key.toLowerCase(java.util.Locale.ROOT), List.of(value));
    }
  }
}
