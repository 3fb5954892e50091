package dev.dynamodouble.core.partiql;

import dev.dynamodouble.core.expression.DocumentPath;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled statement: the engine operation that answers it and that operation's request fields.
 * The same fields, without the request-level ones the caller adds (Limit, ReturnConsumedCapacity,
 * ...), are a Get, Put, Update, Delete or ConditionCheck action of a transaction.
 *
 * @param key the primary key of the one item the statement reads or writes, or null (Query, Scan)
 * @param returning the ReturnValues a RETURNING clause asked for, or null
 * @param partitions for a Query over several partitions (an IN list or an OR of partition key
 *     equalities), the partition key values in statement order, each bound in turn to
 *     {@link #PARTITION_PLACEHOLDER}; else null
 * @param projection the paths a SELECT names, or null for {@code *} and for writes
 */
public record Plan(Kind kind, String tableName, Map<String, AttributeValue> key, Map<String, Object> fields,
                   String returning, List<AttributeValue> partitions, List<DocumentPath> projection) {
  /** The placeholder of the partition key value in the KeyConditionExpression of a multi-partition Query. */
  public static final String PARTITION_PLACEHOLDER = ":partition";


  /** How the statement is answered. */
  public enum Kind {
    GET("Get"), QUERY(null), SCAN(null), INSERT("Put"), UPDATE("Update"), DELETE("Delete"),
    CONDITION_CHECK("ConditionCheck");

    private final String transactAction;

    Kind(String transactAction) {
      this.transactAction = transactAction;
    }

    /** The member name of this action in TransactWriteItems / TransactGetItems, or null. */
    public String transactAction() {
      return transactAction;
    }

    public boolean isRead() {
      return this == GET || this == QUERY || this == SCAN;
    }
  }

  /** The request fields plus {@code extra} (null values are left out when written). */
  public Map<String, Object> with(Map<String, Object> extra) {
    Map<String, Object> all = new LinkedHashMap<>(fields);
    all.putAll(extra);
    return all;
  }

  /** The request fields of a multi-partition Query for partition {@code i}, plus {@code extra}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> forPartition(int i, Map<String, Object> extra) {
    Map<String, Object> all = with(extra);
    Map<String, Object> values = new LinkedHashMap<>((Map<String, Object>) fields.get("ExpressionAttributeValues"));
    values.put(PARTITION_PLACEHOLDER, partitions.get(i));
    all.put("ExpressionAttributeValues", values);
    return all;
  }

  /** Names the one item the plan touches (table and key), or null when it reads a range or lacks a key part. */
  public String itemIdentity() {
    if (key == null || key.containsValue(null)) {
      return null;
    }
    return tableName + "\u0000" + RequestJson.request(key);
  }

  /**
   * A selected item as a SELECT returns it: with a projection list, each path's value under the
   * name of its last step ({@code a.b} as {@code b}, {@code a.l[1]} as {@code l[1]}), as DynamoDB
   * names the columns of a PartiQL result; paths without a value are left out.
   */
  public Map<String, AttributeValue> shape(Map<String, AttributeValue> item) {
    if (projection == null) {
      return item;
    }
    Map<String, AttributeValue> shaped = new LinkedHashMap<>();
    for (DocumentPath path : projection) {
      AttributeValue value = path.resolve(item);
      if (value != null) {
        shaped.put(columnName(path), value);
      }
    }
    return shaped;
  }

  private static String columnName(DocumentPath path) {
    int last = 0;
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i) instanceof DocumentPath.Name) {
        last = i;
      }
    }
    StringBuilder name = new StringBuilder();
    for (int i = last; i < path.size(); i++) {
      name.append(path.get(i));
    }
    return name.toString();
  }
}
