package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.stream.SequenceNumbers;
import dev.dynamodouble.core.stream.Shard;
import dev.dynamodouble.core.stream.StreamStatus;
import dev.dynamodouble.core.stream.TableStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** DescribeStream (DynamoDB Streams): status, view type, key schema and the retained shards, paged. */
public final class DescribeStream implements Operation {
  private static final int MAX_LIMIT = 100;

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String arn = request.string("StreamArn");
    Integer limit = request.intValue("Limit");
    String start = request.string("ExclusiveStartShardId");
    JsonRequest filter = request.structure("ShardFilter");
    Constraints constraints = new Constraints().notNull(arn, "streamArn").minLength(arn, 37, "streamArn")
        .maxLength(arn, 1024, "streamArn").min(limit, 1, "limit").max(limit, MAX_LIMIT, "limit")
        .minLength(start, 28, "exclusiveStartShardId").maxLength(start, 65, "exclusiveStartShardId");
    if (filter != null) {
      constraints.oneOf(filter.string("Type"), "shardFilter.type", "CHILD_SHARDS");
    }
    constraints.check();
    if (filter != null && (filter.string("Type") == null || filter.string("ShardId") == null)) {
      throw DynamoException.validation("ShardFilter must specify both Type and ShardId");
    }
    TableStream stream = context.engine().streams().stream(arn);
    Instant now = context.now();
    List<Shard> shards = new ArrayList<>(stream.shards(now));
    if (filter != null) {
      String parent = filter.string("ShardId");
      shards.removeIf(shard -> !parent.equals(shard.parentId()));
    }
    int from = 0;
    if (start != null) {
      for (int i = 0; i < shards.size(); i++) {
        if (shards.get(i).id().equals(start)) {
          from = i + 1;
        }
      }
    }
    int max = limit == null ? MAX_LIMIT : limit;
    List<Shard> page = shards.subList(Math.min(from, shards.size()), Math.min(shards.size(), from + max));
    boolean more = from + page.size() < shards.size();
    StreamStatus status = stream.status(now, context.engine().streams().statusDelay());
    List<long[]> ranges = new ArrayList<>();
    for (Shard shard : page) {
      ranges.add(stream.read(shard, now, s -> new long[] {s.startSequence(), s.endSequence()}));
    }
    return out -> {
      out.writeStartObject();
      out.writeObjectFieldStart("StreamDescription");
      TableDescriptions.writeTime(out, "CreationRequestDateTime", stream.createdAt());
      TableDescriptions.writeKeySchema(out, stream.table().keySchema());
      if (more) {
        out.writeStringField("LastEvaluatedShardId", page.get(page.size() - 1).id());
      }
      out.writeArrayFieldStart("Shards");
      for (int i = 0; i < page.size(); i++) {
        Shard shard = page.get(i);
        out.writeStartObject();
        if (shard.parentId() != null) {
          out.writeStringField("ParentShardId", shard.parentId());
        }
        out.writeObjectFieldStart("SequenceNumberRange");
        if (ranges.get(i)[1] >= 0) {
          out.writeStringField("EndingSequenceNumber", SequenceNumbers.format(ranges.get(i)[1]));
        }
        out.writeStringField("StartingSequenceNumber", SequenceNumbers.format(ranges.get(i)[0]));
        out.writeEndObject();
        out.writeStringField("ShardId", shard.id());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeStringField("StreamArn", stream.arn());
      out.writeStringField("StreamLabel", stream.label());
      out.writeStringField("StreamStatus", status.name());
      out.writeStringField("StreamViewType", stream.viewType().name());
      out.writeStringField("TableName", stream.table().name());
      out.writeEndObject();
      out.writeEndObject();
    };
  }
}
