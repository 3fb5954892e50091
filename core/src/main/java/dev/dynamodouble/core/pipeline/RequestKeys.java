package dev.dynamodouble.core.pipeline;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.ExpressionContext;
import dev.dynamodouble.core.expression.KeyCondition;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Base64;
import java.util.List;

/**
 * Partition key values a request names, as stages that run before the operation read them (IAM's
 * dynamodb:LeadingKeys, fault rules' key matchers): read leniently, since a malformed request is
 * the operation's to refuse.
 */
public final class RequestKeys {
  private RequestKeys() {}

  /** A key value as text: a string as is, a number's digits, a binary in base64. */
  public static String text(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return s.value();
    }
    if (value instanceof AttributeValue.N n) {
      return n.text();
    }
    if (value instanceof AttributeValue.B b) {
      return Base64.getEncoder().encodeToString(b.bytes());
    }
    return String.valueOf(value);
  }

  /**
   * The partition key value a Query's key condition (expression or legacy KeyConditions) sets
   * equal, for the table or the index it names, as {@link #text}; empty when none can be read.
   */
  public static List<String> queryPartition(Catalog catalog, JsonRequest request) {
    String tableName = request.raw("TableName") instanceof String s ? s : null;
    Table table = catalog.find(tableName);
    if (table == null) {
      return List.of();
    }
    String partition = partitionName(table, request.raw("IndexName") instanceof String s ? s : null);
    try {
      String text = request.string("KeyConditionExpression");
      if (text != null) {
        ExpressionContext context = new ExpressionContext(request.stringMap("ExpressionAttributeNames"),
            request.item("ExpressionAttributeValues"));
        for (KeyCondition.Part part : context.keyCondition(text).parts()) {
          if (part.attributeName().equals(partition) && part.values().size() == 1) {
            return List.of(text(part.values().get(0)));
          }
        }
      } else if (request.has("KeyConditions")) {
        JsonRequest condition = request.structureMap("KeyConditions").get(partition);
        if (condition != null) {
          List<AttributeValue> values = condition.values("AttributeValueList");
          if (values != null && values.size() == 1) {
            return List.of(text(values.get(0)));
          }
        }
      }
    } catch (DynamoException e) {
      // the operation reports the malformed condition
    }
    return List.of();
  }

  private static String partitionName(Table table, String index) {
    if (index != null) {
      for (var definition : table.globalIndexes()) {
        if (definition.name().equals(index)) {
          return definition.keySchema().partition().name();
        }
      }
    }
    return table.keySchema().partition().name();
  }
}
