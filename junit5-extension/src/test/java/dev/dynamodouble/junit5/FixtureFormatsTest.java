package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.Items.binary;
import static dev.dynamodouble.junit5.Items.binarySet;
import static dev.dynamodouble.junit5.Items.item;
import static dev.dynamodouble.junit5.Items.numberSet;
import static dev.dynamodouble.junit5.Items.stringSet;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every fixture format, as method fixtures that replace (or add to) the class's. */
@DynamoTable(name = "things", partitionKey = "id")
@DynamoTable(name = "counters", partitionKey = "n", partitionKeyType = KeyType.N)
@DynamoTable(name = "blobs", partitionKey = "b", partitionKeyType = KeyType.B)
@DynamoFixture("formats/class.json")
class FixtureFormatsTest {
  /** The item typed.json, plain.json and things.yml all describe. */
  static final Map<String, AttributeValue> EVERY_TYPE = item(
      "id", "t-1",
      "n", 12.5,
      "b", binary((byte) 1, (byte) 2, (byte) 3),
      "yes", true,
      "nothing", null,
      "m", Map.of("inner", "x", "deeper", Map.of("k", 1)),
      "l", List.of("a", 2),
      "ss", stringSet("a", "b"),
      "ns", numberSet(2.5, 1),
      "bs", binarySet(new byte[] {2}, new byte[] {1}));

  @Test
  void classFixturesAreLoaded(DynamoTables tables) {
    assertThat(tables.table("things")).containsExactlyItems(item("id", "from-class", "v", 1));
  }

  @Test
  @DynamoFixture(value = "formats/typed.json", mode = FixtureMode.REPLACE)
  void dynamoDbJson(DynamoTables tables) {
    assertThat(tables.table("things")).containsExactlyItems(EVERY_TYPE);
    assertThat(tables.table("counters")).containsExactlyItems(item("n", 7));
  }

  @Test
  @DynamoFixture(value = "formats/typed.json", format = FixtureFormat.DYNAMODB_JSON, mode = FixtureMode.REPLACE)
  void dynamoDbJsonNamedExplicitly(DynamoTables tables) {
    assertThat(tables.table("things")).containsExactlyItems(EVERY_TYPE);
  }

  @Test
  @DynamoFixture(value = "formats/plain.json", mode = FixtureMode.REPLACE)
  void plainJsonTypedFromKeysAndJsonTypes(DynamoTables tables) {
    assertThat(tables.table("things")).containsExactlyItems(EVERY_TYPE,
        item("id", "42", "zip", "01234", "count", 3));
    assertThat(tables.table("counters")).containsExactlyItems(item("n", 7), item("n", 8));
    assertThat(tables.table("blobs")).containsExactlyItems(item("b", binary((byte) 1, (byte) 2, (byte) 3),
        "label", "three bytes"));
  }

  @Test
  @DynamoFixture(value = "formats/things.yml", mode = FixtureMode.REPLACE)
  void yaml(DynamoTables tables) {
    assertThat(tables.table("things")).containsExactlyItems(EVERY_TYPE);
    assertThat(tables.table("counters")).containsExactlyItems(item("n", 7));
  }

  @Test
  @DynamoFixture(value = "formats/batch.json", mode = FixtureMode.REPLACE)
  void awsCliBatchWriteItemInput(DynamoTables tables) {
    assertThat(tables.table("things")).containsExactlyItems(item("id", "t-1", "v", 1), item("id", "t-2", "v", 2));
    assertThat(tables.table("counters")).containsExactlyItems(item("n", 7));
  }

  @Test
  @DynamoFixture("formats/batch-request-items.json")
  void requestItemsWithPutsAndDeletesOnTopOfTheClassFixtures(DynamoTables tables) {
    assertThat(tables.table("things")).containsExactlyItems(item("id", "t-3"));
  }

  @Test
  @DynamoFixture(value = "formats/scan-output.json", table = "things")
  void theOutputOfAwsDynamodbScan(DynamoTables tables) {
    assertThat(tables.table("things")).containsExactlyItems(item("id", "from-class", "v", 1),
        item("id", "s-1", "v", 1), item("id", "s-2", "v", 2));
  }

  @Test
  @DynamoFixture(value = "formats/bare-array.yaml", table = "things", mode = FixtureMode.REPLACE)
  @DynamoFixture(value = "formats/looks-typed.json", table = "things")
  void bareArraysForANamedTableAndPerFileFormatDetection(DynamoTables tables) {
    assertThat(tables.table("things")).containsExactlyItems(item("id", "a-1"), item("id", "a-2", "tags", stringSet("x")),
        item("id", "p-1", "address", Map.of("S", "not a type, a field called S")));
  }
}
