package dev.dynamodouble.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fault rule for the tests of a class (on the class) or for one test (on the method):
 *
 * <pre>{@code
 * @Test
 * @InjectFault(operation = "PutItem", error = "ProvisionedThroughputExceededException", times = 2)
 * void retriesThrottledWrites(DynamoDbClient dynamo) { ... }
 * }</pre>
 *
 * <p>Give the calls it matches (all attributes optional) and exactly one effect. The rule is in
 * force from before the test's first line to its end, with fresh hit counts for each test.
 * Rules are strict: a test fails when one of its method rules never fired, and the class fails
 * when one of its class rules never fired in any test (a misspelled table must not pass
 * silently) — unless the rule is {@link #lenient()} or {@code dynamodouble.faults.strict=false}.
 * Mistakes (an unknown error, a matcher no call can satisfy) fail the class before any test runs.
 *
 * <p>The fields mean what they mean in a scenario file ({@code dev.dynamodouble.core.fault.RuleFields}).
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(InjectFault.List.class)
@ExtendWith(DynamoDoubleExtension.class)
public @interface InjectFault {
  /** The operations it matches, e.g. {@code "PutItem"}; none: every operation. */
  String[] operation() default {};

  String table() default "";

  /** The index a Query or Scan reads. */
  String index() default "";

  String region() default "";

  /** A partition key value, as text. */
  String key() default "";

  /** A regular expression over partition key values, as text. */
  String keyPattern() default "";

  /** Fires on this matching call only (1-based). */
  long nth() default 0;

  /** Fires at most this many times. */
  long times() default 0;

  /** Fires on every this-th matching call. */
  long every() default 0;

  /** The engine-clock window it is in force: ISO-8601 instants. */
  String from() default "";

  String until() default "";

  /** The chance it fires on a matching call, decided by {@link #seed()}: the same seed, the same faults. */
  double probability() default 1;

  long seed() default 0;

  /** A name for {@code Faults.rule(name)}. */
  String name() default "";

  /** Lets the test pass when the rule never fired. */
  boolean lenient() default false;

  // Effects: exactly one.

  /** A DynamoDB error by its code, e.g. {@code ThrottlingException}, {@code InternalServerError}. */
  String error() default "";

  /** The error's message instead of DynamoDB's usual one. */
  String message() default "";

  /** TransactionCanceledException with these reason codes, one per action. */
  String[] cancel() default {};

  /** The response held back this long (500ms, 2s, PT1S) on the server's timer. */
  String latency() default "";

  /** {@code connectionReset}, {@code noResponse}, {@code truncatedBody} or {@code badCrc32}. */
  String transport() default "";

  String[] unprocessedKeys() default {};

  double unprocessedShare() default 0;

  /** Eventually consistent reads see the table as it was this long ago. */
  String staleRead() default "";

  /** Index reads see the index as it was this long ago. */
  String indexLag() default "";

  String replicationLag() default "";

  boolean replicationPaused() default false;

  String streamDelay() default "";

  String triggerFailure() default "";

  /** Holds repeated {@link InjectFault} annotations. */
  @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @ExtendWith(DynamoDoubleExtension.class)
  @interface List {
    InjectFault[] value();
  }
}
