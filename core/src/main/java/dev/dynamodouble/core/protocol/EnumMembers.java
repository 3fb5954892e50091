package dev.dynamodouble.core.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every enum member of every operation's request, with its value set in the order the service
 * lists it: a value outside the set is the service's "Member must satisfy enum value set: [...]"
 * constraint error, at the member's path. Each operation adds these to its other member
 * constraints ({@link Constraints#enums}), so the service reports them together.
 *
 * <p>A member is a dotted path of request field names; {@code []} after a name steps into each
 * element of a list ({@code .N.member} in the message), {@code {}} into each value of a map
 * ({@code .<key>.member}). A value of another JSON type is the SerializationException the
 * service's JSON binding answers. TableClass is not here: the service answers it with its own message.
 */
public final class EnumMembers {
  private static final String[] RETURN_VALUES = {"ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"};
  private static final String[] RETURN_CONSUMED_CAPACITY = {"INDEXES", "TOTAL", "NONE"};
  private static final String[] RETURN_ITEM_COLLECTION_METRICS = {"SIZE", "NONE"};
  private static final String[] RETURN_VALUES_ON_CONDITION_CHECK_FAILURE = {"ALL_OLD", "NONE"};
  private static final String[] CONDITIONAL_OPERATOR = {"AND", "OR"};
  private static final String[] COMPARISON_OPERATOR = {"EQ", "NE", "IN", "LE", "LT", "GE", "GT", "BETWEEN",
      "NOT_NULL", "NULL", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH"};
  private static final String[] SELECT = {"ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"};
  private static final String[] ATTRIBUTE_TYPE = {"B", "N", "S"};
  private static final String[] KEY_TYPE = {"HASH", "RANGE"};
  private static final String[] PROJECTION_TYPE = {"ALL", "KEYS_ONLY", "INCLUDE"};
  private static final String[] BILLING_MODE = {"PROVISIONED", "PAY_PER_REQUEST"};
  private static final String[] STREAM_VIEW_TYPE = {"NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"};
  private static final String[] SSE_TYPE = {"AES256", "KMS"};
  private static final String[] ATTRIBUTE_ACTION = {"ADD", "PUT", "DELETE"};
  private static final String[] BACKUP_TYPE = {"USER", "SYSTEM", "AWS_BACKUP", "ALL"};
  private static final String[] TABLE_CLASS = {"STANDARD", "STANDARD_INFREQUENT_ACCESS"};
  private static final String[] MULTI_REGION_CONSISTENCY = {"EVENTUAL", "STRONG"};
  private static final String[] REPLICATION_MODE = {"ENABLED", "DISABLED", "ENABLED_WITH_OVERRIDES"};
  private static final String[] SEARCH_SCHEMA_ELEMENT_TYPE = {"HASH", "INLINE_FILTER"};
  private static final String[] DISTANCE_FUNCTION = {"COSINE", "DOT_PRODUCT", "EUCLIDEAN"};

  private static final Map<String, List<Member>> BY_OPERATION = new HashMap<>();

  static {
    String[] write = {"ReturnConsumedCapacity", "ReturnValues", "ReturnItemCollectionMetrics",
        "ReturnValuesOnConditionCheckFailure", "ConditionalOperator", "Expected{}.ComparisonOperator"};
    for (String operation : new String[] {"PutItem", "DeleteItem", "UpdateItem"}) {
      for (String path : write) {
        add(operation, path);
      }
    }
    add("UpdateItem", "AttributeUpdates{}.Action", ATTRIBUTE_ACTION);
    add("GetItem", "ReturnConsumedCapacity");
    add("SearchVectors", "ReturnConsumedCapacity");
    add("BatchGetItem", "ReturnConsumedCapacity");
    add("BatchWriteItem", "ReturnConsumedCapacity");
    add("BatchWriteItem", "ReturnItemCollectionMetrics");
    add("TransactGetItems", "ReturnConsumedCapacity");
    add("TransactWriteItems", "ReturnConsumedCapacity");
    add("TransactWriteItems", "ReturnItemCollectionMetrics");
    for (String kind : new String[] {"ConditionCheck", "Put", "Delete", "Update"}) {
      add("TransactWriteItems", "TransactItems[]." + kind + ".ReturnValuesOnConditionCheckFailure");
    }
    for (String operation : new String[] {"Query", "Scan"}) {
      add(operation, "Select");
      add(operation, "ReturnConsumedCapacity");
      add(operation, "ConditionalOperator");
    }
    add("Query", "KeyConditions{}.ComparisonOperator");
    add("Query", "QueryFilter{}.ComparisonOperator");
    add("Scan", "ScanFilter{}.ComparisonOperator");

    tableShape("CreateTable");
    add("CreateTable", "LocalSecondaryIndexes[].KeySchema[].KeyType");
    add("CreateTable", "LocalSecondaryIndexes[].Projection.ProjectionType");
    add("CreateTable", "GlobalSecondaryIndexes[].KeySchema[].KeyType");
    add("CreateTable", "GlobalSecondaryIndexes[].Projection.ProjectionType");
    vectorIndexes("CreateTable", "VectorIndexes[]");
    tableShape("UpdateTable");
    add("UpdateTable", "GlobalSecondaryIndexUpdates[].Create.KeySchema[].KeyType");
    add("UpdateTable", "GlobalSecondaryIndexUpdates[].Create.Projection.ProjectionType");
    add("UpdateTable", "ReplicaUpdates[].Create.TableClassOverride", TABLE_CLASS);
    add("UpdateTable", "ReplicaUpdates[].Update.TableClassOverride", TABLE_CLASS);
    add("UpdateGlobalTableSettings", "GlobalTableBillingMode", BILLING_MODE);
    add("UpdateGlobalTableSettings", "ReplicaSettingsUpdate[].ReplicaTableClass", TABLE_CLASS);
    add("UpdateTable", "MultiRegionConsistency", MULTI_REGION_CONSISTENCY);
    vectorIndexes("UpdateTable", "VectorIndexUpdates[].Create");
    for (String operation : new String[] {"RestoreTableFromBackup", "RestoreTableToPointInTime"}) {
      add(operation, "BillingModeOverride", BILLING_MODE);
      add(operation, "GlobalSecondaryIndexOverride[].KeySchema[].KeyType");
      add(operation, "GlobalSecondaryIndexOverride[].Projection.ProjectionType");
      add(operation, "LocalSecondaryIndexOverride[].KeySchema[].KeyType");
      add(operation, "LocalSecondaryIndexOverride[].Projection.ProjectionType");
      add(operation, "SSESpecificationOverride.SSEType");
      vectorIndexes(operation, "VectorIndexOverride[]");
    }
    add("ListBackups", "BackupType", BACKUP_TYPE);
    add("ExportTableToPointInTime", "S3SseAlgorithm", SSE_TYPE);
    add("ExportTableToPointInTime", "ExportFormat", new String[] {"DYNAMODB_JSON", "ION"});
    add("ExportTableToPointInTime", "ExportType", new String[] {"FULL_EXPORT", "INCREMENTAL_EXPORT"});
    add("ExportTableToPointInTime", "IncrementalExportSpecification.ExportViewType",
        new String[] {"NEW_IMAGE", "NEW_AND_OLD_IMAGES"});
    add("ImportTable", "InputFormat", new String[] {"DYNAMODB_JSON", "ION", "CSV"});
    add("ImportTable", "InputCompressionType", new String[] {"GZIP", "ZSTD", "NONE"});
    for (String path : new String[] {"AttributeDefinitions[].AttributeType", "KeySchema[].KeyType", "BillingMode",
        "SSESpecification.SSEType", "GlobalSecondaryIndexes[].KeySchema[].KeyType",
        "GlobalSecondaryIndexes[].Projection.ProjectionType"}) {
      add("ImportTable", "TableCreationParameters." + path);
    }
    vectorIndexes("ImportTable", "TableCreationParameters.VectorIndexes[]");
  }

  private EnumMembers() {}

  /** The members CreateTable and UpdateTable share. */
  private static void tableShape(String operation) {
    add(operation, "AttributeDefinitions[].AttributeType");
    add(operation, "KeySchema[].KeyType");
    add(operation, "BillingMode");
    add(operation, "StreamSpecification.StreamViewType");
    add(operation, "SSESpecification.SSEType");
    add(operation, "GlobalTableSettingsReplicationMode", REPLICATION_MODE);
  }

  private static void vectorIndexes(String operation, String prefix) {
    add(operation, prefix + ".SearchSchema[].SearchSchemaElementType", SEARCH_SCHEMA_ELEMENT_TYPE);
    add(operation, prefix + ".Projection.ProjectionType");
    add(operation, prefix + ".DistanceFunction", DISTANCE_FUNCTION);
  }

  /** A member whose value set follows from its last field name. */
  private static void add(String operation, String path) {
    String field = path.substring(path.lastIndexOf('.') + 1);
    add(operation, path, valuesOf(field));
  }

  private static void add(String operation, String path, String[] values) {
    BY_OPERATION.computeIfAbsent(operation, k -> new ArrayList<>()).add(new Member(path.split("\\."), values));
  }

  private static String[] valuesOf(String field) {
    switch (field) {
      case "ReturnValues": return RETURN_VALUES;
      case "ReturnConsumedCapacity": return RETURN_CONSUMED_CAPACITY;
      case "ReturnItemCollectionMetrics": return RETURN_ITEM_COLLECTION_METRICS;
      case "ReturnValuesOnConditionCheckFailure": return RETURN_VALUES_ON_CONDITION_CHECK_FAILURE;
      case "ConditionalOperator": return CONDITIONAL_OPERATOR;
      case "ComparisonOperator": return COMPARISON_OPERATOR;
      case "Select": return SELECT;
      case "AttributeType": return ATTRIBUTE_TYPE;
      case "KeyType": return KEY_TYPE;
      case "ProjectionType": return PROJECTION_TYPE;
      case "BillingMode": return BILLING_MODE;
      case "StreamViewType": return STREAM_VIEW_TYPE;
      case "SSEType": return SSE_TYPE;
      default: throw new IllegalArgumentException("no value set for " + field);
    }
  }

  /** Adds an error to {@code constraints} for every enum member of {@code request} outside its set. */
  static void check(String operation, JsonRequest request, Constraints constraints) {
    for (Member member : BY_OPERATION.getOrDefault(operation, List.of())) {
      walk(request.node(), member, 0, null, constraints);
    }
  }

  /**
   * Checks the member below {@code node}, whose path starts at segment {@code at}. The path shown
   * in an error is only put together for a value outside the set: {@code steps[i]} holds the list
   * position (from 1) or map key taken at segment i, once a list or map was stepped into.
   */
  private static void walk(Object node, Member member, int at, Object[] steps, Constraints constraints) {
    if (!(node instanceof JsonObject object)) {
      return;
    }
    Object value = object.get(member.fields[at]);
    boolean last = at == member.fields.length - 1;
    char kind = member.kinds[at];
    if (kind == LIST && value instanceof JsonArray array) {
      Object[] taken = steps != null ? steps : new Object[member.fields.length];
      for (int i = 0; i < array.size(); i++) {
        taken[at] = i + 1;
        walk(array.get(i), member, at + 1, taken, constraints);
      }
    } else if (kind == MAP && value instanceof JsonObject entries) {
      Object[] taken = steps != null ? steps : new Object[member.fields.length];
      for (int i = 0; i < entries.size(); i++) {
        taken[at] = entries.name(i);
        walk(entries.value(i), member, at + 1, taken, constraints);
      }
    } else if (last && value instanceof String text) {
      if (!member.allows(text)) {
        constraints.oneOf(text, member.shown(at, steps), member.values);
      }
    } else if (last && !Json.isNull(value)) {
      throw JsonRequest.typeError(value, "String");
    } else if (!last && kind == FIELD) {
      walk(value, member, at + 1, steps, constraints);
    }
  }

  private static final char FIELD = '.';
  private static final char LIST = '[';
  private static final char MAP = '{';

  /** One enum member: its path's field names, how each is stepped into, and its value set. */
  private static final class Member {
    final String[] fields;
    final char[] kinds;
    final String[] values;

    Member(String[] path, String[] values) {
      this.fields = new String[path.length];
      this.kinds = new char[path.length];
      for (int i = 0; i < path.length; i++) {
        String segment = path[i];
        boolean list = segment.endsWith("[]");
        boolean map = segment.endsWith("{}");
        fields[i] = list || map ? segment.substring(0, segment.length() - 2) : segment;
        kinds[i] = list ? LIST : map ? MAP : FIELD;
      }
      this.values = values;
    }

    boolean allows(String text) {
      for (String value : values) {
        if (value.equals(text)) {
          return true;
        }
      }
      return false;
    }

    /** The member's path as the service shows it, up to segment {@code at}, through {@code steps}. */
    String shown(int at, Object[] steps) {
      StringBuilder path = new StringBuilder();
      for (int i = 0; i <= at; i++) {
        String field = fields[i];
        path.append(i == 0 ? "" : ".").append(Character.toLowerCase(field.charAt(0))).append(field, 1, field.length());
        if (kinds[i] != FIELD && i < at) {
          path.append('.').append(steps[i]).append(".member");
        }
      }
      return path.toString();
    }
  }
}
