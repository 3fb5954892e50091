package dev.dynamodouble.junit5;

import dev.dynamodouble.junit5.internal.ClassLock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Declares a table that exists, with its fixture items, before the first test of the class runs.
 * It registers {@link DynamoDoubleExtension}, so it is all a test class needs.
 *
 * <p>A table comes from one of three sources:
 * <ul>
 *   <li>the attributes here ({@link #name()}, {@link #partitionKey()}, {@link #sortKey()},
 *       {@link #lsi()}, {@link #gsi()}, ...);</li>
 *   <li>{@link #definition()}: a CreateTable request JSON file (what
 *       {@code aws dynamodb create-table --cli-input-json} reads); {@link #name()},
 *       {@link #stream()}, {@link #ttlAttribute()} and {@link #fixtures()} still apply;</li>
 *   <li>{@link #bean()}: an enhanced-client bean ({@code @DynamoDbBean}, {@code @DynamoDbImmutable})
 *       whose keys and secondary indexes become the table's; {@link #lsi()} and {@link #gsi()}
 *       entries of the same index name set its projection and throughput.</li>
 * </ul>
 *
 * <p>Repeatable, inherited by subclasses, usable as a meta-annotation (declare
 * {@code @OrdersTable} once and put it on many classes), and honoured on {@code @Nested} classes,
 * which see the tables of their enclosing classes plus their own.
 *
 * <p>Relative file names ({@link #fixtures()}, {@link #definition()}) are classpath resources
 * beside the class or annotation that carries this annotation, then beside the test class, then
 * at the classpath root; a leading {@code /} means the classpath root only.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(DynamoTable.List.class)
@ExtendWith(DynamoDoubleExtension.class)
@ResourceLock(providers = ClassLock.class)
public @interface DynamoTable {
  /**
   * Regions to replicate the table to (a global table, version 2019.11.21), e.g.
   * {@code replicas = {"eu-west-1"}}: created with UpdateTable ReplicaUpdates after the table. Ask
   * for a client of another region with {@link InRegion}.
   */
  String[] replicas() default {};

  /**
   * Makes the global table one with multi-Region strong consistency (MultiRegionConsistency
   * STRONG): {@link #replicas()} names two regions, or one and a {@link #witness()}, all among
   * the regions MRSC supports (the table's own region too). Writes replicate synchronously.
   */
  boolean strongConsistency() default false;

  /** The witness region of a {@link #strongConsistency()} global table, e.g. {@code "us-west-2"}. */
  String witness() default "";

  /** The table name; required unless {@link #definition()} names it. */
  String name() default "";

  /** The partition (HASH) key attribute. */
  String partitionKey() default "";

  KeyType partitionKeyType() default KeyType.S;

  /** The sort (RANGE) key attribute, if any. */
  String sortKey() default "";

  KeyType sortKeyType() default KeyType.S;

  /** Local secondary indexes (they share the table's partition key). */
  Index[] lsi() default {};

  /** Global secondary indexes. */
  Index[] gsi() default {};

  Billing billingMode() default Billing.PAY_PER_REQUEST;

  /** Read capacity units when {@link #billingMode()} is PROVISIONED. */
  long readCapacity() default 5;

  /** Write capacity units when {@link #billingMode()} is PROVISIONED. */
  long writeCapacity() default 5;

  /**
   * Whether the endpoint enforces this table's capacity (provisioned throughput, on-demand maximum,
   * per-partition limits), as DynamoDB does; true by default. False never throttles it.
   */
  boolean capacityEnforced() default true;

  /** The table's stream, sent as CreateTable's StreamSpecification. */
  StreamView stream() default StreamView.NONE;

  /** The TTL attribute, enabled with UpdateTimeToLive right after the table is created. */
  String ttlAttribute() default "";

  /**
   * Fixture files loaded into this table (and, for files grouped by table name, into the tables
   * they name) before the first test. JSON or YAML; see {@link FixtureFormat}.
   */
  String[] fixtures() default {};

  /** A CreateTable request JSON file, the {@code --cli-input-json} shape. */
  String definition() default "";

  /** An enhanced-client bean class whose TableSchema gives the keys and secondary indexes. */
  Class<?> bean() default void.class;

  /**
   * The endpoint's clock, for classes that declare no {@link DynamoDoubleTest#clock()}: see there.
   * Every table of a class shares one clock, so tables that set it must agree.
   */
  String clock() default "";

  /** Holds repeated {@link DynamoTable} annotations. */
  @Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @ExtendWith(DynamoDoubleExtension.class)
  @ResourceLock(providers = ClassLock.class)
  @interface List {
    DynamoTable[] value();
  }
}
