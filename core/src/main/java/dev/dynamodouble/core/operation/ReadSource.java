package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.storage.PersistentSortedMap;
import dev.dynamodouble.core.table.IndexData;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.IndexKey;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What a Query or Scan reads from one snapshot: the table's items or one index's entries, walked
 * in key order (by partition hash, then partition, then sort key) from a seek position.
 */
abstract class ReadSource {
  final Table table;
  final TableData data;

  ReadSource(Table table, TableData data) {
    this.table = table;
    this.data = data;
  }

  static ReadSource of(Table table, TableData data, String indexName) {
    if (indexName == null) {
      return new TableSource(table, data);
    }
    IndexDefinition definition = table.index(indexName);
    IndexData index = data.index(indexName);
    if (definition == null || index == null || definition.status() == IndexDefinition.IndexStatus.DELETING) {
      throw DynamoException.validation("The table does not have the specified index: " + indexName);
    }
    // The service's one known answer for a global index being created, whichever its phase (no
    // other is documented or observed for its resource allocation, unlike a vector index's: see
    // SearchVectors.notSearchable): users match on it to retry.
    if (definition.status() == IndexDefinition.IndexStatus.CREATING) {
      throw DynamoException.validation("Cannot read from backfilling global secondary index: " + indexName);
    }
    return new IndexSource(table, data, definition, index);
  }

  /** The key schema a key condition applies to (the table's or the index's). */
  abstract KeySchema keySchema();

  /** The index read, or null for the table. */
  abstract IndexDefinition index();

  /** The attributes of a LastEvaluatedKey: the table's keys, then the index's. */
  List<KeyAttribute> lastKeyAttributes() {
    List<KeyAttribute> attributes = new ArrayList<>(table.keySchema().attributes());
    if (index() != null) {
      for (KeyAttribute a : index().keySchema().attributes()) {
        if (attributes.stream().noneMatch(b -> b.name().equals(a.name()))) {
          attributes.add(a);
        }
      }
    }
    return attributes;
  }

  /** The items of partition {@code partition} from a sort key on (null: its first/last), or after a start key. */
  abstract Iterator<StoredItem> partition(AttributeValue partition, AttributeValue seekSort, boolean forward,
                                          Map<String, AttributeValue> exclusiveStart);

  /** Every item whose partition hash is in [{@code from}, {@code to}) ({@code to} 0: to the end). */
  abstract Iterator<StoredItem> hashRange(long from, long to, Map<String, AttributeValue> exclusiveStart);

  /** The hash of an exclusive start key's partition (to check it belongs to a scan segment). */
  long startHash(Map<String, AttributeValue> exclusiveStart) {
    return ItemKey.hashOf(KeySchema.composite(keySchema().partitions(), exclusiveStart));
  }

  static DynamoException invalidStartKey() {
    return DynamoException.validation("The provided starting key is invalid: The provided key element does not match the schema");
  }

  /** Reads the table's part of an exclusive start key. */
  ItemKey tableStartKey(Map<String, AttributeValue> start) {
    Map<String, AttributeValue> tableKey = new java.util.HashMap<>();
    for (KeyAttribute a : table.keySchema().attributes()) {
      AttributeValue v = start.get(a.name());
      if (v == null) {
        throw invalidStartKey();
      }
      tableKey.put(a.name(), v);
    }
    for (String name : start.keySet()) {
      if (lastKeyAttributes().stream().noneMatch(a -> a.name().equals(name))) {
        throw invalidStartKey();
      }
    }
    try {
      return table.keySchema().keyOfKey(tableKey);
    } catch (DynamoException e) {
      throw invalidStartKey();
    }
  }

