package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.repeat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/** ListTables: names in order, Limit, ExclusiveStartTableName and LastEvaluatedTableName. */
class ListTablesTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private void create(String... names) {
    for (String name : names) {
      SdkTestSupport.createTable(client, name, "pk", null);
    }
  }

  @Test
  void noTables() {
    ListTablesResponse response = client.listTables();
    assertThat(response.tableNames()).isEmpty();
    assertThat(response.lastEvaluatedTableName()).isNull();
  }

  @Test
  void namesComeBackSorted() {
    create("orders", "Accounts", "items", "a.b", "a-b", "a_b", "zeta", "123");
    assertThat(client.listTables().tableNames())
        .containsExactly("123", "Accounts", "a-b", "a.b", "a_b", "items", "orders", "zeta");
  }

  @Test
  void aLimitPagesThroughTheNames() {
    create("tb1", "tb2", "tb3", "tb4", "tb5");
    ListTablesResponse first = client.listTables(r -> r.limit(2));
    assertThat(first.tableNames()).containsExactly("tb1", "tb2");
    assertThat(first.lastEvaluatedTableName()).isEqualTo("tb2");

    ListTablesResponse second = client.listTables(r -> r.limit(2).exclusiveStartTableName("tb2"));
    assertThat(second.tableNames()).containsExactly("tb3", "tb4");
    assertThat(second.lastEvaluatedTableName()).isEqualTo("tb4");

    ListTablesResponse last = client.listTables(r -> r.limit(2).exclusiveStartTableName("tb4"));
    assertThat(last.tableNames()).containsExactly("tb5");
    assertThat(last.lastEvaluatedTableName()).isNull();
  }

  @Test
  void noLastEvaluatedTableNameWhenAllNamesFit() {
    create("tb1", "tb2");
    ListTablesResponse response = client.listTables(r -> r.limit(5));
    assertThat(response.tableNames()).containsExactly("tb1", "tb2");
    assertThat(response.lastEvaluatedTableName()).isNull();
  }

  @Test
  void theExclusiveStartNeedNotExist() {
    create("apple", "banana", "cherry");
    assertThat(client.listTables(r -> r.exclusiveStartTableName("bab")).tableNames()).containsExactly("banana", "cherry");
    assertThat(client.listTables(r -> r.exclusiveStartTableName("banana")).tableNames()).containsExactly("cherry");
    assertThat(client.listTables(r -> r.exclusiveStartTableName("zzz")).tableNames()).isEmpty();
  }

  @Test
  void atMost100NamesAPage() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 105; i++) {
      names.add(String.format("table%03d", i));
    }
    create(names.toArray(new String[0]));
    ListTablesResponse first = client.listTables();
    assertThat(first.tableNames()).hasSize(100).isEqualTo(names.subList(0, 100));
    assertThat(first.lastEvaluatedTableName()).isEqualTo("table099");
    // The SDK's paginator follows LastEvaluatedTableName to the end.
    assertThat(client.listTablesPaginator().tableNames()).containsExactlyElementsOf(names);
  }

  @Test
  void deletedTablesAreNotListed() {
    create("keep", "drop");
    client.deleteTable(r -> r.tableName("drop"));
    assertThat(client.listTables().tableNames()).containsExactly("keep");
  }

  @Test
  void theLimitIsBetween1And100() {
    assertValidation(() -> client.listTables(r -> r.limit(0)), "1 validation error detected: Value '0' at 'limit' "
        + "failed to satisfy constraint: Member must have value greater than or equal to 1");
    assertValidation(() -> client.listTables(r -> r.limit(101)), "1 validation error detected: Value '101' at "
        + "'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
  }

  @Test
  void theExclusiveStartIsATableName() {
    assertValidation(() -> client.listTables(r -> r.exclusiveStartTableName("a b")), "1 validation error detected: "
        + "Value 'a b' at 'exclusiveStartTableName' failed to satisfy constraint: Member must satisfy regular "
        + "expression pattern: [a-zA-Z0-9_.-]+");
    String tooLong = repeat('x', 256);
    assertValidation(() -> client.listTables(r -> r.exclusiveStartTableName(tooLong)), "1 validation error "
        + "detected: Value '" + tooLong + "' at 'exclusiveStartTableName' failed to satisfy constraint: Member must "
        + "have length less than or equal to 255");
    assertValidation(() -> client.listTables(r -> r.limit(1000).exclusiveStartTableName("a;")), "3 validation "
        + "errors detected: Value '1000' at 'limit' failed to satisfy constraint: Member must have value less than "
        + "or equal to 100; Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must "
        + "satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at 'exclusiveStartTableName' failed to "
        + "satisfy constraint: Member must have length greater than or equal to 3");
  }
}
