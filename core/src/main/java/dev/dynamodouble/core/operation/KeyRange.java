package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.KeyCondition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.KeyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a Query reads: one partition value and the range of sort values its key condition allows.
 * For a multi-attribute key the partition value is the list of the partition attributes' values and
 * the sort value the list of the sort attributes' values, ordered element by element; the range's
 * bounds are then lists too: the equality prefix, then the last condition's value, then (for an
 * inclusive upper or exclusive lower bound) a NULL that sorts after every key value.
 */
final class KeyRange {
  /** Sorts after every S, N and B value in a multi-attribute bound (NULL is never a key value). */
  private static final AttributeValue AFTER = new AttributeValue.Null();

  private final AttributeValue partition;
  private final List<KeyAttribute> sortAttributes;
  private final List<KeyCondition.Part> sortParts; // in key order; all but the last are equalities
  private final AttributeValue low;
  private final AttributeValue high;

  private KeyRange(AttributeValue partition, List<KeyAttribute> sortAttributes, List<KeyCondition.Part> sortParts,
                   AttributeValue low, AttributeValue high) {
    this.partition = partition;
    this.sortAttributes = sortAttributes;
    this.sortParts = sortParts;
    this.low = low;
    this.high = high;
  }

  /** Binds a key condition to the key schema of the table or index read ({@code indexName} null: the table). */
  static KeyRange of(KeyCondition condition, KeySchema schema, String indexName) {
    List<KeyCondition.Part> parts;
    if (schema.multiAttribute()) {
      parts = condition.bindMultiAttribute(names(schema.partitions()), types(schema.partitions()),
          names(schema.sorts()), types(schema.sorts()));
    } else {
      KeyCondition.Bound bound = condition.bind(schema.partition().name(), schema.partition().type(),
          schema.sort() == null ? null : schema.sort().name(), schema.sort() == null ? null : schema.sort().type());
      parts = new ArrayList<>();
      parts.add(new KeyCondition.Part(bound.partitionKey(), KeyCondition.Operator.EQ, List.of(bound.partitionValue())));
      if (bound.sortCondition() != null) {
        parts.add(bound.sortCondition());
      }
    }
    for (KeyCondition.Part part : parts) {
      for (AttributeValue value : part.values()) {
        requireNonEmpty(value, part.attributeName(), indexName);
      }
    }
    int partitions = schema.partitions().size();
    List<AttributeValue> partitionValues = new ArrayList<>();
    for (KeyCondition.Part part : parts.subList(0, partitions)) {
      partitionValues.add(part.values().get(0));
    }
    AttributeValue partition = partitions == 1 ? partitionValues.get(0) : new AttributeValue.L(partitionValues);
    List<KeyCondition.Part> sortParts = List.copyOf(parts.subList(partitions, parts.size()));
    if (sortParts.isEmpty()) {
      return new KeyRange(partition, schema.sorts(), sortParts, null, null);
    }
    KeyCondition.Part last = sortParts.get(sortParts.size() - 1);
    if (schema.sorts().size() == 1) {
      return new KeyRange(partition, schema.sorts(), sortParts, lowerBound(last), upperBound(last));
    }
    List<AttributeValue> prefix = new ArrayList<>();
    for (KeyCondition.Part equality : sortParts.subList(0, sortParts.size() - 1)) {
      prefix.add(equality.values().get(0));
    }
    AttributeValue low = lowerBound(last);
    AttributeValue high = upperBound(last);
    boolean exclusiveLow = last.operator() == KeyCondition.Operator.GT;
    boolean exclusiveHigh = last.operator() == KeyCondition.Operator.LT;
    return new KeyRange(partition, schema.sorts(), sortParts,
        low == null ? (prefix.isEmpty() ? null : tuple(prefix)) : exclusiveLow ? tuple(prefix, low, AFTER) : tuple(prefix, low),
        high == null ? tuple(prefix, AFTER) : exclusiveHigh ? tuple(prefix, high) : tuple(prefix, high, AFTER));
  }

  private static AttributeValue tuple(List<AttributeValue> prefix, AttributeValue... more) {
    List<AttributeValue> values = new ArrayList<>(prefix);
    values.addAll(List.of(more));
    return new AttributeValue.L(values);
  }

  /** The partition value to read. */
  AttributeValue partition() {
    return partition;
  }

  /** Where a walk starts: the low bound going forward, the high bound going backward (null: the partition's end). */
  AttributeValue seek(boolean forward) {
    return forward ? low : high;
  }

  /** Whether an item of the partition satisfies the sort-key conditions. */
  boolean matches(Map<String, AttributeValue> item) {
    for (KeyCondition.Part part : sortParts) {
      if (!part.matches(item.get(part.attributeName()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether an item outside the range lies before it in walk order (skip) rather than past it (stop). */
  boolean notYetReached(Map<String, AttributeValue> item, boolean forward) {
    AttributeValue sort = KeySchema.composite(sortAttributes, item);
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

  /** Key values are never empty, so a key condition on an empty string or binary is refused. */
  private static void requireNonEmpty(AttributeValue value, String keyName, String indexName) {
    boolean emptyString = value instanceof AttributeValue.S s && s.value().isEmpty();
    boolean emptyBinary = value instanceof AttributeValue.B b && b.bytes().length == 0;
    if (!emptyString && !emptyBinary) {
      return;
    }
    String kind = emptyString ? "string" : "binary";
    if (indexName == null) {
      throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a key "
          + "attribute cannot contain an empty " + kind + " value. Key: " + keyName);
    }
    throw DynamoException.validation("One or more parameter values are not valid. A value specified for a secondary "
        + "index key is not supported. The AttributeValue for a key attribute cannot contain an empty " + kind
        + " value. IndexName: " + indexName + ", IndexKey: " + keyName);
  }

  private static List<String> names(List<KeyAttribute> attributes) {
    return attributes.stream().map(KeyAttribute::name).toList();
  }

  private static List<AttributeType> types(List<KeyAttribute> attributes) {
    return attributes.stream().map(KeyAttribute::type).toList();
  }
}
