package dev.dynamodouble.junit5;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.junit5.internal.SdkValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A live view of the tables of one endpoint and region, read straight from the engine (no
 * request, no capacity consumed, whatever operations the engine serves). Injectable; or
 * {@link #of(DynamoDouble)} without the extension.
 */
public final class DynamoTables {
  private final DynamoDouble dynamo;
  private final String region;

  private DynamoTables(DynamoDouble dynamo, String region) {
    this.dynamo = dynamo;
    this.region = region;
  }

  /** The tables of {@code us-east-1}. */
  public static DynamoTables of(DynamoDouble dynamo) {
    return of(dynamo, "us-east-1");
  }

  public static DynamoTables of(DynamoDouble dynamo, String region) {
    return new DynamoTables(dynamo, region);
  }

  public String region() {
    return region;
  }

  /** The names of the tables, in order. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Table table : catalog().tables()) {
      names.add(table.name());
    }
    return names;
  }

  /** The items of table {@code name} now. */
  public TableContents table(String name) {
    Table table = catalog().find(name);
    if (table == null) {
      throw new IllegalArgumentException("no table \"" + name + "\" in " + region + "; the tables are " + names());
    }
    return contents(table, table.snapshot());
  }

  /** The item of {@code table} with this primary key, if any. */
  public Optional<Map<String, AttributeValue>> item(String table, Map<String, AttributeValue> key) {
    return table(table).item(key);
  }

  private Catalog catalog() {
    return dynamo.engine().region(region);
  }

  static TableContents contents(Table table, TableData data) {
    List<Map<String, AttributeValue>> items = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, data.itemCount()));
    for (Map.Entry<?, StoredItem> entry : data.items()) {
      items.add(SdkValues.item(entry.getValue().attributes()));
    }
    String sortKey = table.keySchema().sort() == null ? null : table.keySchema().sort().name();
    return TableContents.of(table.name(), table.keySchema().partition().name(), sortKey, items);
  }
}
