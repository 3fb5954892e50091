package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.kinesis.KinesisDestination;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** UpdateKinesisStreamingDestination: changes the precision of the records' creation times. */
public final class UpdateKinesisStreamingDestination implements Operation {
  private static final String CONFIGURATION = "UpdateKinesisStreamingConfiguration";

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    KinesisDestinationRequest target = KinesisDestinationRequest.read(context, request, CONFIGURATION);
    if (target.precision() == null) {
      throw DynamoException.validation("Invalid Request: UpdateKinesisStreamingConfiguration with an "
          + "ApproximateCreationDateTimePrecision is required");
    }
    KinesisDestination updating = context.engine().kinesis().update(target.table(), target.streamArn(),
        target.precision());
    return KinesisDestinationRequest.response(target.table(), updating, CONFIGURATION);
  }
}
