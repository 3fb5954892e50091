package dev.dynamodouble.core.kinesis;

/**
 * One Kinesis data stream a table streams to.
 *
 * @param streamArn the Kinesis data stream's ARN
 * @param status where enabling, updating or disabling has got to
 * @param precision the unit of the records' ApproximateCreationDateTime
 */
public record KinesisDestination(String streamArn, DestinationStatus status, Precision precision) {
  KinesisDestination withStatus(DestinationStatus next) {
    return new KinesisDestination(streamArn, next, precision);
  }
}
