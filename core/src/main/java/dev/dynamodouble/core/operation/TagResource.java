package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** TagResource: adds or replaces tags of a table (at most 50 per table). */
public final class TagResource implements Operation {
  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    List<JsonRequest> tagList = request.structures("Tags");
    Constraints constraints = new Constraints().notNull(tagList, "tags");
    TableSpecReader.checkTagShapes(constraints, tagList);
    constraints.check();
    Map<String, String> tags = TableSpecReader.tags(tagList);
    context.engine().write(() -> {
      Table table = TaggedTables.find(context, request.string("ResourceArn"));
      Map<String, String> merged = new HashMap<>(table.tags());
      merged.putAll(tags);
      if (merged.size() > 50) {
        throw DynamoException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
      }
      table.tags().putAll(tags);
    });
    return JsonWritable.NONE;
  }
}
