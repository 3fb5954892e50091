package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.fixture.FixtureEntry;
import dev.dynamodouble.core.fixture.FixtureError;
import dev.dynamodouble.core.fixture.FixtureItems;
import dev.dynamodouble.core.fixture.ItemNotation;
import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.junit5.FixtureException;
import dev.dynamodouble.junit5.FixtureFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Reads a fixture (or expected-state) file into typed, located writes with core's fixture reader
 * ({@link FixtureItems}: items grouped by table, a bare array for the default table, the AWS CLI
 * batch-write-item shape, or a scan's {@code {"Items": [...]}}), in SDK values.
 */
public final class FixtureFile {
  private FixtureFile() {}

  /**
   * Reads {@code resource}.
   *
   * @param tables the tables that may be named, with the type of each of their key attributes
   * @param defaultTable the table of a bare array of items, or null
   * @param kind what the file is, for messages: "Fixture" or "Expected items"
   */
  public static List<FixtureEntry> read(ResourceLocator.Resource resource, FixtureFormat format,
      Map<String, Map<String, ScalarAttributeType>> tables, String defaultTable, String kind) {
    Map<String, Map<String, AttributeType>> keyTypes = new LinkedHashMap<>();
    tables.forEach((table, keys) -> {
      Map<String, AttributeType> types = new LinkedHashMap<>();
      keys.forEach((name, type) -> types.put(name, AttributeType.fromWire(type.toString())));
      keyTypes.put(table, types);
    });
    try {
      return FixtureItems.read(LocatedTree.read(resource, kind), ItemNotation.valueOf(format.name()), keyTypes,
          defaultTable, "this class", "name it with @DynamoFixture(table = ...)", kind);
    } catch (FixtureException e) {
      throw e;
    } catch (FixtureError e) {
      FixtureException error = new FixtureException(e.kind(), e.file(), e.line(), e.where(), e.reason());
      error.initCause(e);
      throw error;
    }
  }
}
