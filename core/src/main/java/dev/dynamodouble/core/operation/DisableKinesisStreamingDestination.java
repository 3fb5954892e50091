package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.kinesis.KinesisDestination;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** DisableKinesisStreamingDestination: the stream gets no more changes; the destination stays described. */
public final class DisableKinesisStreamingDestination implements Operation {
  private static final String CONFIGURATION = "EnableKinesisStreamingConfiguration";

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    KinesisDestinationRequest target = KinesisDestinationRequest.read(context, request, CONFIGURATION);
    KinesisDestination disabling = context.engine().kinesis().disable(target.table(), target.streamArn());
    return KinesisDestinationRequest.response(target.table(), disabling, CONFIGURATION);
  }
}
