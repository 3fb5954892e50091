package dev.dynamodouble.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field for injection, or names the table of an injected {@code DynamoDbTable<T>}.
 *
 * <p>Injectable types: {@code DynamoDbClient}, {@code DynamoDbAsyncClient},
 * {@code DynamoDbEnhancedClient}, {@code DynamoDbEnhancedAsyncClient}, {@code DynamoDbTable<T>},
 * {@code DynamoDbAsyncTable<T>}, {@code URI} (the endpoint), {@code DynamoDouble},
 * {@code DynamoClock}, {@code ManualClock}, {@code java.time.Clock} (reading the engine's clock, for
 * the code under test) and {@link DynamoTables}. Parameters of those types
 * need no annotation, except to name a table. Static fields are set before {@code @BeforeAll}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DynamoInject {
  /**
   * The table of a {@code DynamoDbTable<T>}; may be omitted when exactly one declared table has
   * {@code T} as its bean, or the class declares one table.
   */
  String table() default "";

  /**
   * For a {@code DynamoDbClient} or {@code DynamoDbAsyncClient}: sign its requests with this
   * access key, declared with {@link DynamoIdentity} (or in the {@link DynamoSecurity#authFile()}).
   */
  String identity() default "";
}
