package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.expression.Projection;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * Scan: every item of a table or index in the order of its partition hash (stable across pages),
 * or one parallel-scan segment — a contiguous slice of the 64-bit hash space.
 */
public final class Scan implements Operation {
  private static final BigInteger HASH_SPACE = BigInteger.ONE.shiftLeft(64);

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    Map<String, AttributeValue> exclusiveStart = request.item("ExclusiveStartKey");
    Integer segment = request.intValue("Segment");
    Integer totalSegments = request.intValue("TotalSegments");
    ReadRequests.constraints(request, context.region(), "Scan")
        .min(segment, 0, "segment").max(segment, 999999, "segment")
        .min(totalSegments, 1, "totalSegments").max(totalSegments, 1000000, "totalSegments")
        .check();
    if (segment != null && totalSegments == null) {
      throw DynamoException.validation("The TotalSegments parameter is required but was not present in the request "
          + "when Segment parameter is present");
    }
    if (totalSegments != null && segment == null) {
      throw DynamoException.validation("The Segment parameter is required but was not present in the request "
          + "when parameter TotalSegments is present");
    }
    if (segment != null && segment >= totalSegments) {
      throw DynamoException.validation("The Segment parameter is zero-based and must be less than parameter "
          + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
    }
    RequestExpressions expressions = RequestExpressions.of(request, "Scan");
    LegacyConditions.checkOperatorWithoutFilter(request, "ScanFilter");
    Condition filter = expressions.filter(); // the service reports a bad filter before a bad projection
    Projection projection = expressions.projection();
    if (filter == null && request.has("ScanFilter")) {
      filter = LegacyConditions.filter(request, "ScanFilter");
    }
    expressions.checkAllUsed();

    Table table = context.catalog().itemTable(request.string("TableName"));
    String indexName = request.string("IndexName");
    ReadSource source = ReadSource.of(table,
        context.read(table, indexName, Boolean.TRUE.equals(request.bool("ConsistentRead"))), indexName);
    ReadRequests.checkKeyPaths(table, filter, projection);
    ReadPage.Plan plan = ReadRequests.plan(request, source, filter, projection);

    long from = segment == null ? 0 : boundary(segment, totalSegments);
    long to = segment == null || segment + 1 == totalSegments ? 0 : boundary(segment + 1, totalSegments);
    // Reading from the start key checks it against the key schema before it is mapped to a segment.
    Iterator<StoredItem> candidates = source.hashRange(from, to, exclusiveStart);
    if (segment != null && exclusiveStart != null) {
      long hash = source.startHash(exclusiveStart);
      if (Long.compareUnsigned(hash, from) < 0 || !ReadSource.hashBelow(hash, to)) {
        throw DynamoException.validation("The provided Exclusive start key does not map to the provided segment");
      }
    }
    dev.dynamodouble.core.insights.KeyAccess access = dev.dynamodouble.core.insights.KeyAccess.of(context.call());
    // Contributor Insights counts every item a Scan reads (it reads each one it is handed)
    if (access != null && access.counts(table, indexName)) {
      Iterator<StoredItem> read = candidates;
      candidates = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return read.hasNext();
        }

        @Override
        public StoredItem next() {
          StoredItem item = read.next();
          access.read(table, indexName, item);
          return item;
        }
      };
    }
    ReadPage page = ReadPage.read(plan, candidates, item -> true, item -> false);
    CapacityCharge.record(context.call(), table, null, page.capacity());
    return page;
  }

  /** The first hash of segment {@code i} of {@code n}: floor(i * 2^64 / n). */
  static long boundary(int i, int n) {
    return HASH_SPACE.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n)).longValue();
  }
}
