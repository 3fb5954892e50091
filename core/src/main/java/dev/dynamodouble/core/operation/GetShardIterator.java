package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.stream.ShardIterator;
import dev.dynamodouble.core.stream.StreamReads;
import dev.dynamodouble.core.stream.TableStream;
import java.time.Instant;

/**
 * GetShardIterator (DynamoDB Streams): TRIM_HORIZON, LATEST, AT_ and AFTER_SEQUENCE_NUMBER, and
 * AT_TIMESTAMP (the first record whose ApproximateCreationDateTime is at or after Timestamp).
 */
public final class GetShardIterator implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String arn = request.string("StreamArn");
    String shardId = request.string("ShardId");
    String type = request.string("ShardIteratorType");
    String sequence = request.string("SequenceNumber");
    Instant timestamp = Timestamps.read(request, "Timestamp");
    new Constraints().notNull(arn, "streamArn").minLength(arn, 37, "streamArn").maxLength(arn, 1024, "streamArn")
        .notNull(shardId, "shardId").minLength(shardId, 28, "shardId").maxLength(shardId, 65, "shardId")
        .notNull(type, "shardIteratorType")
        .oneOf(type, "shardIteratorType", "TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER",
            "AT_TIMESTAMP")
        .minLength(sequence, 21, "sequenceNumber").maxLength(sequence, 40, "sequenceNumber").check();
    TableStream stream = context.engine().streams().stream(arn);
    ShardIterator iterator = StreamReads.iterator(stream, shardId, type, sequence, timestamp, context.now());
    return out -> {
      out.writeStartObject();
      out.writeStringField("ShardIterator", iterator.encode());
      out.writeEndObject();
    };
  }
}
