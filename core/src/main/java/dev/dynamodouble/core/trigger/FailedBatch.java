package dev.dynamodouble.core.trigger;

import dev.dynamodouble.core.stream.StreamRecord;
import java.time.Instant;
import java.util.List;

/**
 * What a trigger's on-failure destination receives for a batch it gave up on, like Lambda's
 * invocation record for a stream source (plus the records themselves, for the test).
 *
 * @param condition {@code RetryAttemptsExhausted} or {@code RecordAgeExceeded}
 * @param approximateInvokeCount how many times the batch was invoked
 * @param shardId the shard the records came from
 * @param startSequenceNumber the first record's sequence number
 * @param endSequenceNumber the last record's sequence number
 * @param approximateArrivalOfFirstRecord when the first record was written
 * @param approximateArrivalOfLastRecord when the last record was written
 * @param streamArn the stream
 * @param errorMessage the last invocation's error, or null when the records aged out
 * @param records the discarded records
 */
public record FailedBatch(String condition, int approximateInvokeCount, String shardId, String startSequenceNumber,
                          String endSequenceNumber, Instant approximateArrivalOfFirstRecord,
                          Instant approximateArrivalOfLastRecord, String streamArn, String errorMessage,
                          List<StreamRecord> records) {
  public int batchSize() {
    return records.size();
  }
}
