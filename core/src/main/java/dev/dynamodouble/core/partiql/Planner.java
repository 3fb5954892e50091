package dev.dynamodouble.core.partiql;

import dev.dynamodouble.core.error.DynamoException;

import dev.dynamodouble.core.expression.DocumentPath;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a statement into the request of the engine operation that answers it, the way DynamoDB
 * does: a SELECT whose WHERE names the whole primary key with equalities and nothing else is a
 * GetItem; one with an equality on the partition key (of the table or of the index named) is a
 * Query, its other conditions a filter; anything else is a Scan with the WHERE as its filter.
 * INSERT is a PutItem that must not find the item, UPDATE an UpdateItem that must find it, DELETE a
 * DeleteItem; their WHERE must name the full key, and what else it says is the write's condition.
 */
public final class Planner {
  private final KeySchemas schemas;

  public Planner(KeySchemas schemas) {
    this.schemas = schemas;
  }

  public Plan plan(Statement statement) {
    if (statement instanceof Statement.Select select) {
      return select(select);
    }
    if (statement instanceof Statement.Insert insert) {
      return insert(insert);
    }
    if (statement instanceof Statement.Update update) {
      return update(update);
    }
    if (statement instanceof Statement.Delete delete) {
      return delete(delete);
    }
    return exists((Statement.Exists) statement);
  }

  private Plan select(Statement.Select select) {
    Statement.Target target = select.target();
    KeySchema schema = schemas.of(target.table(), target.index());
    if (schema.multiAttribute()) { // wording of DynamoDB Local 3.3
      throw DynamoException.validation(
          "PartiQL statements cannot be executed on tables with composite HASH keys or composite RANGE keys.");
    }
    List<Expr> conjuncts = conjuncts(select.where());
    ExpressionText text = new ExpressionText();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("TableName", target.table());
    fields.put("IndexName", target.index());
    Plan.Kind kind;
    List<AttributeValue> partitions = null;

    Map<String, AttributeValue> key = target.index() == null ? keyEqualities(schema, conjuncts, null) : null;
    if (key != null && conjuncts.size() == schema.attributes().size() && select.orderBy() == null) {
      kind = Plan.Kind.GET;
      fields.put("Key", key);
    } else {
      QueryShape query = queryShape(schema, conjuncts);
      if (query != null) {
        kind = Plan.Kind.QUERY;
        String keyCondition;
        if (query.partitions() != null) {
          partitions = query.partitions();
          keyCondition = text.name(schema.partition().name()) + " = " + Plan.PARTITION_PLACEHOLDER
              + (query.keyCondition() == null ? "" : " AND " + text.condition(query.keyCondition()));
          text.reserve(Plan.PARTITION_PLACEHOLDER, partitions.get(0));
        } else {
          keyCondition = text.condition(query.keyCondition());
        }
        fields.put("KeyConditionExpression", keyCondition);
        if (query.filter() != null) {
          fields.put("FilterExpression", text.condition(query.filter()));
        }
        if (select.orderBy() != null) {
          checkOrderBy(schema, select.orderBy());
          fields.put("ScanIndexForward", !select.descending());
        }
      } else {
        if (select.orderBy() != null) {
          throw StatementErrors.unsupported("Must have WHERE clause in the statement when using ORDER BY clause.");
        }
        kind = Plan.Kind.SCAN;
        if (select.where() != null) {
          fields.put("FilterExpression", text.condition(select.where()));
        }
      }
    }
    // No ProjectionExpression: the columns are taken from whole items (Plan.shape); a list element
    // projected by the engine would lose its index.
    putPlaceholders(fields, text);
    return new Plan(kind, target.table(), kind == Plan.Kind.GET ? key : null, fields, null, partitions,
        select.projection());
  }

  /** A path as the statement wrote it: {@code a.b[1]}. */
  private static String text(DocumentPath path) {
    StringBuilder out = new StringBuilder();
    for (DocumentPath.Element e : path.elements()) {
      out.append(e instanceof DocumentPath.Name n ? (out.length() == 0 ? "" : ".") + n.name() : e.toString());
    }
    return out.toString();
  }

  private static void checkOrderBy(KeySchema schema, DocumentPath orderBy) {
    String name = orderBy.isTopLevel() ? orderBy.topLevelName() : null;
    if (name == null || !schema.isKeyAttribute(name)) {
      throw StatementErrors.unsupported("Variable reference " + text(orderBy)
          + " in ORDER BY clause must be part of the primary key");
    }
  }

