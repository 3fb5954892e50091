package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.capacity.Capacity;
import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.expression.Projection;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One page of a Query or Scan, read as DynamoDB reads it: up to Limit items evaluated and up to
 * 1 MB of data read; the filter applies after that, so Count may be below ScannedCount and a
 * page may be empty yet carry a LastEvaluatedKey.
 */
final class ReadPage implements JsonWritable {
  /** DynamoDB stops a page once it has read this much data. */
  static final long MAX_PAGE_BYTES = 1024 * 1024;

  private final List<Map<String, AttributeValue>> items = new ArrayList<>();
  private int count;
  private int scanned;
  private long bytesRead;
  private Map<String, AttributeValue> lastEvaluatedKey;
  private boolean countOnly;
  private ConsumedCapacity capacity;
  private String capacityMode;

  /**
   * How to read one page; {@code tableAsNamed} is the table as the request named it (its name or
   * its ARN), which ConsumedCapacity answers.
   */
  record Plan(ReadSource source, Integer limit, Condition filter, Projection projection, String select,
              boolean consistent, String capacityMode, String tableAsNamed) {}

  /**
   * Reads from {@code candidates}. {@code inRange} decides, for an item that is not (yet) in the
   * key range, whether to skip it ({@code true}) or stop ({@code false}); items in range pass
   * {@code matches}.
   */
  static ReadPage read(Plan plan, Iterator<StoredItem> candidates, Predicate<Map<String, AttributeValue>> matches,
                       Predicate<Map<String, AttributeValue>> notYetReached) {
    ReadPage page = new ReadPage();
    page.countOnly = "COUNT".equals(plan.select());
    int limit = plan.limit() == null ? Integer.MAX_VALUE : plan.limit();
    StoredItem last = null;
    boolean stoppedEarly = false;
    boolean fetchFromTable = needsTableFetch(plan);
    long extraTableBytes = 0;
    while (candidates.hasNext()) {
      if (page.scanned >= limit || page.bytesRead >= MAX_PAGE_BYTES) {
        stoppedEarly = true;
        break;
      }
      StoredItem candidate = candidates.next();
      Map<String, AttributeValue> attributes = candidate.attributes(); // once: each call wraps the stored array anew
      if (!matches.test(attributes)) {
        if (notYetReached.test(attributes)) {
          continue;
        }
        break;
      }
      page.scanned++;
      page.bytesRead += candidate.size();
      last = candidate;
      Map<String, AttributeValue> full = attributes;
      if (fetchFromTable) {
        var tableKey = plan.source().table.keySchema();
        StoredItem fetched = plan.source().data.get(tableKey.keyOfKey(tableKey.keyMap(attributes)));
        if (fetched == null) {
          continue;
        }
        extraTableBytes += fetched.size();
        full = fetched.attributes();
      }
      if (plan.filter() != null && !plan.filter().test(full)) {
        continue;
      }
      page.count++;
      if (!page.countOnly) {
        page.items.add(plan.projection() == null ? full : plan.projection().apply(full));
      }
    }
    if (stoppedEarly && last != null) {
      page.lastEvaluatedKey = keyOf(plan.source(), last);
    } else if (!candidates.hasNext() && last != null && page.scanned >= limit) {
      page.lastEvaluatedKey = keyOf(plan.source(), last); // DynamoDB does not look ahead past Limit
    }
    page.capacityMode = plan.capacityMode();
    page.capacity = capacity(plan, page.bytesRead, extraTableBytes);
    return page;
  }

  /** What reading this page consumed. */
  ConsumedCapacity capacity() {
    return capacity;
  }

  /** An LSI read that asks for attributes outside the index's projection fetches the table item. */
  private static boolean needsTableFetch(Plan plan) {
    IndexDefinition index = plan.source().index();
    if (index == null || index.global() || index.projection().type() == dev.dynamodouble.core.table.Projection.ProjectionType.ALL) {
      return false;
    }
    if ("ALL_ATTRIBUTES".equals(plan.select())) {
      return true;
    }
    if (plan.projection() == null && plan.filter() == null) {
      return false;
    }
    java.util.Set<String> projected = new java.util.HashSet<>(index.projection().nonKeyAttributes());
    plan.source().lastKeyAttributes().forEach(a -> projected.add(a.name()));
    java.util.Set<String> wanted = new java.util.HashSet<>();
    if (plan.projection() != null) {
      wanted.addAll(plan.projection().topLevelNames());
    }
    if (plan.filter() != null) {
      wanted.addAll(plan.filter().topLevelNames());
    }
    return !projected.containsAll(wanted);
  }

  private static Map<String, AttributeValue> keyOf(ReadSource source, StoredItem item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (KeyAttribute attribute : source.lastKeyAttributes()) {
      AttributeValue value = item.attributes().get(attribute.name());
      if (value != null) {
        key.put(attribute.name(), value);
      }
    }
    return key;
  }

  private static ConsumedCapacity capacity(Plan plan, long bytes, long tableBytes) {
    ConsumedCapacity capacity = new ConsumedCapacity(plan.tableAsNamed());
    double units = Capacity.readUnits(bytes, plan.consistent());
    IndexDefinition index = plan.source().index();
    if (index == null) {
      capacity.addTableRead(units);
    } else {
      capacity.addIndex(index.name(), index.global(), units, 0);
      if (tableBytes > 0) {
        capacity.addTableRead(Capacity.readUnits(tableBytes, plan.consistent()));
      }
    }
    return capacity;
  }

  @Override
  public void write(JsonGenerator out) throws IOException {
    out.writeStartObject();
    if (!countOnly) {
      out.writeArrayFieldStart("Items");
      for (Map<String, AttributeValue> item : items) {
        AttributeValues.writeItem(out, item);
      }
      out.writeEndArray();
    }
    out.writeNumberField("Count", count);
    out.writeNumberField("ScannedCount", scanned);
    if (lastEvaluatedKey != null) {
      out.writeFieldName("LastEvaluatedKey");
      AttributeValues.writeItem(out, lastEvaluatedKey);
    }
    if (ConsumedCapacity.wanted(capacityMode)) {
      out.writeFieldName("ConsumedCapacity");
      capacity.write(out, capacityMode);
    }
    out.writeEndObject();
  }
}
