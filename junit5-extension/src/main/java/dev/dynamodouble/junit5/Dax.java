package dev.dynamodouble.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * DynamoDB Accelerator for a test class, and its client.
 *
 * <p>On a test class (or a superclass, an enclosing class or a meta-annotation): the class's
 * endpoint also runs a DAX cluster, in front of the same tables, with these cache settings. Its item
 * and query caches expire on the endpoint's clock (advance an injected {@code ManualClock} past a
 * TTL and the next read goes to the table) and the per-test reset empties them.
 *
 * <p>On a {@code DynamoDbClient} field or test parameter: the real DAX client
 * ({@code software.amazon.dax.ClusterDaxClient}) of that cluster, shared by the class and closed
 * after it. It needs {@code software.amazon.dax:amazon-dax-client} 2.x on the test classpath (the
 * extension declares it optional); without it, asking for the client fails the test with a message
 * saying so, and classes that do not ask are not affected. {@code @Dax java.net.URI} is the
 * cluster's {@code dax://127.0.0.1:port} URL, for a client the test builds itself.
 *
 * <p>The attributes only matter on a class; each left at its default keeps DAX's default.
 */
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Dax {
  /** How long an item stays in the item cache, as an ISO-8601 duration; five minutes ({@code "PT5M"}) by default. */
  String itemTtl() default "";

  /** How long a Query or Scan result stays in the query cache, as an ISO-8601 duration; five minutes by default. */
  String queryTtl() default "";

  /** Entries of the item cache before the least recently used goes; 10,000 by default. */
  int maxItems() default -1;

  /** Entries of the query cache before the least recently used goes; 10,000 by default. */
  int maxQueries() default -1;
}
