package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.Items.item;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Fixture files found by name beside the class: {@code <Class>.dynamo.json}, {@code <Class>.<method>.dynamo.yml}. */
@DynamoTable(name = "things", partitionKey = "id")
class ConventionFixtureTest {
  @Test
  void theClassConventionFile(DynamoTables tables) {
    assertThat(tables.table("things")).containsExactlyItems(item("id", "by-convention"));
  }

  @Test
  void methodConvention(DynamoTables tables) {
    assertThat(tables.table("things")).containsExactlyItems(item("id", "by-convention"),
        item("id", "by-method-convention"));
  }

  @Nested
  class Inner {
    @Test
    void aNestedClassAddsItsOwnConventionFile(DynamoTables tables) {
      assertThat(tables.table("things")).containsExactlyItems(item("id", "by-convention"),
          item("id", "by-nested-convention"));
    }
  }
}
