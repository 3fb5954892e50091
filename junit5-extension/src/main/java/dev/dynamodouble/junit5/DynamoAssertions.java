package dev.dynamodouble.junit5;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * AssertJ entry points for tables and items.
 *
 * <pre>{@code
 * assertThat(tables.table("orders")).hasSize(3).containsItem(item("pk", "o-1", "status", "NEW"))
 *     .doesNotContainKey(key("pk", "o-9"));
 * assertThatItem(response.item()).hasString("status", "NEW").hasNumber("total", 12);
 * }</pre>
 */
public final class DynamoAssertions {
  private DynamoAssertions() {}

  public static TableAssert assertThat(TableContents table) {
    return new TableAssert(table);
  }

  /** The table {@code name} of {@code us-east-1} as it is now. */
  public static TableAssert assertThatTable(DynamoDouble dynamo, String name) {
    return new TableAssert(DynamoTables.of(dynamo).table(name));
  }

  /** The table {@code name} as it is now. */
  public static TableAssert assertThatTable(DynamoTables tables, String name) {
    return new TableAssert(tables.table(name));
  }

  /** An item (a GetItem result, an element of a Scan). */
  public static ItemAssert assertThatItem(Map<String, AttributeValue> item) {
    return new ItemAssert(item);
  }
}
