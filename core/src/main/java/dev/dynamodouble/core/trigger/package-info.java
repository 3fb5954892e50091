/**
 * Triggers: Lambda's event source mapping for DynamoDB streams, inside the JVM.
 *
 * <p>A {@link dev.dynamodouble.core.trigger.TriggerMapping} reads its table's stream like Lambda's
 * poller: shard by shard (a child after its parent), in lanes by partition key
 * (ParallelizationFactor), in batches (BatchSize, MaximumBatchingWindowInSeconds), keeping only the
 * records its FilterCriteria match. A failing batch blocks its lane and is retried on the engine
 * clock until it succeeds, runs out of retries (MaximumRetryAttempts) or ages out
 * (MaximumRecordAgeInSeconds, or the stream's retention); BisectBatchOnFunctionError splits it and
 * ReportBatchItemFailures lets the handler name the records that failed. Batches given up on go to
 * the mapping's failure destination.
 *
 * <p>Delivery never happens under the engine's write lock nor on a request thread: the stream only
 * tells the mapping that records arrived (under the lock), and the mapping schedules a clock
 * delivery. A manual clock runs deliveries on the thread that advances it, at their due time; the
 * system clock runs them on its delivery thread. So a handler can write back to DynamoDB through
 * an SDK client, and on a manual clock the test sees every effect when {@code advance} returns.
 *
 * <p>Core does not depend on the AWS Lambda libraries: handlers receive
 * {@link dev.dynamodouble.core.stream.StreamRecord}s; the JUnit extension adapts a real
 * {@code RequestHandler<DynamodbEvent, StreamsEventResponse>}.
 */
package dev.dynamodouble.core.trigger;
