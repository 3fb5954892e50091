package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks every item to be stored must pass: its size and its index key attributes. */
public final class ItemValidation {
  /** An item (or AttributesToGet) naming an attribute "" (DynamoDB Local 3.3's wording). */
  static final String EMPTY_NAME = "Empty attribute name";

  private ItemValidation() {}

  /**
   * An item ready to store, its primary key, and the table's global secondary indexes it was
   * checked against (the list itself: the table replaces it whenever an index changes).
   */
  public record Keyed(ItemKey key, StoredItem item, List<IndexDefinition> checkedIndexes) {
    /** As {@link ItemValidation#recheck}. */
    public void recheck(Table table) {
      ItemValidation.recheck(table, checkedIndexes, item);
    }
  }

  /** Validates a complete item for {@code table} and wraps it for storage. */
  public static StoredItem storable(Table table, Map<String, AttributeValue> attributes) {
    return keyed(table, attributes).item();
  }

  /** As {@link #storable}, with the item's primary key, taken out once by the same checks. */
  public static Keyed keyed(Table table, Map<String, AttributeValue> attributes) {
    if (attributes.containsKey("")) {
      throw DynamoException.validation(EMPTY_NAME);
    }
    StoredItem item = StoredItem.of(attributes);
    if (item.size() > ItemSize.MAX_ITEM_BYTES) {
      throw DynamoException.validation("Item size has exceeded the maximum allowed size");
    }
    ItemKey key = table.keySchema().keyOfItem(attributes);
    for (IndexDefinition index : table.localIndexes()) {
      checkIndexKeys(index, attributes);
    }
    List<IndexDefinition> globalIndexes = table.globalIndexes();
    checkGlobalIndexKeys(globalIndexes, table.status(), attributes);
    for (var index : table.vectorIndexes()) {
      checkVector(index, table.attributeDefinitions(), attributes);
    }
    return new Keyed(key, item, globalIndexes);
  }

  /**
   * Checks {@code item} again, under the engine's lock, against the table's global secondary
   * indexes if they are no longer {@code checked}, those it was validated against before the lock
   * was taken: the phase of an index at the write's commit decides. An index whose creation ended
   * in between (ACTIVE now) refuses an item that violates its keys, as it would had the write come
   * later; one added in between is being created, so it accepts the item and leaves it out (as the
   * first check would have). A table's local indexes never change. A table that turns ACTIVE from
   * CREATING replaces its index list too (its indexes turn ACTIVE with it). While the indexes stay
   * the same (the common case) it costs one read and one comparison. A table with vector indexes
   * has its item's vectors checked again (a vector index may have been added too; such tables are
   * few, and the check is a pass over the vector).
   */
  public static void recheck(Table table, List<IndexDefinition> checked, StoredItem item) {
    List<IndexDefinition> now = table.globalIndexes();
    if (now != checked) {
      checkGlobalIndexKeys(now, table.status(), item.attributes());
    }
    for (var index : table.vectorIndexes()) {
      checkVector(index, table.attributeDefinitions(), item.attributes());
    }
  }

  /**
   * An item that violates the keys of a global index being added to its table ({@code tableStatus})
   * is accepted, while the index allocates its resources as while it backfills: it stays in the
   * table and is not in the index (its entry is computed as the backfill's is, see IndexData). Once
   * the index is ACTIVE, its backfill phase complete, such writes are refused ("Detecting and
   * correcting index key violations"). An index being deleted holds no items any more (nor does one
   * whose creation a delete cancelled): it refuses nothing. An index created with its table checks
   * every write.
   */
  private static void checkGlobalIndexKeys(List<IndexDefinition> indexes, TableStatus tableStatus,
                                           Map<String, AttributeValue> item) {
    for (IndexDefinition index : indexes) {
      if (!index.isCreatingOnline(tableStatus) && index.status() != IndexDefinition.IndexStatus.DELETING) {
        checkIndexKeys(index, item);
      }
    }
  }

