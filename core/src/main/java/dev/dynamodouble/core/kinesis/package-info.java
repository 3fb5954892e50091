/**
 * Kinesis Data Streams for DynamoDB: a table's change data captured into a Kinesis data stream.
 * There is no Kinesis here, so each destination stream is an in-JVM sink a test reads
 * ({@link dev.dynamodouble.core.kinesis.KinesisDestinations#records}); the records are fed from the
 * engine's change feed, shaped as DynamoDB writes them to Kinesis.
 */
package dev.dynamodouble.core.kinesis;
