package dev.dynamodouble.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state the tables must be in after the test, checked when the test itself passed. A failure
 * shows, per table, the items that are missing, extra, or different (attribute by attribute).
 *
 * <p>The files use the fixture formats ({@link FixtureFormat}); only the tables they name are
 * checked. Items are matched by primary key. Numbers compare by value and sets ignore order. On a
 * class, it applies to every test that does not carry its own.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DynamoDoubleExtension.class)
public @interface ExpectedItems {
  /** The expected-state files; by default {@code <TestClass>.<method>.expected.json} (or {@code .yml}, {@code .yaml}). */
  String[] value() default {};

  /** The table of files that are a bare array of items. */
  String table() default "";

  CompareMode compare() default CompareMode.EXACT;

  /** Top-level attributes left out of the comparison (timestamps, generated ids...). */
  String[] ignore() default {};

  FixtureFormat format() default FixtureFormat.AUTO;
}
