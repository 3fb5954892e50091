package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.expression.KeyCondition;
import dev.dynamodouble.core.expression.Projection;
import dev.dynamodouble.core.capacity.CapacityAdmission;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.KeyOrder;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Query: one partition of a table or index, its sort keys walked forward or backward from the
 * key condition's bound, paged by Limit and 1 MB, then filtered and projected.
 */
public final class Query implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    Map<String, AttributeValue> exclusiveStart = request.item("ExclusiveStartKey");
    ReadRequests.constraints(request, "Query").check();
    RequestExpressions expressions = RequestExpressions.of(request, "Query");
    LegacyConditions.checkOperatorWithoutFilter(request, "QueryFilter"); // before the key condition's absence
    String keyConditionText = request.string("KeyConditionExpression");
    if (keyConditionText == null && !request.has("KeyConditions")) {
      throw DynamoException.validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    Condition filter = expressions.filter(); // the service reports a bad filter before a bad projection
    Projection projection = expressions.projection();
    Supplier<KeyCondition> keyShape = keyConditionText == null ? null
        : expressions.context().keyConditionResolved(keyConditionText);
    KeyCondition keyCondition = keyShape == null ? LegacyConditions.keyConditions(request) : null;
    if (filter == null && request.has("QueryFilter")) {
      filter = LegacyConditions.filter(request, "QueryFilter");
    }
    expressions.checkAllUsed();
    if (keyShape != null) {
      keyCondition = keyShape.get(); // its shape after the unused placeholders, as DynamoDB reports them
    }

    Table table = context.catalog().itemTable(request.string("TableName"));
    String indexName = request.string("IndexName");
    ReadSource source = ReadSource.of(table,
        context.read(table, indexName, Boolean.TRUE.equals(request.bool("ConsistentRead"))), indexName);
    ReadRequests.checkKeyPaths(table, filter, projection);
    KeySchema schema = source.keySchema();
    KeyCondition.Bound bound = keyCondition.bind(schema.partition().name(), schema.partition().type(),
        schema.sort() == null ? null : schema.sort().name(), schema.sort() == null ? null : schema.sort().type());
    requireNonEmptyKeyValues(bound, source);
    if (filter != null) {
      filter.requireNoKeyAttributes(source.keySchema().attributeNames());
    }
    String globalIndex = source.index() != null && source.index().global() ? source.index().name() : null;
    // A hot partition is throttled before anything is read (a local index shares its table's partitions).
    CapacityAdmission.requirePartition(context.call(), table, globalIndex, bound.partitionValue(), false);
    ReadPage.Plan plan = ReadRequests.plan(request, source, filter, projection);
    boolean forward = !Boolean.FALSE.equals(request.bool("ScanIndexForward"));

    KeyCondition.Part sortPart = bound.sortCondition();
    String sortName = schema.sort() == null ? null : schema.sort().name();
    AttributeValue low = sortPart == null ? null : lowerBound(sortPart);
    AttributeValue high = sortPart == null ? null : upperBound(sortPart);
    AttributeValue seek = forward ? low : high;
    Iterator<StoredItem> candidates = source.partition(bound.partitionValue(), seek, forward, exclusiveStart);
    ReadPage page = ReadPage.read(plan, candidates,
        item -> sortPart == null || sortPart.matches(item.attributes().get(sortName)),
        item -> notYetReached(item.attributes().get(sortName), forward, low, high));
    if (globalIndex != null) {
      page.capacity().addIndexPartition(globalIndex, bound.partitionValue(), page.capacity().indexRead(globalIndex), 0);
    }
    CapacityCharge.record(context.call(), table, globalIndex == null ? bound.partitionValue() : null, page.capacity());
    return page;
  }

  /** Key values are never empty, so a key condition on an empty string or binary is refused. */
  private static void requireNonEmptyKeyValues(KeyCondition.Bound bound, ReadSource source) {
    requireNonEmpty(bound.partitionValue(), bound.partitionKey(), source);
    if (bound.sortCondition() != null) {
      for (AttributeValue value : bound.sortCondition().values()) {
        requireNonEmpty(value, bound.sortKey(), source);
      }
    }
  }

  private static void requireNonEmpty(AttributeValue value, String keyName, ReadSource source) {
    boolean emptyString = value instanceof AttributeValue.S s && s.value().isEmpty();
    boolean emptyBinary = value instanceof AttributeValue.B b && b.bytes().length == 0;
    if (!emptyString && !emptyBinary) {
      return;
    }
    String kind = emptyString ? "string" : "binary";
    if (source.index() == null) {
      throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a key "
          + "attribute cannot contain an empty " + kind + " value. Key: " + keyName);
    }
    throw DynamoException.validation("One or more parameter values are not valid. A value specified for a secondary "
        + "index key is not supported. The AttributeValue for a key attribute cannot contain an empty " + kind
        + " value. IndexName: " + source.index().name() + ", IndexKey: " + keyName);
  }

  /** Whether a sort key outside the condition lies before the range in walk order (skip) rather than past it (stop). */
  private static boolean notYetReached(AttributeValue sort, boolean forward, AttributeValue low, AttributeValue high) {
    if (sort == null) {
      return false;
    }
    if (forward) {
      return low != null && compare(sort, low) <= 0;
    }
    if (high != null) {
      return compare(sort, high) >= 0;
    }
    return low != null && compare(sort, low) > 0;
  }

  private static int compare(AttributeValue a, AttributeValue b) {
    return a.type() == b.type() ? KeyOrder.INSTANCE.compare(a, b) : a.type().compareTo(b.type());
  }

  private static AttributeValue lowerBound(KeyCondition.Part part) {
    switch (part.operator()) {
      case EQ:
      case GT:
      case GE:
      case BETWEEN:
      case BEGINS_WITH:
        return part.values().get(0);
      default:
        return null;
    }
  }

  private static AttributeValue upperBound(KeyCondition.Part part) {
    switch (part.operator()) {
      case EQ:
      case LT:
      case LE:
        return part.values().get(0);
      case BETWEEN:
        return part.values().get(1);
      default:
        return null;
    }
  }
}