  /** Walks a map's entries while they satisfy a bound, yielding the items. */
  static <K> Iterator<StoredItem> values(Iterator<Map.Entry<K, StoredItem>> entries, java.util.function.Predicate<K> within) {
    return new Iterator<>() {
      StoredItem next = advance();

      private StoredItem advance() {
        if (entries.hasNext()) {
          Map.Entry<K, StoredItem> e = entries.next();
          if (within.test(e.getKey())) {
            return e.getValue();
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public StoredItem next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        StoredItem current = next;
        next = advance();
        return current;
      }
    };
  }

  static boolean hashBelow(long hash, long to) {
    return to == 0 || Long.compareUnsigned(hash, to) < 0;
  }

  /** The table's own items. */
  static final class TableSource extends ReadSource {
    TableSource(Table table, TableData data) {
      super(table, data);
    }

    @Override
    KeySchema keySchema() {
      return table.keySchema();
    }

    @Override
    IndexDefinition index() {
      return null;
    }

    @Override
    Iterator<StoredItem> partition(AttributeValue partition, AttributeValue seekSort, boolean forward,
                                   Map<String, AttributeValue> exclusiveStart) {
      PersistentSortedMap<ItemKey, StoredItem> items = data.items();
      ItemKey from;
      boolean inclusive = true;
      if (exclusiveStart != null) {
        from = tableStartKey(exclusiveStart);
        if (!from.partition().equals(partition)) {
          throw DynamoException.validation("The provided starting key is outside query boundaries based on provided conditions");
        }
        inclusive = false;
      } else {
        from = ItemKey.of(partition, seekSort != null ? seekSort : forward ? null : ItemKey.END_OF_PARTITION);
      }
      long hash = from.hash();
      Iterator<Map.Entry<ItemKey, StoredItem>> entries = forward ? items.ascending(from, inclusive) : items.descending(from, inclusive);
      return values(entries, k -> k.hash() == hash && k.partition().equals(partition));
    }

    @Override
    Iterator<StoredItem> hashRange(long from, long to, Map<String, AttributeValue> exclusiveStart) {
      Iterator<Map.Entry<ItemKey, StoredItem>> entries = exclusiveStart != null
          ? data.items().ascending(tableStartKey(exclusiveStart), false)
          : data.items().ascending(ItemKey.atHash(from), true);
      return values(entries, k -> hashBelow(k.hash(), to));
    }
  }

  /** A secondary index's projected entries. */
  static final class IndexSource extends ReadSource {
    private final IndexDefinition definition;
    private final IndexData index;

    IndexSource(Table table, TableData data, IndexDefinition definition, IndexData index) {
      super(table, data);
      this.definition = definition;
      this.index = index;
    }

    @Override
    KeySchema keySchema() {
      return definition.keySchema();
    }

    @Override
    IndexDefinition index() {
      return definition;
    }

    private IndexKey startKey(Map<String, AttributeValue> start) {
      ItemKey tableKey = tableStartKey(start);
      KeySchema schema = definition.keySchema();
      for (KeyAttribute key : schema.attributes()) {
        AttributeValue value = start.get(key.name());
        if (value == null || value.type() != key.type()) {
          throw invalidStartKey();
        }
      }
      return IndexKey.of(KeySchema.composite(schema.partitions(), start), KeySchema.composite(schema.sorts(), start),
          tableKey);
    }

    @Override
    Iterator<StoredItem> partition(AttributeValue partition, AttributeValue seekSort, boolean forward,
                                   Map<String, AttributeValue> exclusiveStart) {
      IndexKey from;
      boolean inclusive = true;
      if (exclusiveStart != null) {
        from = startKey(exclusiveStart);
        if (!from.partition().equals(partition)) {
          throw DynamoException.validation("The provided starting key is outside query boundaries based on provided conditions");
        }
        inclusive = false;
      } else if (forward) {
        from = IndexKey.of(partition, seekSort, null);
      } else {
        from = IndexKey.of(partition, seekSort != null ? seekSort : ItemKey.END_OF_PARTITION, ItemKey.HIGHEST);
      }
      long hash = from.hash();
      Iterator<Map.Entry<IndexKey, StoredItem>> entries = forward
          ? index.entries().ascending(from, inclusive) : index.entries().descending(from, inclusive);
      return values(entries, k -> k.hash() == hash && k.partition().equals(partition));
    }

    @Override
    Iterator<StoredItem> hashRange(long from, long to, Map<String, AttributeValue> exclusiveStart) {
      Iterator<Map.Entry<IndexKey, StoredItem>> entries = exclusiveStart != null
          ? index.entries().ascending(startKey(exclusiveStart), false)
          : index.entries().ascending(IndexKey.atHash(from), true);
      return values(entries, k -> hashBelow(k.hash(), to));
    }
  }
}
