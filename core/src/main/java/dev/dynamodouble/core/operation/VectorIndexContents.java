package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Projection;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a vector index holds, read from the table's items (Dynamo Double keeps no copy): an item is
 * in the index when it has a vector of the index's dimensions and, when the search schema has a
 * HASH element, that attribute; what of it the index holds follows the projection.
 */
final class VectorIndexContents {
  private VectorIndexContents() {}

  /** The item's vector as 32-bit floats (the precision the index stores), or null when the item is not indexed. */
  static float[] vector(VectorIndexDefinition index, Map<String, AttributeValue> item) {
    return indexed(index, item) ? floats(((AttributeValue.L) item.get(index.vectorAttribute())).value()) : null;
  }

  /**
   * Whether the index holds the item: it has the HASH search attribute, when the schema has one,
   * and a list of numbers of the index's dimensions.
   */
  static boolean indexed(VectorIndexDefinition index, Map<String, AttributeValue> item) {
    String hash = index.hashAttribute();
    if (hash != null && !item.containsKey(hash)) {
      return false;
    }
    if (!(item.get(index.vectorAttribute()) instanceof AttributeValue.L list)
        || list.value().size() != index.dimensions()) {
      return false;
    }
    for (AttributeValue element : list.value()) {
      if (!(element instanceof AttributeValue.N)) {
        return false;
      }
    }
    return true;
  }

  /** Numbers as 32-bit floats, or null when one of the values is not a number. */
  static float[] floats(List<AttributeValue> values) {
    float[] floats = new float[values.size()];
    for (int i = 0; i < floats.length; i++) {
      if (!(values.get(i) instanceof AttributeValue.N n)) {
        return null;
      }
      floats[i] = n.decimal().floatValue();
    }
    return floats;
  }

  /** The attributes of {@code item} the index holds: all, or the table key, the search schema and any INCLUDE'd. */
  static Map<String, AttributeValue> projected(Table table, VectorIndexDefinition index,
                                              Map<String, AttributeValue> item) {
    if (index.projection().type() == Projection.ProjectionType.ALL) {
      return item;
    }
    Map<String, AttributeValue> kept = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      String name = e.getKey();
      boolean key = table.keySchema().attributeNames().contains(name)
          || index.searchSchema().stream().anyMatch(k -> k.attributeName().equals(name))
          || index.projection().nonKeyAttributes().contains(name);
      if (key) {
        kept.put(name, e.getValue());
      }
    }
    return kept;
  }

  /** The members of an index's definition (a VectorIndexDescription's, or a backup's VectorIndexInfo). */
  static void writeDefinition(JsonGenerator out, VectorIndexDefinition index) throws IOException {
    out.writeStringField("IndexName", index.name());
    if (!index.searchSchema().isEmpty()) {
      out.writeArrayFieldStart("SearchSchema");
      for (VectorIndexDefinition.SearchKey key : index.searchSchema()) {
        out.writeStartObject();
        out.writeStringField("AttributeName", key.attributeName());
        out.writeStringField("SearchSchemaElementType", key.hash() ? "HASH" : "INLINE_FILTER");
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    TableDescriptions.writeProjection(out, index.projection());
    out.writeObjectFieldStart("VectorAttribute");
    out.writeStringField("AttributeName", index.vectorAttribute());
    out.writeEndObject();
    out.writeNumberField("Dimensions", index.dimensions());
    out.writeStringField("DistanceFunction", index.distance().name());
  }

  /** Writes {@code "VectorIndexes": [VectorIndexDescription...]} when the table has any. */
  static void describe(JsonGenerator out, Table table, TableStatus tableStatus, List<VectorIndexDefinition> indexes,
                       TableData data, boolean createResponse) throws IOException {
    if (indexes.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart("VectorIndexes");
    for (VectorIndexDefinition index : indexes) {
      out.writeStartObject();
      writeDefinition(out, index);
      IndexDefinition.IndexStatus status = createResponse ? IndexDefinition.IndexStatus.CREATING : index.status();
      out.writeStringField("IndexStatus", status.name());
      if (index.isCreatingOnline(tableStatus)) { // as a global index's: false while it allocates, then true
        out.writeBooleanField("Backfilling", index.backfilling());
      }
      long count = 0;
      long bytes = 0;
      if (status != IndexDefinition.IndexStatus.CREATING || index.backfilling()) {
        for (Map.Entry<?, StoredItem> entry : data.items()) {
          StoredItem item = entry.getValue();
          if (indexed(index, item.attributes())) {
            count++;
            bytes += ItemSize.of(projected(table, index, item.attributes()));
          }
        }
      }
      out.writeNumberField("IndexSizeBytes", bytes);
      out.writeNumberField("ItemCount", count);
      out.writeStringField("IndexArn", table.arn() + "/index/" + index.name());
      out.writeEndObject();
    }
    out.writeEndArray();
  }
}
