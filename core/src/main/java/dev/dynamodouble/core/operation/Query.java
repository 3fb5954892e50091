package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.expression.KeyCondition;
import dev.dynamodouble.core.expression.Projection;
import dev.dynamodouble.core.capacity.CapacityAdmission;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
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
    ReadRequests.constraints(request, context.region(), "Query").check();
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
    KeyRange range = KeyRange.of(keyCondition, source.keySchema(), indexName);
    if (filter != null) {
      filter.requireNoKeyAttributes(source.keySchema().attributeNames());
    }
    String globalIndex = source.index() != null && source.index().global() ? source.index().name() : null;
    // A hot partition is throttled before anything is read (a local index shares its table's partitions).
    CapacityAdmission.requirePartition(context.call(), table, globalIndex, range.partition(), false);
    ReadPage.Plan plan = ReadRequests.plan(request, source, filter, projection);
    boolean forward = !Boolean.FALSE.equals(request.bool("ScanIndexForward"));
    Iterator<StoredItem> candidates = source.partition(range.partition(), range.seek(forward), forward, exclusiveStart);
    ReadPage page = ReadPage.read(plan, candidates, range::matches,
        item -> range.notYetReached(item, forward));
    if (globalIndex != null) {
      page.capacity().addIndexPartition(globalIndex, range.partition(), page.capacity().indexRead(globalIndex), 0);
    }
    CapacityCharge.record(context.call(), table, globalIndex == null ? range.partition() : null, page.capacity());
    return page;
  }
}
