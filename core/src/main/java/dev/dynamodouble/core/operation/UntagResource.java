package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import java.util.List;

/** UntagResource: removes tags of a table by key (absent keys are ignored). */
public final class UntagResource implements Operation {
  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    List<String> keys = request.strings("TagKeys");
    new Constraints().notNull(keys, "tagKeys").check();
    context.engine().write(() -> {
      Table table = TaggedTables.find(context, request.string("ResourceArn"));
      keys.forEach(table.tags()::remove);
    });
    return JsonWritable.NONE;
  }
}
