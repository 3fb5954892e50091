package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.DynamoAssertions.assertThatItem;
import static dev.dynamodouble.junit5.DynamoAssertions.assertThatTable;
import static dev.dynamodouble.junit5.Items.item;
import static dev.dynamodouble.junit5.Items.key;
import static dev.dynamodouble.junit5.Items.stringSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The AssertJ entry points, their matching rules and their messages. */
class AssertionsTest {
  private static final TableContents ORDERS = TableContents.of("orders", "pk", "sk", List.of(
      item("pk", "c-1", "sk", "o-1", "status", "NEW", "total", AttributeValue.fromN("12.50"),
          "tags", stringSet("b", "a")),
      item("pk", "c-1", "sk", "o-2", "status", "SHIPPED")));

  @Test
  void numbersCompareByValueAndSetsIgnoreOrder() {
    assertThat(ORDERS).hasSize(2).isNotEmpty()
        .containsItem(item("pk", "c-1", "sk", "o-1", "status", "NEW", "total", 12.5, "tags", stringSet("a", "b")))
        .containsItemWith(item("pk", "c-1", "sk", "o-1", "total", 12.500))
        .containsKey(key("pk", "c-1", "sk", "o-2"))
        .doesNotContainKey(key("pk", "c-1", "sk", "o-3"))
        .containsExactlyItems(item("pk", "c-1", "sk", "o-2", "status", "SHIPPED"),
            item("pk", "c-1", "sk", "o-1", "status", "NEW", "total", 12.5, "tags", stringSet("a", "b")));
    assertThat(ORDERS).item(key("pk", "c-1", "sk", "o-1")).hasString("status", "NEW").hasNumber("total", 12.5)
        .hasNumber("total", "1.25E1").hasAttribute("tags").doesNotHaveAttribute("paid");
  }

  @Test
  void aMissingItem() {
    assertThatThrownBy(() -> assertThat(ORDERS).containsItem(item("pk", "c-2", "sk", "o-9")))
        .hasMessage("Expecting table \"orders\" to contain\n  {pk=S:\"c-2\", sk=S:\"o-9\"}\n"
            + "but no item has the key {pk=S:\"c-2\", sk=S:\"o-9\"}:\n"
            + "  {pk=S:\"c-1\", sk=S:\"o-1\", status=S:\"NEW\", tags=SS:[\"a\", \"b\"], total=N:12.50}\n"
            + "  {pk=S:\"c-1\", sk=S:\"o-2\", status=S:\"SHIPPED\"}");
  }

  @Test
  void aDifferentItem() {
    assertThatThrownBy(() -> assertThat(ORDERS).containsItem(item("pk", "c-1", "sk", "o-2", "status", "NEW",
        "paid", true)))
        .hasMessage("Expecting table \"orders\" to contain\n"
            + "  {paid=BOOL:true, pk=S:\"c-1\", sk=S:\"o-2\", status=S:\"NEW\"}\n"
            + "but the item with that key is\n"
            + "  {pk=S:\"c-1\", sk=S:\"o-2\", status=S:\"SHIPPED\"}\n"
            + "differences:\n"
            + "  paid: expected BOOL:true but absent\n"
            + "  status: expected S:\"NEW\" but was S:\"SHIPPED\"");
  }

  @Test
  void sizeAndKeys() {
    assertThatThrownBy(() -> assertThat(ORDERS).hasSize(1))
        .hasMessageStartingWith("Expecting table \"orders\" to have 1 items but it has 2:\n  {pk=S:\"c-1\"");
    assertThatThrownBy(() -> assertThat(ORDERS).doesNotContainKey(key("pk", "c-1", "sk", "o-2")))
        .hasMessage("Expecting table \"orders\" not to contain an item with the key {pk=S:\"c-1\", sk=S:\"o-2\"} "
            + "but it holds\n  {pk=S:\"c-1\", sk=S:\"o-2\", status=S:\"SHIPPED\"}");
    assertThatThrownBy(() -> assertThat(TableContents.of("empty", "pk", null, List.of())).containsKey(key("pk", "x")))
        .hasMessage("Expecting table \"empty\" to contain an item with the key {pk=S:\"x\"} but none has it: "
            + "the table is empty");
  }

  @Test
  void exactlyTheseItems() {
    assertThatThrownBy(() -> assertThat(ORDERS).containsExactlyItems(item("pk", "c-1", "sk", "o-2", "status", "NEW"),
        item("pk", "c-9", "sk", "o-9")))
        .hasMessage("Expecting table \"orders\" to contain exactly 2 items, but:\n"
            + "  different: {pk=S:\"c-1\", sk=S:\"o-2\", status=S:\"NEW\"}\n"
            + "    but was {pk=S:\"c-1\", sk=S:\"o-2\", status=S:\"SHIPPED\"}\n"
            + "  missing: {pk=S:\"c-9\", sk=S:\"o-9\"}\n"
            + "  extra: {pk=S:\"c-1\", sk=S:\"o-1\", status=S:\"NEW\", tags=SS:[\"a\", \"b\"], total=N:12.50}");
  }

  @Test
  void itemAssertions() {
    var item = item("id", "x", "n", 3, "ok", true, "list", List.of(1, "a"));
    assertThatItem(item).hasBoolean("ok", true).hasAttribute("list", List.of(1, "a"))
        .isSameItemAs(item("ok", true, "n", 3.0, "id", "x", "list", List.of(1, "a")));
    assertThatThrownBy(() -> assertThatItem(item).hasAttribute("missing"))
        .hasMessage("Expecting item\n  {id=S:\"x\", list=L:[N:1, S:\"a\"], n=N:3, ok=BOOL:true}\n"
            + "to have attribute missing; its attributes are [id, list, n, ok]");
    assertThatThrownBy(() -> assertThatItem(item).hasNumber("n", 4))
        .hasMessage("Expecting item\n  {id=S:\"x\", list=L:[N:1, S:\"a\"], n=N:3, ok=BOOL:true}\n"
            + "to contain\n  {n=N:4}\nbut:\n  n: expected N:4 but was N:3");
  }

  @Test
  void straightFromAnEndpoint() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start()) {
      assertThatThrownBy(() -> assertThatTable(dynamo, "nope"))
          .hasMessage("no table \"nope\" in us-east-1; the tables are []");
    }
  }

  @Test
  void itemsAsBeans() {
    TableContents customers = TableContents.of("customers", "id", null,
        List.of(item("id", "c-1", "email", "ada@example.com", "country", "UK", "createdAt", 5)));
    assertThat(customers.items(Customer.class)).extracting(Customer::getEmail, Customer::getCreatedAt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ada@example.com", 5L));
  }
}
