package dev.dynamodouble.junit5;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a client of another region of the same endpoint: on a test parameter
 * ({@code @InRegion("eu-west-1") DynamoDbClient europe}) or a {@link DynamoInject} field. Works for
 * DynamoDbClient, DynamoDbAsyncClient, DynamoDbStreamsClient and DynamoDbEnhancedClient; the
 * region's tables are its own, except the replicas of global tables
 * ({@link DynamoTable#replicas()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface InRegion {
  /** The region name, as {@code software.amazon.awssdk.regions.Region#id()} spells it. */
  String value();
}
