package dev.dynamodouble.core.trigger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event-source-mapping settings that change how a trigger delivers, with Lambda's defaults and
 * limits for a DynamoDB stream source; an out-of-range value is refused with Lambda's constraint.
 * Immutable: each {@code with} method returns a copy.
 */
public final class TriggerOptions {
  private int batchSize = 100;
  private Duration maximumBatchingWindow = Duration.ZERO;
  private StartingPosition startingPosition = StartingPosition.LATEST;
  private List<EventFilter> filters = List.of();
  private int maximumRetryAttempts = -1;
  private boolean bisectBatchOnFunctionError;
  private int maximumRecordAgeInSeconds = -1;
  private boolean reportBatchItemFailures;
  private int parallelizationFactor = 1;
  private Duration retryDelay = Duration.ofSeconds(1);

  private TriggerOptions() {}

  public static TriggerOptions defaults() {
    return new TriggerOptions();
  }

  /** A copy with {@code change} applied: the options are immutable. */
  private TriggerOptions with(Consumer<TriggerOptions> change) {
    TriggerOptions c = new TriggerOptions();
    c.batchSize = batchSize;
    c.maximumBatchingWindow = maximumBatchingWindow;
    c.startingPosition = startingPosition;
    c.filters = filters;
    c.maximumRetryAttempts = maximumRetryAttempts;
    c.bisectBatchOnFunctionError = bisectBatchOnFunctionError;
    c.maximumRecordAgeInSeconds = maximumRecordAgeInSeconds;
    c.reportBatchItemFailures = reportBatchItemFailures;
    c.parallelizationFactor = parallelizationFactor;
    c.retryDelay = retryDelay;
    change.accept(c);
    return c;
  }

  /** Records per invocation at most: 1 to 10,000 (default 100). */
  public TriggerOptions batchSize(int size) {
    require(size >= 1 && size <= 10_000, "BatchSize", size, "between 1 and 10000");
    return with(c -> c.batchSize = size);
  }

  /** How long records are gathered before a batch that is not full is invoked: 0 to 300 seconds (default 0). */
  public TriggerOptions maximumBatchingWindowInSeconds(int seconds) {
    require(seconds >= 0 && seconds <= 300, "MaximumBatchingWindowInSeconds", seconds, "between 0 and 300");
    return with(c -> c.maximumBatchingWindow = Duration.ofSeconds(seconds));
  }

  /** TRIM_HORIZON or LATEST (the default). */
  public TriggerOptions startingPosition(StartingPosition position) {
    return with(c -> c.startingPosition = java.util.Objects.requireNonNull(position, "position"));
  }

  /** Up to five Lambda filter patterns (JSON); a record is delivered when any matches. */
  public TriggerOptions filterCriteria(String... patterns) {
    require(patterns.length <= 5, "FilterCriteria.Filters", patterns.length, "at most 5 filters");
    List<EventFilter> parsed = new ArrayList<>();
    for (String pattern : patterns) {
      parsed.add(EventFilter.parse(pattern));
    }
    return with(c -> c.filters = List.copyOf(parsed));
  }

  /** Retries of a failing batch: -1 (forever, until the records expire; the default) to 10,000. */
  public TriggerOptions maximumRetryAttempts(int attempts) {
    require(attempts >= -1 && attempts <= 10_000, "MaximumRetryAttempts", attempts, "between -1 and 10000");
    return with(c -> c.maximumRetryAttempts = attempts);
  }

  /** Split a failing batch in two and retry each half (splitting does not count as a retry). */
  public TriggerOptions bisectBatchOnFunctionError(boolean bisect) {
    return with(c -> c.bisectBatchOnFunctionError = bisect);
  }

  /** Records older than this are discarded instead of invoked: -1 (never; the default) or 60 to 604,800. */
  public TriggerOptions maximumRecordAgeInSeconds(int seconds) {
    require(seconds == -1 || seconds >= 60 && seconds <= 604_800, "MaximumRecordAgeInSeconds", seconds,
        "-1 or between 60 and 604800");
    return with(c -> c.maximumRecordAgeInSeconds = seconds);
  }

  /** FunctionResponseTypes ReportBatchItemFailures: the handler may report the records that failed. */
  public TriggerOptions reportBatchItemFailures(boolean report) {
    return with(c -> c.reportBatchItemFailures = report);
  }

  /** Concurrent batches per shard, by partition key: 1 (the default) to 10. */
  public TriggerOptions parallelizationFactor(int factor) {
    require(factor >= 1 && factor <= 10, "ParallelizationFactor", factor, "between 1 and 10");
    return with(c -> c.parallelizationFactor = factor);
  }

  /** How long after a failed invocation the batch is retried, on the engine clock (default 1 second). */
  public TriggerOptions retryDelay(Duration delay) {
    require(!delay.isNegative() && !delay.isZero(), "retryDelay", delay, "positive");
    return with(c -> c.retryDelay = delay);
  }

  public int batchSize() {
    return batchSize;
  }

  public Duration maximumBatchingWindow() {
    return maximumBatchingWindow;
  }

  public StartingPosition startingPosition() {
    return startingPosition;
  }

  public List<EventFilter> filters() {
    return filters;
  }

  public int maximumRetryAttempts() {
    return maximumRetryAttempts;
  }

  public boolean bisectBatchOnFunctionError() {
    return bisectBatchOnFunctionError;
  }

  public int maximumRecordAgeInSeconds() {
    return maximumRecordAgeInSeconds;
  }

  public boolean reportBatchItemFailures() {
    return reportBatchItemFailures;
  }

  public int parallelizationFactor() {
    return parallelizationFactor;
  }

  public Duration retryDelay() {
    return retryDelay;
  }

  private static void require(boolean valid, String name, Object value, String constraint) {
    if (!valid) {
      throw new IllegalArgumentException(name + " must be " + constraint + ": " + value);
    }
  }
}
