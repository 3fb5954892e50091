package dev.dynamodouble.junit5;

import dev.dynamodouble.core.trigger.StartingPosition;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers a field of the test instance as a trigger on a declared table's stream, before each
 * test (after the reset): a {@link dev.dynamodouble.core.trigger.TriggerHandler}, or a real Lambda
 * {@code RequestHandler<DynamodbEvent, ...>} (with aws-lambda-java-events on the classpath). The
 * attributes are the event source mapping's settings, with Lambda's defaults.
 *
 * <pre>{@code
 * @DynamoTrigger(table = "orders", batchSize = 10)
 * final RequestHandler<DynamodbEvent, StreamsEventResponse> projector = new OrderProjector(...);
 * }</pre>
 *
 * <p>Triggers belong to one test: the extension removes every trigger before each test, so
 * register others in {@code @BeforeEach} or in the test itself.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DynamoTrigger {
  /** The table whose stream the trigger reads. */
  String table();

  int batchSize() default 100;

  int maximumBatchingWindowInSeconds() default 0;

  StartingPosition startingPosition() default StartingPosition.LATEST;

  /** Lambda filter patterns (JSON), at most five. */
  String[] filterCriteria() default {};

  int maximumRetryAttempts() default -1;

  boolean bisectBatchOnFunctionError() default false;

  int maximumRecordAgeInSeconds() default -1;

  boolean reportBatchItemFailures() default false;

  int parallelizationFactor() default 1;
}
