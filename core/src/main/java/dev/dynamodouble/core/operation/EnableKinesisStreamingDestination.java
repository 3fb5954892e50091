package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.kinesis.KinesisDestination;
import dev.dynamodouble.core.kinesis.Precision;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** EnableKinesisStreamingDestination: the table's changes go to the stream once it is ACTIVE. */
public final class EnableKinesisStreamingDestination implements Operation {
  private static final String CONFIGURATION = "EnableKinesisStreamingConfiguration";

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    KinesisDestinationRequest target = KinesisDestinationRequest.read(context, request, CONFIGURATION);
    Precision precision = target.precision() == null ? Precision.MICROSECOND : target.precision();
    KinesisDestination enabling = context.engine().kinesis().enable(target.table(), target.streamArn(), precision);
    return KinesisDestinationRequest.response(target.table(), enabling, CONFIGURATION);
  }
}
