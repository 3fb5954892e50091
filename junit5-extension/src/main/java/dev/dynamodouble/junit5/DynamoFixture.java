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
 * Fixture files: on a class, loaded once after the tables are created (the state every test starts
 * from); on a method, loaded before that test only, on top of the class's fixtures or, with
 * {@link FixtureMode#REPLACE}, into empty tables.
 *
 * <p>A class without {@code @DynamoFixture} loads {@code <TestClass>.dynamo.json} (or {@code .yml},
 * {@code .yaml}) beside it if it exists, after the fixtures of its {@link DynamoTable} declarations;
 * a method without one loads {@code <TestClass>.<method>.dynamo.json} (or {@code .yml},
 * {@code .yaml}) if it exists. A {@code @Nested} class's name is written {@code Outer.Inner}.
 *
 * <p>A file groups items by table name ({@code {"orders": [...], "customers": [...]}}), or is a
 * bare array of items for {@link #table()} (which may be omitted when the class has one table).
 * See {@link FixtureFormat} for the ways to write items.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(DynamoFixture.List.class)
@ExtendWith(DynamoDoubleExtension.class)
public @interface DynamoFixture {
  /** Classpath resources, relative to the declaring class's package unless they start with {@code /}. */
  String[] value();

  /** The table of files that are a bare array of items. */
  String table() default "";

  FixtureFormat format() default FixtureFormat.AUTO;

  /** On a method: add to the class's fixtures, or replace them. Ignored on classes. */
  FixtureMode mode() default FixtureMode.ADD;

  /** Holds repeated {@link DynamoFixture} annotations. */
  @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @ExtendWith(DynamoDoubleExtension.class)
  @interface List {
    DynamoFixture[] value();
  }
}
