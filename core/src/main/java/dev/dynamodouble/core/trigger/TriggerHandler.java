package dev.dynamodouble.core.trigger;

import dev.dynamodouble.core.stream.StreamRecord;
import java.util.List;

/**
 * The function a trigger invokes with each batch, like a Lambda function on a DynamoDB stream.
 * Throwing fails the whole batch. With {@link TriggerOptions#reportBatchItemFailures} the handler
 * may instead return the sequence numbers of the records that failed (Lambda's
 * {@code batchItemFailures[].itemIdentifier}); null or an empty list is success.
 */
@FunctionalInterface
public interface TriggerHandler {
  List<String> handle(List<StreamRecord> records) throws Exception;

  /** A handler that reports no item failures: it succeeds unless it throws. */
  static TriggerHandler of(RecordsConsumer consumer) {
    return records -> {
      consumer.accept(records);
      return List.of();
    };
  }

  /** A consumer of a batch that may throw. */
  @FunctionalInterface
  interface RecordsConsumer {
    void accept(List<StreamRecord> records) throws Exception;
  }
}
