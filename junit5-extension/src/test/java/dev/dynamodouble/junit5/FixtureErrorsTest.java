package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A bad fixture fails the test class with the file, the line or item, and the reason. */
class FixtureErrorsTest {
  private static final String DIR = "dev/dynamodouble/junit5/errors/";

  @Test
  void jsonSyntax() {
    assertThat(classFailure(SyntaxJson.class)).startsWith("Fixture " + DIR + "syntax.json, line 4 (column 5): "
        + "syntax error: Unexpected character ('{' (code 123)): was expecting comma to separate Array entries");
  }

  @Test
  void yamlSyntax() {
    assertThat(classFailure(SyntaxYaml.class)).startsWith("Fixture " + DIR + "syntax.yml, line 3 (column 4): "
        + "syntax error: ");
  }

  @Test
  void twoYamlDocuments() {
    assertThat(classFailure(TwoDocuments.class)).isEqualTo("Fixture " + DIR + "two-documents.yml, line 4: "
        + "unexpected content after the end of the document (one document per file)");
  }

  @Test
  void emptyFile() {
    assertThat(classFailure(EmptyFile.class)).isEqualTo("Fixture " + DIR + "empty.json: the file is empty");
  }

  @Test
  void duplicateKey() {
    assertThat(classFailure(DuplicateKey.class))
        .isEqualTo("Fixture " + DIR + "duplicate-key.json, line 3: duplicate key \"id\"");
  }

  @Test
  void unknownTable() {
    assertThat(classFailure(UnknownTable.class)).isEqualTo("Fixture " + DIR + "unknown-table.json, line 3: "
        + "unknown table \"nope\"; the tables of this class are things");
  }

  @Test
  void anItemWithoutItsKey() {
    assertThat(classFailure(MissingKey.class)).isEqualTo("Fixture " + DIR + "missing-key.json, line 4 "
        + "(item 2 of table \"things\"): the table refused it: ValidationException: One or more parameter values "
        + "were invalid: Missing the key id in the item");
  }

  @Test
  void aKeyOfTheWrongType() {
    assertThat(classFailure(KeyType.class)).isEqualTo("Fixture " + DIR + "key-type.json, line 2 "
        + "(item 1 of table \"things\"): the table refused it: ValidationException: One or more parameter values "
        + "were invalid: Type mismatch for key id expected: S actual: N");
  }

  @Test
  void anEmptyKey() {
    assertThat(classFailure(EmptyKey.class)).isEqualTo("Fixture " + DIR + "empty-key.json, line 1 "
        + "(item 1 of table \"things\"): the table refused it: ValidationException: One or more parameter values "
        + "are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id");
  }

  @Test
  void anUnknownDynamoDbJsonType() {
    assertThat(classFailure(BadType.class)).isEqualTo("Fixture " + DIR + "bad-type.json, line 2 "
        + "(item 1 of table \"things\"): attribute x: unknown DynamoDB JSON type \"Q\" (expected one of S, N, B, "
        + "BOOL, NULL, M, L, SS, NS, BS)");
  }

  @Test
  void badBase64() {
    assertThat(classFailure(BadBase64.class)).isEqualTo("Fixture " + DIR + "bad-base64.json, line 3 "
        + "(item 2 of table \"things\"): attribute img: $b needs base64 text, found \"%%%\"");
  }

  @Test
  void anUnknownTypeMarker() {
    assertThat(classFailure(UnknownMarker.class)).isEqualTo("Fixture " + DIR + "unknown-marker.json, line 2 "
        + "(item 1 of table \"things\"): attribute tags: unknown type marker \"$set\" (use $ss, $ns, $bs, $b, $n "
        + "or $s)");
  }

  @Test
  void aNumberSetWithText() {
    assertThat(classFailure(BadNumber.class)).isEqualTo("Fixture " + DIR + "bad-number.yml, line 2 "
        + "(item 1 of table \"things\"): attribute scores: $ns needs a number, found \"two\"");
  }

