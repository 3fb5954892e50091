package dev.dynamodouble.core.kinesis;

import java.time.Instant;

/**
 * One record put into a destination stream: what a Kinesis consumer would read.
 *
 * @param streamArn the destination stream
 * @param partitionKey the Kinesis partition key (derived from the item's primary key)
 * @param sequenceNumber the record's position in the stream (digits, increasing)
 * @param approximateArrivalTimestamp when the record arrived, on the engine clock
 * @param data the record's data: the change as DynamoDB writes it to Kinesis (JSON text)
 */
public record KinesisRecord(String streamArn, String partitionKey, String sequenceNumber,
                            Instant approximateArrivalTimestamp, String data) {}
