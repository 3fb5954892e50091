package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import java.util.Map;
import java.util.TreeMap;

/** ListTagsOfResource: a table's tags, in key order (all in one page; a table has at most 50). */
public final class ListTagsOfResource implements Operation {
  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    Table table = TaggedTables.find(context, request.string("ResourceArn"));
    Map<String, String> tags = new TreeMap<>(table.tags());
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("Tags");
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        out.writeStartObject();
        out.writeStringField("Key", tag.getKey());
        out.writeStringField("Value", tag.getValue());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    };
  }
}