  private static void checkIndexKeys(IndexDefinition index, Map<String, AttributeValue> item) {
    for (KeyAttribute key : index.keySchema().attributes()) {
      AttributeValue value = item.get(key.name());
      if (value == null) {
        continue; // sparse: the item is simply not in the index
      }
      if (value.type() != key.type()) {
        throw typeMismatch(key.name(), key.type(), value.type(), index.name());
      }
      boolean emptyString = value instanceof AttributeValue.S s && s.value().isEmpty();
      boolean emptyBinary = value instanceof AttributeValue.B b && b.bytes().length == 0;
      if (emptyString || emptyBinary) {
        throw DynamoException.validation("One or more parameter values are not valid. A value specified for a "
            + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
            + (emptyString ? "string" : "binary") + " value. IndexName: " + index.name() + ", IndexKey: " + key.name());
      }
      long bytes = KeySchema.keyBytes(value);
      int max = index.keySchema().partitions().contains(key) ? KeySchema.MAX_PARTITION_KEY_BYTES : KeySchema.MAX_SORT_KEY_BYTES;
      if (bytes > max) {
        throw DynamoException.invalidParameter("Size limit exceeded for Index Key " + key.name() + " Actual Size: "
            + bytes + " bytes Max Size: " + max + " bytes IndexName: " + index.name());
      }
    }
    if (index.keySchema().multiAttribute()) {
      checkAggregateSize(index, index.keySchema().partitions(), item, "HASH", KeySchema.MAX_PARTITION_KEY_BYTES);
      checkAggregateSize(index, index.keySchema().sorts(), item, "RANGE", KeySchema.MAX_SORT_KEY_BYTES);
    }
  }

  /**
   * A vector index's attribute, when present, must be a list of numbers of the index's dimensions
   * ("Write rejected", the developer guide's troubleshooting page): the write is refused, never
   * stored unindexed. The messages are Dynamo Double's own; the service's are not documented.
   * Its search schema attributes are declared in AttributeDefinitions "the same way key attributes
   * are declared for a global secondary index" (same page), so a value of another type is refused
   * as a global secondary index's key is.
   */
  private static void checkVector(VectorIndexDefinition index,
                                  List<KeyAttribute> definitions, Map<String, AttributeValue> item) {
    if (index.status() == IndexDefinition.IndexStatus.DELETING) {
      return;
    }
    for (var key : index.searchSchema()) {
      AttributeValue value = item.get(key.attributeName());
      if (value != null) {
        for (KeyAttribute definition : definitions) {
          if (definition.name().equals(key.attributeName()) && definition.type() != value.type()) {
            throw typeMismatch(key.attributeName(), definition.type(), value.type(), index.name());
          }
        }
      }
    }
    AttributeValue value = item.get(index.vectorAttribute());
    if (value == null) {
      return; // sparse: the item is simply not in the index
    }
    if (!(value instanceof AttributeValue.L list)) {
      throw DynamoException.invalidParameter("Invalid parameter type for vector attribute " + index.vectorAttribute()
          + ": expected a list (L) of numbers (N), got " + value.type() + ". IndexName: " + index.name());
    }
    for (int i = 0; i < list.value().size(); i++) {
      if (!(list.value().get(i) instanceof AttributeValue.N)) {
        throw DynamoException.invalidParameter("Invalid parameter type for vector attribute "
            + index.vectorAttribute() + "[" + i + "]: expected a number (N), got " + list.value().get(i).type()
            + ". IndexName: " + index.name());
      }
    }
    if (list.value().size() != index.dimensions()) {
      throw DynamoException.invalidParameter("Vector dimensions mismatch for vector attribute "
          + index.vectorAttribute() + ": expected " + index.dimensions() + ", got " + list.value().size()
          + ". IndexName: " + index.name());
    }
  }

  private static DynamoException typeMismatch(String attribute, Object expected, Object actual, String indexName) {
    return DynamoException.invalidParameter("Type mismatch for Index Key " + attribute + " Expected: " + expected
        + " Actual: " + actual + " IndexName: " + indexName);
  }

  /** A multi-attribute key part's values together are within the part's limit (DynamoDB Local 3.3's wording). */
  private static void checkAggregateSize(IndexDefinition index, List<KeyAttribute> keys, Map<String, AttributeValue> item,
                                         String keyType, int max) {
    long total = 0;
    List<String> names = new ArrayList<>();
    for (KeyAttribute key : keys) {
      names.add(key.name());
      AttributeValue value = item.get(key.name());
      total += value == null ? 0 : ItemSize.of(value); // numbers count here, as their stored size
    }
    if (total > max) {
      throw DynamoException.validation("Aggregate size for " + keyType + " key attributes " + String.join(", ", names) + " of index "
          + index.name() + " has exceeded limit " + max + " bytes, with actual size " + total + " bytes");
    }
  }
}
