package dev.dynamodouble.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secondary index of a {@link DynamoTable}: in {@link DynamoTable#gsi()} a global one, in
 * {@link DynamoTable#lsi()} a local one (whose partition key is the table's and may be omitted).
 *
 * <p>A key attribute already defined by the table (or another index) keeps that type unless a
 * different one is given explicitly here, which is an error.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Index {
  String name();

  /** The index's partition key; for a local index, the table's partition key (the default). */
  String partitionKey() default "";

  KeyType partitionKeyType() default KeyType.S;

  String sortKey() default "";

  KeyType sortKeyType() default KeyType.S;

  /**
   * A global index's multi-attribute partition key: up to four attributes, in key order, instead of
   * {@link #partitionKey()}. An item is in the index only when it has every one of them.
   */
  String[] partitionKeys() default {};

  /** The types of {@link #partitionKeys()}, one per attribute; empty means S (or the type defined elsewhere). */
  KeyType[] partitionKeyTypes() default {};

  /** A multi-attribute sort key: up to four attributes, in key order, instead of {@link #sortKey()}. */
  String[] sortKeys() default {};

  /** The types of {@link #sortKeys()}, one per attribute; empty means S (or the type defined elsewhere). */
  KeyType[] sortKeyTypes() default {};

  IndexProjection projection() default IndexProjection.ALL;

  /** The non-key attributes of an {@link IndexProjection#INCLUDE} projection. */
  String[] include() default {};

  /** Read capacity of a global index on a PROVISIONED table; 0 means the table's. */
  long readCapacity() default 0;

  /** Write capacity of a global index on a PROVISIONED table; 0 means the table's. */
  long writeCapacity() default 0;
}
