package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.stream.ShardIterator;
import dev.dynamodouble.core.stream.StreamReads;
import dev.dynamodouble.core.stream.StreamRecord;
import dev.dynamodouble.core.stream.StreamRecordJson;
import dev.dynamodouble.core.stream.Streams;
import dev.dynamodouble.core.stream.TableStream;

/** GetRecords (DynamoDB Streams): up to 1,000 records or 1 MB from a shard iterator's position. */
public final class GetRecords implements Operation {
  private static final int MAX_LIMIT = 1000;
  private static final long MAX_BYTES = 1024 * 1024;

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String text = request.string("ShardIterator");
    Integer limit = request.intValue("Limit");
    new Constraints().notNull(text, "shardIterator").minLength(text, 1, "shardIterator")
        .maxLength(text, 2048, "shardIterator").min(limit, 1, "limit").max(limit, MAX_LIMIT, "limit").check();
    ShardIterator iterator = ShardIterator.decode(text);
    Streams streams = context.engine().streams();
    TableStream stream = streams.stream(iterator.streamArn());
    StreamReads.Page page = StreamReads.read(stream, iterator, limit == null ? MAX_LIMIT : limit, MAX_BYTES,
        streams.settings().iteratorLifetime(), context.now());
    return out -> {
      out.writeStartObject();
      if (page.next() != null) {
        out.writeStringField("NextShardIterator", page.next().encode());
      }
      out.writeArrayFieldStart("Records");
      for (StreamRecord record : page.records()) {
        StreamRecordJson.write(out, record);
      }
      out.writeEndArray();
      out.writeEndObject();
    };
  }
}