  /**
   * A key condition (partition equality, at most one sort condition) and the rest as a filter, or
   * null. With {@code partitions}, the partition is each of those values in turn and the key
   * condition holds only the sort condition (or is null).
   */
  private record QueryShape(Expr keyCondition, Expr filter, List<AttributeValue> partitions) {}

  private static QueryShape queryShape(KeySchema schema, List<Expr> conjuncts) {
    String partitionKey = schema.partition().name();
    if (conjuncts.size() == 1 && conjuncts.get(0) instanceof Expr.Or) {
      List<AttributeValue> values = new ArrayList<>();
      return equalities(conjuncts.get(0), partitionKey, values) ? new QueryShape(null, null, values) : null;
    }
    List<Expr> rest = new ArrayList<>(conjuncts);
    Expr partition = null;
    List<AttributeValue> partitions = null;
    for (Expr e : rest) {
      if (equalityValue(e, partitionKey) != null) {
        partition = e;
        break;
      }
      partitions = inValues(e, partitionKey);
      if (partitions != null) {
        partition = e;
        break;
      }
    }
    if (partition == null) {
      return null;
    }
    rest.remove(partition);
    Expr keyCondition = partitions == null ? partition : null;
    if (schema.hasSort()) {
      for (Expr e : rest) {
        if (isSortCondition(e, schema.sort().name())) {
          keyCondition = keyCondition == null ? e : new Expr.And(partition, e);
          rest.remove(e);
          break;
        }
      }
    }
    Expr filter = null;
    for (Expr e : rest) {
      if (mentionsAny(e, schema)) {
        return null; // a Query filter may not read key attributes: answer it as a Scan
      }
      filter = filter == null ? e : new Expr.And(filter, e);
    }
    return new QueryShape(keyCondition, filter, partitions);
  }

  /** Whether {@code e} is an OR of {@code attribute = value} terms only; their values go to {@code out}. */
  private static boolean equalities(Expr e, String attribute, List<AttributeValue> out) {
    if (e instanceof Expr.Or or) {
      return equalities(or.left(), attribute, out) && equalities(or.right(), attribute, out);
    }
    AttributeValue v = equalityValue(e, attribute);
    if (v != null && !out.contains(v)) {
      out.add(v);
    }
    return v != null;
  }

  /** The values of {@code attribute IN [values...]} (or {@code IN ?} bound to a list), else null. */
  private static List<AttributeValue> inValues(Expr e, String attribute) {
    if (!(e instanceof Expr.In in) || !isAttribute(in.subject(), attribute)) {
      return null;
    }
    List<Expr> candidates = in.candidates();
    if (candidates.size() == 1 && candidates.get(0) instanceof Expr.Value v && v.value() instanceof AttributeValue.L list) {
      return list.value().isEmpty() ? null : distinct(list.value());
    }
    List<AttributeValue> values = new ArrayList<>();
    for (Expr c : candidates) {
      if (!(c instanceof Expr.Value v)) {
        return null;
      }
      values.add(v.value());
    }
    return distinct(values);
  }

