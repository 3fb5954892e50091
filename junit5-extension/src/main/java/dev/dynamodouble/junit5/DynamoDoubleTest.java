package dev.dynamodouble.junit5;

import dev.dynamodouble.junit5.internal.ClassLock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs the test class against a Dynamo Double endpoint and sets how. Not needed when the class has
 * a {@link DynamoTable}, except to change a setting.
 *
 * <p>Every attribute left at its default means "not set here". Settings merge attribute by
 * attribute: a method's annotation, then the class's (its superclasses and meta-annotations, then
 * its enclosing classes for {@code @Nested} ones), then the JUnit configuration parameters
 * {@code dynamodouble.reset}, {@code dynamodouble.clock}, {@code dynamodouble.statusDelay},
 * {@code dynamodouble.region}, {@code dynamodouble.transport} ({@code in-process} or {@code http})
 * and {@code dynamodouble.reportMaxItems} (system properties or
 * {@code junit-platform.properties}), then the defaults.
 *
 * <p>{@link #clock()}, {@link #statusDelay()}, {@link #region()} and {@link #transport()} belong to the endpoint, so
 * only classes may set them; a method may set {@link #reset()} and {@link #reportMaxItems()}.
 *
 * <p>The endpoint's tests do not run concurrently with each other (the tables are reset between
 * them); different test classes do, each with its own endpoint.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DynamoDoubleExtension.class)
@ResourceLock(providers = ClassLock.class)
public @interface DynamoDoubleTest {
  /** When tables go back to their fixture state; {@link Reset#PER_TEST} by default. */
  Reset reset() default Reset.DEFAULT;

  /**
   * The endpoint's clock: {@code "system"} (the default) follows the wall clock;
   * {@code "manual"} stands still at the current second until the test advances it; an ISO-8601
   * instant such as {@code "2024-01-01T00:00:00Z"} stands still there. Inject
   * {@code ManualClock} (or {@code DynamoClock}) to move it: {@code advance(Duration)} runs every
   * effect that falls due before it returns.
   */
  String clock() default "";

  /** How long tables stay CREATING/UPDATING/DELETING, as an ISO-8601 duration ({@code "PT2S"}); zero by default. */
  String statusDelay() default "";

  /** The region of the injected clients and the declared tables; {@code us-east-1} by default. */
  String region() default "";

  /**
   * Whether capacity is enforced (throttling), as in DynamoDB; true by default. A class that sets
   * it false (on itself, a superclass or an enclosing class) is never throttled: its own endpoint
   * enforces nothing, and on an endpoint it shares with its enclosing class, its own tables are
   * exempt. Fixture loading is never throttled and consumes nothing either way.
   */
  boolean capacityEnforced() default true;

  /**
   * How the injected clients reach the engine: {@link Transport#IN_PROCESS} (the default: no
   * socket, no HTTP server unless the test asks for the {@code URI}) or {@link Transport#HTTP}
   * (through the endpoint's HTTP server). An HTTPS endpoint ({@code @DynamoSecurity(tls = true)})
   * is always reached over HTTPS.
   */
  Transport transport() default Transport.DEFAULT;

  /** The most items per table shown in the report added to a failing test; 0 turns the report off; 20 by default. */
  int reportMaxItems() default -1;
}