  @Test
  void aBareArrayWhenTheClassHasTwoTables() {
    assertThat(classFailure(BareArrayTwoTables.class)).isEqualTo("Fixture " + DIR + "bare.json, line 1: a bare "
        + "array of items needs a table, and this class has 2 (others, things): name it with "
        + "@DynamoFixture(table = ...), or group the items as {\"table\": [...]}");
  }

  @Test
  void aMissingFile() {
    assertThat(classFailure(MissingFile.class)).isEqualTo("Fixture missing.json (@DynamoFixture on "
        + MissingFile.class.getName() + "): file not found on the classpath (looked for "
        + "dev/dynamodouble/junit5/missing.json, missing.json)");
  }

  @Test
  void aBadMethodFixtureFailsThatTestOnly() {
    EngineExecutionResults results = TestKit.execute(BadMethodFixture.class);
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(results.testEvents().failed().count()).isEqualTo(1);
    assertThat(TestKit.firstFailure(results)).hasMessage("Fixture " + DIR + "unknown-table.json, line 3: "
        + "unknown table \"nope\"; the tables of this class are things");
  }

  @Test
  void theFailureIsAFixtureExceptionWithItsParts() {
    Throwable failure = TestKit.firstFailure(TestKit.execute(MissingKey.class));
    assertThat(failure).isInstanceOf(FixtureException.class);
    FixtureException fixture = (FixtureException) failure;
    assertThat(fixture.file()).isEqualTo(DIR + "missing-key.json");
    assertThat(fixture.line()).isEqualTo(4);
    assertThat(fixture.reason()).startsWith("the table refused it: ValidationException");
  }

  /** The message the class failed with; its tests must not have run. */
  static String classFailure(Class<?> testClass) {
    EngineExecutionResults results = TestKit.execute(testClass);
    assertThat(results.testEvents().started().count()).as("tests started").isZero();
    assertThat(results.containerEvents().failed().count()).as("failed containers").isEqualTo(1);
    return TestKit.firstFailure(results).getMessage();
  }

  @TestKitOnly
  @DynamoTable(name = "things", partitionKey = "id")
  abstract static class Case {
    @Test
    void test() {}
  }

  @DynamoFixture("errors/syntax.json")
  static class SyntaxJson extends Case {}

  @DynamoFixture("errors/syntax.yml")
  static class SyntaxYaml extends Case {}

  @DynamoFixture("errors/two-documents.yml")
  static class TwoDocuments extends Case {}

  @DynamoFixture("errors/empty.json")
  static class EmptyFile extends Case {}

  @DynamoFixture("errors/duplicate-key.json")
  static class DuplicateKey extends Case {}

  @DynamoFixture("errors/unknown-table.json")
  static class UnknownTable extends Case {}

  @DynamoFixture("errors/missing-key.json")
  static class MissingKey extends Case {}

  @DynamoFixture("errors/key-type.json")
  static class KeyType extends Case {}

  @DynamoFixture("errors/empty-key.json")
  static class EmptyKey extends Case {}

  @DynamoFixture(value = "errors/bad-type.json", format = FixtureFormat.DYNAMODB_JSON)
  static class BadType extends Case {}

  @DynamoFixture("errors/bad-base64.json")
  static class BadBase64 extends Case {}

  @DynamoFixture("errors/unknown-marker.json")
  static class UnknownMarker extends Case {}

  @DynamoFixture("errors/bad-number.yml")
  static class BadNumber extends Case {}

  @DynamoTable(name = "others", partitionKey = "id")
  @DynamoFixture("errors/bare.json")
  static class BareArrayTwoTables extends Case {}

  @DynamoFixture("missing.json")
  static class MissingFile extends Case {}

  @TestKitOnly
  @DynamoTable(name = "things", partitionKey = "id")
  static class BadMethodFixture {
    @Test
    @DynamoFixture("errors/unknown-table.json")
    void broken() {}

    @Test
    void fine() {}
  }
}