  private static List<AttributeValue> distinct(List<AttributeValue> values) {
    List<AttributeValue> out = new ArrayList<>();
    for (AttributeValue v : values) {
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private static boolean isSortCondition(Expr e, String sortKey) {
    if (e instanceof Expr.Compare c && !c.op().equals("<>")) {
      return isAttribute(c.left(), sortKey) && c.right() instanceof Expr.Value
          || isAttribute(c.right(), sortKey) && c.left() instanceof Expr.Value;
    }
    if (e instanceof Expr.Between b) {
      return isAttribute(b.subject(), sortKey) && b.low() instanceof Expr.Value && b.high() instanceof Expr.Value;
    }
    if (e instanceof Expr.Call call && call.name().equals("begins_with") && call.arguments().size() == 2) {
      return isAttribute(call.arguments().get(0), sortKey) && call.arguments().get(1) instanceof Expr.Value;
    }
    return false;
  }

  private static boolean mentionsAny(Expr e, KeySchema schema) {
    if (e instanceof Expr.Path p) {
      return schema.isKeyAttribute(p.path().topLevelName());
    }
    if (e instanceof Expr.Compare c) {
      return mentionsAny(c.left(), schema) || mentionsAny(c.right(), schema);
    }
    if (e instanceof Expr.Between b) {
      return mentionsAny(b.subject(), schema) || mentionsAny(b.low(), schema) || mentionsAny(b.high(), schema);
    }
    if (e instanceof Expr.In in) {
      return mentionsAny(in.subject(), schema) || in.candidates().stream().anyMatch(c -> mentionsAny(c, schema));
    }
    if (e instanceof Expr.And a) {
      return mentionsAny(a.left(), schema) || mentionsAny(a.right(), schema);
    }
    if (e instanceof Expr.Or o) {
      return mentionsAny(o.left(), schema) || mentionsAny(o.right(), schema);
    }
    if (e instanceof Expr.Not n) {
      return mentionsAny(n.inner(), schema);
    }
    if (e instanceof Expr.IsMissing m) {
      return mentionsAny(m.subject(), schema);
    }
    if (e instanceof Expr.IsNull n) {
      return mentionsAny(n.subject(), schema);
    }
    if (e instanceof Expr.Call call) {
      return call.arguments().stream().anyMatch(a -> mentionsAny(a, schema));
    }
    return false;
  }

  private Plan insert(Statement.Insert insert) {
    KeySchema schema = schemas.of(insert.target().table(), null);
    ExpressionText text = new ExpressionText();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("TableName", insert.target().table());
    fields.put("Item", insert.item());
    fields.put("ConditionExpression", "attribute_not_exists(" + text.name(schema.partition().name()) + ")");
    putPlaceholders(fields, text);
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (KeyAttribute attribute : schema.attributes()) {
      AttributeValue value = insert.item().get(attribute.name());
      if (value == null) {
        throw StatementErrors.unsupported("Key attribute should be present in the item: Key " + attribute.name());
      }
      key.put(attribute.name(), value);
    }
    return new Plan(Plan.Kind.INSERT, insert.target().table(), key, fields, null, null, null);
  }

  /** What UPDATE, DELETE and EXISTS share: the item's key from the WHERE, the rest of it, the request so far. */
  private record Keyed(KeySchema schema, Map<String, AttributeValue> key, Expr rest, ExpressionText text,
                       Map<String, Object> fields) {}

  private Keyed keyed(String table, Expr where) {
    KeySchema schema = schemas.of(table, null);
    List<Expr> conjuncts = conjuncts(where);
    Map<String, AttributeValue> key = requireKey(schema, conjuncts);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("TableName", table);
    fields.put("Key", key);
    return new Keyed(schema, key, conjunction(conjuncts), new ExpressionText(), fields);
  }

  private Plan update(Statement.Update update) {
    String table = update.target().table();
    Keyed keyed = keyed(table, update.where());
    ExpressionText text = keyed.text();
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    List<String> adds = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    for (Statement.Change change : update.changes()) {
      String path = text.path(change.path());
      Expr value = change.value();
      if (value == null) {
        removes.add(path);
      } else if (value instanceof Expr.Call call && (call.name().equals("set_add") || call.name().equals("set_delete"))) {
        if (call.arguments().size() != 2 || !(call.arguments().get(0) instanceof Expr.Path target)
            || !target.path().equals(change.path()) || !(call.arguments().get(1) instanceof Expr.Value v)) {
          throw StatementErrors.unsupported("Unsupported operation: " + call.name()
              + " takes the attribute being set and a set value");
        }
        (call.name().equals("set_add") ? adds : deletes).add(path + " " + text.value(v.value()));
      } else {
        sets.add(path + " = " + text.assigned(value));
      }
    }
    StringBuilder expression = new StringBuilder();
    clause(expression, "SET", sets);
    clause(expression, "REMOVE", removes);
    clause(expression, "ADD", adds);
    clause(expression, "DELETE", deletes);
    Map<String, Object> fields = keyed.fields();
    fields.put("UpdateExpression", expression.toString());
    String exists = "attribute_exists(" + text.name(keyed.schema().partition().name()) + ")";
    fields.put("ConditionExpression", keyed.rest() == null ? exists : exists + " AND " + text.condition(keyed.rest()));
    putPlaceholders(fields, text);
    return new Plan(Plan.Kind.UPDATE, table, keyed.key(), fields, update.returning(), null, null);
  }

  private static void clause(StringBuilder out, String keyword, List<String> parts) {
    if (!parts.isEmpty()) {
      out.append(out.length() == 0 ? "" : " ").append(keyword).append(' ').append(String.join(", ", parts));
    }
  }

  private Plan delete(Statement.Delete delete) {
    String table = delete.target().table();
    Keyed keyed = keyed(table, delete.where());
    ExpressionText text = keyed.text();
    if (keyed.rest() != null) {
      // A missing item is deleted without checking the rest of the WHERE clause.
      keyed.fields().put("ConditionExpression", "attribute_not_exists(" + text.name(keyed.schema().partition().name())
          + ") OR " + text.condition(keyed.rest()));
    }
    putPlaceholders(keyed.fields(), text);
    return new Plan(Plan.Kind.DELETE, table, keyed.key(), keyed.fields(), delete.returning(), null, null);
  }

  private Plan exists(Statement.Exists exists) {
    Statement.Select select = exists.select();
    if (select.target().index() != null || select.projection() != null || select.orderBy() != null) {
      throw StatementErrors.unsupported("Unsupported operation: EXISTS takes SELECT * FROM a table WHERE its full primary key");
    }
    String table = select.target().table();
    Keyed keyed = keyed(table, select.where());
    if (keyed.rest() == null) {
      throw StatementErrors.unsupported(StatementErrors.EXISTS_WITHOUT_CONDITION);
    }
    ExpressionText text = keyed.text();
    keyed.fields().put("ConditionExpression", "attribute_exists(" + text.name(keyed.schema().partition().name())
        + ") AND " + text.condition(keyed.rest()));
    putPlaceholders(keyed.fields(), text);
    return new Plan(Plan.Kind.CONDITION_CHECK, table, keyed.key(), keyed.fields(), null, null, null);
  }

  private static void putPlaceholders(Map<String, Object> fields, ExpressionText text) {
    fields.put("ExpressionAttributeNames", text.names());
    fields.put("ExpressionAttributeValues", text.values());
  }

  /** The key the WHERE names with equalities (removed from {@code conjuncts}), or a ValidationException. */
  private static Map<String, AttributeValue> requireKey(KeySchema schema, List<Expr> conjuncts) {
    Map<String, AttributeValue> key = keyEqualities(schema, conjuncts, conjuncts);
    if (key == null) {
      throw StatementErrors.keyEquality();
    }
    return key;
  }

  /**
   * The key named by equalities among {@code conjuncts}, or null when an attribute of the key has
   * none; when {@code consumed} is not null the equalities used are removed from it.
   */
  private static Map<String, AttributeValue> keyEqualities(KeySchema schema, List<Expr> conjuncts,
                                                           List<Expr> consumed) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    List<Expr> used = new ArrayList<>();
    for (KeyAttribute attribute : schema.attributes()) {
      for (Expr e : conjuncts) {
        AttributeValue v = equalityValue(e, attribute.name());
        if (v != null) {
          key.put(attribute.name(), v);
          used.add(e);
          break;
        }
      }
      if (!key.containsKey(attribute.name())) {
        return null;
      }
    }
    if (consumed != null) {
      consumed.removeAll(used);
    }
    return key;
  }

  /** The value of {@code e} when it is {@code attribute = value} (either way round), else null. */
  private static AttributeValue equalityValue(Expr e, String attribute) {
    if (e instanceof Expr.Compare c && c.op().equals("=")) {
      if (isAttribute(c.left(), attribute) && c.right() instanceof Expr.Value v) {
        return v.value();
      }
      if (isAttribute(c.right(), attribute) && c.left() instanceof Expr.Value v) {
        return v.value();
      }
    }
    return null;
  }

  private static boolean isAttribute(Expr e, String name) {
    return e instanceof Expr.Path p && p.path().isTopLevel() && p.path().topLevelName().equals(name);
  }

  /** The top-level AND terms of {@code where} (none without a WHERE). */
  static List<Expr> conjuncts(Expr where) {
    List<Expr> out = new ArrayList<>();
    if (where != null) {
      collect(where, out);
    }
    return out;
  }

  private static void collect(Expr e, List<Expr> out) {
    if (e instanceof Expr.And and) {
      collect(and.left(), out);
      collect(and.right(), out);
    } else {
      out.add(e);
    }
  }

  private static Expr conjunction(List<Expr> terms) {
    Expr result = null;
    for (Expr e : terms) {
      result = result == null ? e : new Expr.And(result, e);
    }
    return result;
  }

}
