package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.stream.TableStream;
import java.util.List;

/** ListStreams (DynamoDB Streams): the region's readable streams, optionally of one table, paged. */
public final class ListStreams implements Operation {
  private static final int MAX_LIMIT = 100;

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableName = request.string("TableName");
    Integer limit = request.intValue("Limit");
    String start = request.string("ExclusiveStartStreamArn");
    new Constraints().name(tableName, "tableName").min(limit, 1, "limit").max(limit, MAX_LIMIT, "limit")
        .minLength(start, 37, "exclusiveStartStreamArn").maxLength(start, 1024, "exclusiveStartStreamArn").check();
    List<TableStream> streams = context.engine().streams().list(context.region(), tableName, start);
    int max = limit == null ? MAX_LIMIT : limit;
    List<TableStream> page = streams.subList(0, Math.min(max, streams.size()));
    return out -> {
      out.writeStartObject();
      if (streams.size() > page.size()) {
        out.writeStringField("LastEvaluatedStreamArn", page.get(page.size() - 1).arn());
      }
      out.writeArrayFieldStart("Streams");
      for (TableStream stream : page) {
        out.writeStartObject();
        out.writeStringField("StreamArn", stream.arn());
        out.writeStringField("StreamLabel", stream.label());
        out.writeStringField("TableName", stream.table().name());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    };
  }
}
