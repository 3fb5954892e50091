package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.junit5.FixtureFormat;

/**
 * A fixture file named somewhere.
 *
 * @param path as written
 * @param table the table of a bare array of items, or null
 * @param anchor the class or annotation type that names it (relative paths resolve beside it)
 * @param declaredBy for messages, e.g. "@DynamoFixture on com.acme.OrderTest"
 */
public record FixtureRef(String path, String table, FixtureFormat format, Class<?> anchor, String declaredBy) {}
