package dev.dynamodouble.samples.orders;

import dev.dynamodouble.junit5.DynamoDoubleTest;
import dev.dynamodouble.junit5.DynamoTable;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables of the order service, declared once for every test that needs them: orders from the
 * enhanced-client bean (with its byStatus index), customers seeded from the batch-write-item file
 * the team already uses with the AWS CLI, and a clock that starts at a known instant.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DynamoTable(name = "orders", bean = Order.class)
@DynamoTable(name = "customers", partitionKey = "customerId", fixtures = "customers.json")
@DynamoDoubleTest(clock = "2024-03-01T09:00:00Z")
public @interface OrderTables {}
