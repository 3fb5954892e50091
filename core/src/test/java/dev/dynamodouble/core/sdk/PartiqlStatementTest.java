package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** ExecuteStatement through the AWS SDK, table-driven: statement (and parameters) to items or exact error. */
class PartiqlStatementTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("music").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(SdkTestSupport.hash("artist"), SdkTestSupport.range("song"))
        .attributeDefinitions(SdkTestSupport.attr("artist", ScalarAttributeType.S),
            SdkTestSupport.attr("song", ScalarAttributeType.S), SdkTestSupport.attr("genre", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byGenre")
            .keySchema(SdkTestSupport.hash("genre"))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    SdkTestSupport.createTable(client, "counters", "id", ScalarAttributeType.N, null, null);
    put("music", item("artist", "Acme", "song", "Alpha", "genre", "rock", "year", n("2001"),
        "tags", AttributeValue.fromSs(List.of("loud", "live")),
        "info", AttributeValue.fromM(item("label", "X", "charts", AttributeValue.fromL(List.of(n("3"), n("7")))))));
    put("music", item("artist", "Acme", "song", "Beta", "genre", "pop", "year", n("2005")));
    put("music", item("artist", "Acme", "song", "Gamma", "genre", "rock", "year", n("2010"), "missing", "no"));
    put("music", item("artist", "Zed", "song", "Omega", "genre", "jazz", "year", n("1999"),
        "nothing", AttributeValue.fromNul(true)));
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static void put(String table, Map<String, AttributeValue> item) {
    client.putItem(r -> r.tableName(table).item(item));
  }

  static List<Map<String, AttributeValue>> run(String statement, AttributeValue... parameters) {
    return client.executeStatement(r -> r.statement(statement)
        .parameters(parameters.length == 0 ? null : Arrays.asList(parameters))).items();
  }

  static Map<String, AttributeValue> key(String artist, String song) {
    return item("artist", artist, "song", song);
  }

  /** A read case: the statement and the (artist, song) keys of the items it returns, in order. */
  record Read(String statement, List<AttributeValue> parameters, boolean ordered, List<String> songs) {}

  static Read read(String statement, String... songs) {
    return new Read(statement, List.of(), true, List.of(songs));
  }

  static Read anyOrder(String statement, String... songs) {
    return new Read(statement, List.of(), false, List.of(songs));
  }

  static Read withParameters(String statement, List<AttributeValue> parameters, String... songs) {
    return new Read(statement, parameters, true, List.of(songs));
  }

  @TestFactory
  Stream<DynamicTest> selects() {
    return Stream.of(
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND song = 'Beta'", "Beta"),
        read("SELECT * FROM music WHERE \"artist\" = 'Acme' AND \"song\" = 'Nope'"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme'", "Alpha", "Beta", "Gamma"),
        read("select * from \"music\" where artist = 'Acme' order by song desc", "Gamma", "Beta", "Alpha"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND song > 'Alpha'", "Beta", "Gamma"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND song BETWEEN 'B' AND 'H'", "Beta", "Gamma"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND begins_with(song, 'G')", "Gamma"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND \"year\" >= 2005", "Beta", "Gamma"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND genre IN ['pop', 'jazz']", "Beta"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND contains(tags, 'live')", "Alpha"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND info.charts[1] = 7", "Alpha"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND info.label = 'X'", "Alpha"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND size(tags) = 2", "Alpha"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND attribute_type(\"year\", 'N') AND tags IS MISSING",
            "Beta", "Gamma"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND tags IS NOT MISSING", "Alpha"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND NOT (genre = 'rock')", "Beta"),
        read("SELECT * FROM \"music\" WHERE artist = 'Acme' AND song <> 'Beta' AND song < 'Z'", "Alpha", "Gamma"),
        read("SELECT * FROM \"music\".\"byGenre\" WHERE genre = 'jazz'", "Omega"),
        anyOrder("SELECT * FROM \"music\" WHERE genre = 'rock'", "Alpha", "Gamma"),
        read("SELECT * FROM \"music\" WHERE artist = 'Zed' OR artist = 'Acme'", "Omega", "Alpha", "Beta", "Gamma"),
        read("SELECT * FROM \"music\" WHERE artist IN ['Zed', 'Nobody', 'Acme'] AND song >= 'B'",
            "Omega", "Beta", "Gamma"),
        read("SELECT * FROM \"music\" WHERE artist IN ('Acme', 'Zed') AND genre = 'rock'", "Alpha", "Gamma"),
        anyOrder("SELECT * FROM \"music\" WHERE artist = 'Zed' OR genre = 'pop'", "Omega", "Beta"),
        anyOrder("SELECT * FROM \"music\" WHERE \"year\" < 2002", "Alpha", "Omega"),
        anyOrder("SELECT * FROM \"music\" WHERE nothing IS NULL AND genre = 'jazz'", "Omega"),
        anyOrder("SELECT * FROM \"music\" WHERE \"missing\" IS NOT NULL", "Gamma"),
        anyOrder("SELECT * FROM \"music\"", "Alpha", "Beta", "Gamma", "Omega"),
        withParameters("SELECT * FROM \"music\" WHERE artist = ? AND song = ?", List.of(s("Acme"), s("Gamma")), "Gamma"),
        withParameters("SELECT * FROM \"music\" WHERE artist = ? AND \"year\" IN ?",
            List.of(s("Acme"), AttributeValue.fromL(List.of(n("2001"), n("2010")))), "Alpha", "Gamma"))
        .map(c -> DynamicTest.dynamicTest(c.statement(), () -> {
          List<String> songs = new ArrayList<>();
          for (Map<String, AttributeValue> item : client.executeStatement(r -> r.statement(c.statement())
              .parameters(c.parameters().isEmpty() ? null : c.parameters())).items()) {
            songs.add(item.get("song").s());
          }
          if (c.ordered()) {
            assertThat(songs).containsExactlyElementsOf(c.songs());
          } else {
            assertThat(songs).containsExactlyInAnyOrderElementsOf(c.songs());
          }
        }));
  }

  @Test
  void projectionsReturnEachPathUnderTheNameOfItsLastStep() {
    assertThat(run("SELECT song, info.label, info.charts[1], nothing FROM \"music\" WHERE artist = 'Acme' AND song = 'Alpha'"))
        .containsExactly(item("song", "Alpha", "label", "X", "charts[1]", n("7")));
  }

  /** An error case: statement, parameters, error code, exact message. */
  record Failure(String statement, List<AttributeValue> parameters, String code, String message) {}

  static Failure fails(String statement, String code, String message) {
    return new Failure(statement, List.of(), code, message);
  }

  static final String SYNTAX = "Statement wasn't well formed, can't be processed: ";
  static final String KEY = "Where clause does not contain a mandatory equality on all key attributes";

  @TestFactory
  Stream<DynamicTest> errors() {
    return Stream.of(
        fails("SELEKT * FROM music", "ValidationException", SYNTAX + "Expected data manipulation"),
        fails("SELECT * FROM", "ValidationException", SYNTAX + "Unexpected term"),
        fails("SELECT * FROM \"music\" WHERE", "ValidationException", SYNTAX + "Unexpected term"),
        fails("SELECT * FROM \"music\" WHERE artist = 'x", "ValidationException", SYNTAX + "Unterminated string literal"),
        fails("SELECT * FROM \"music\" WHERE artist = 'x' garbage", "ValidationException",
            SYNTAX + "Unexpected token after expression"),
        fails("SELECT * FROM \"music\" WHERE artist = 'x' AND", "ValidationException", SYNTAX + "Unexpected term"),
        fails("SELECT FROM \"music\"", "ValidationException", SYNTAX + "Cannot have empty SELECT list"),
        fails("SELECT * \"music\"", "ValidationException", SYNTAX + "Expected FROM after SELECT list"),
        fails("DELETE \"music\" WHERE artist = 'a'", "ValidationException", SYNTAX + "Expected FROM after DELETE"),
        fails("UPDATE \"music\" WHERE artist = 'a'", "ValidationException", SYNTAX + "Expected data manipulation"),
        fails("UPDATE \"music\" SET x WHERE artist = 'a'", "ValidationException", SYNTAX + "Expected '='"),
        fails("SELECT * FROM \"music\" WHERE (artist = 'a'", "ValidationException", SYNTAX + "Expected RIGHT_PAREN"),
        fails("INSERT INTO \"music\" VALUE {'artist': 'a', 'song': [1, 2}", "ValidationException",
            SYNTAX + "Expected RIGHT_BRACKET"),
        fails("DELETE FROM \"music\"", "ValidationException", KEY),
        fails("DELETE FROM \"music\" WHERE artist = 'Acme' AND song = 'Beta' RETURNING ALL NEW *", "ValidationException",
            "Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements."),
        fails("SELECT * FROM \"music\" WHERE artist = ?", "ValidationException",
            "Number of parameters in request and statement don't match."),
        fails("SELECT * FROM \"nope\"", "ResourceNotFoundException", "Requested resource not found"),
        fails("SELECT * FROM \"music\".\"nope\"", "ValidationException", "The table does not have the specified index: nope"),
        fails("SELECT * FROM \"music\" ORDER BY song", "ValidationException",
            "Must have WHERE clause in the statement when using ORDER BY clause."),
        fails("SELECT * FROM \"music\" WHERE artist = 'Acme' AND nosuch(song)", "ValidationException",
            "Unrecognized function: nosuch"),
        fails("UPDATE \"music\" SET x = 1 WHERE artist = 'Acme'", "ValidationException", KEY),
        fails("UPDATE \"music\" SET x = 1 WHERE artist = 'Acme' OR song = 'Beta'", "ValidationException", KEY),
        fails("DELETE FROM \"music\" WHERE song = 'Beta'", "ValidationException", KEY),
        fails("UPDATE \"music\" SET artist = 'B' WHERE artist = 'Acme' AND song = 'Beta'", "ValidationException",
            "One or more parameter values were invalid: Cannot update attribute artist. This attribute is part of the key"),
        fails("UPDATE \"music\" SET x = 1 WHERE artist = 'Acme' AND song = 'Nope'", "ConditionalCheckFailedException",
            "The conditional request failed"),
        fails("UPDATE \"music\" SET x = 1 WHERE artist = 'Acme' AND song = 'Beta' AND genre = 'rock'",
            "ConditionalCheckFailedException", "The conditional request failed"),
        fails("DELETE FROM \"music\" WHERE artist = 'Acme' AND song = 'Beta' AND genre = 'rock'",
            "ConditionalCheckFailedException", "The conditional request failed"),
        fails("INSERT INTO \"music\" VALUE {'artist': 'Acme', 'song': 'Beta'}", "DuplicateItemException",
            "Duplicate primary key exists in table"),
        fails("INSERT INTO \"music\" VALUE {'artist': 'Acme'}", "ValidationException",
            "Key attribute should be present in the item: Key song"),
        fails("INSERT INTO \"music\" VALUES {'artist': 'Acme', 'song': 'x'}", "ValidationException",
            SYNTAX + "Expected LEFT_PAREN for row value constructor"),
        fails("INSERT INTO \"counters\" VALUE {'id': 'not a number'}", "ValidationException",
            "One or more parameter values were invalid: Type mismatch for key id expected: N actual: S"),
        fails("EXISTS(SELECT * FROM \"music\" WHERE artist = 'Acme' AND song = 'Beta')", "ValidationException",
            "EXISTS can only be used in ExecuteTransaction write requests."),
        fails("SELECT COUNT(*) FROM \"music\"", "ValidationException", "Unexpected path component at 1:8:5"),
        fails("SELECT * FROM \"music\" WHERE artist = 'Acme' ORDER BY genre", "ValidationException",
            "Variable reference genre in ORDER BY clause must be part of the primary key"),
        fails("INSERT INTO \"music\" VALUE {'artist': 'a', 'song': 'b', 'n': <<1, 'a'>>}", "ValidationException",
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags"),
        fails("INSERT INTO \"music\" VALUE {'artist': 'a', 'song': 'b',\n 'e': <<>>}", "ValidationException",
            "Empty bags are not supported at 2:7:2"),
        fails("DROP TABLE \"music\"", "ValidationException", "Unsupported operation: DropTable"))
        .map(c -> DynamicTest.dynamicTest(c.statement(), () -> assertError(() -> client.executeStatement(r -> r
            .statement(c.statement()).parameters(c.parameters().isEmpty() ? null : c.parameters())), c.code(), c.message())));
  }

  @Test
  void insertUpdateDeleteRoundTrip() {
    run("INSERT INTO \"counters\" VALUE {'id': 1, 'hits': 0, 'names': <<'a', 'b'>>, 'doc': {'list': [1, 'two', true, null]}}");
    run("UPDATE \"counters\" SET hits = hits + 5 SET doc.list[1] = ? REMOVE doc.list[2] WHERE id = 1", s("TWO"));
    run("UPDATE \"counters\" SET names = set_add(names, <<'c'>>) WHERE id = 1 AND hits = 5");
    run("UPDATE \"counters\" SET names = set_delete(names, <<'a'>>), seen = list_append([0], ?) WHERE id = 1",
        AttributeValue.fromL(List.of(n("1"))));
    assertThat(run("SELECT * FROM counters WHERE id = 1")).containsExactly(item("id", n("1"), "hits", n("5"),
        "names", AttributeValue.fromSs(List.of("b", "c")),
        "doc", AttributeValue.fromM(item("list", AttributeValue.fromL(List.of(n("1"), s("TWO"),
            AttributeValue.fromNul(true))))),
        "seen", AttributeValue.fromL(List.of(n("0"), n("1")))));

    assertThat(run("UPDATE \"counters\" SET hits = 6 WHERE id = 1 RETURNING MODIFIED OLD *"))
        .containsExactly(item("hits", n("5")));
    assertThat(run("UPDATE \"counters\" SET hits = 7 WHERE id = 1 RETURNING ALL NEW *")).hasSize(1);
    assertThat(run("DELETE FROM \"counters\" WHERE id = 1 RETURNING ALL OLD *")).hasSize(1);
    assertThat(run("DELETE FROM \"counters\" WHERE id = 1")).isEmpty(); // a missing item: nothing to do
    assertThat(run("SELECT * FROM counters WHERE id = 1")).isEmpty();
  }

  /** The README's SET values and conditions no other case runs: if_not_exists, a - b, exists(path). */
  @Test
  void ifNotExistsSubtractionAndExistsOfAPath() {
    run("INSERT INTO \"counters\" VALUE {'id': 3, 'hits': 10, 'spent': 4}");
    run("UPDATE \"counters\" SET left = hits - spent, hits = if_not_exists(hits, 0), fresh = if_not_exists(fresh, ?)"
        + " WHERE id = 3 AND exists(spent)", n("1"));
    assertThat(run("SELECT left, hits, fresh FROM counters WHERE id = 3"))
        .containsExactly(item("left", n("6"), "hits", n("10"), "fresh", n("1")));
    assertError(() -> run("UPDATE \"counters\" SET x = 1 WHERE id = 3 AND exists(nothing)"),
        "ConditionalCheckFailedException", "The conditional request failed");
    assertThat(run("SELECT id FROM counters WHERE exists(fresh)")).containsExactly(item("id", n("3")));
  }

  @Test
  void aFailedConditionReturnsTheItemWhenAskedTo() {
    run("INSERT INTO \"counters\" VALUE {'id': 2, 'state': 'open'}");
    ConditionalCheckFailedException e = (ConditionalCheckFailedException) assertError(() -> client.executeStatement(r -> r
            .statement("UPDATE counters SET state = 'closed' WHERE id = 2 AND state = 'closed'")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
        "ConditionalCheckFailedException", "The conditional request failed");
    assertThat(e.item()).isEqualTo(item("id", n("2"), "state", "open"));
  }

  @Test
  void limitAndNextTokenPageThroughAQuery() {
    List<String> songs = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ExecuteStatementResponse page = client.executeStatement(r -> r
          .statement("SELECT song FROM \"music\" WHERE artist = 'Acme'").limit(2).nextToken(next));
      page.items().forEach(i -> songs.add(i.get("song").s()));
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(songs).containsExactly("Alpha", "Beta", "Gamma");
    assertThat(pages).isEqualTo(2);
    List<String> across = new ArrayList<>();
    String next = null;
    do {
      String from = next;
      ExecuteStatementResponse page = client.executeStatement(r -> r
          .statement("SELECT song FROM \"music\" WHERE artist IN ['Zed', 'Acme']").limit(1).nextToken(from));
      page.items().forEach(i -> across.add(i.get("song").s()));
      next = page.nextToken();
    } while (next != null);
    assertThat(across).containsExactly("Omega", "Alpha", "Beta", "Gamma");
    assertError(() -> client.executeStatement(r -> r.statement("SELECT * FROM \"music\"").nextToken("!!")),
        "ValidationException", "Invalid NextToken");
  }

  @Test
  void consumedCapacityIsTheOperationsOwn() {
    ExecuteStatementResponse get = client.executeStatement(r -> r
        .statement("SELECT * FROM \"music\" WHERE artist = 'Acme' AND song = 'Beta'")
        .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(get.consumedCapacity().tableName()).isEqualTo("music");
    assertThat(get.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    ExecuteStatementResponse eventual = client.executeStatement(r -> r
        .statement("SELECT * FROM \"music\" WHERE artist = 'Acme' AND song = 'Beta'")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(eventual.consumedCapacity().capacityUnits()).isEqualTo(0.5);
  }

  @Test
  void requestMembersAreValidated() {
    assertError(() -> client.executeStatement(r -> r.statement("")), "ValidationException",
        "1 validation error detected: Value '' at 'statement' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1");
    assertError(() -> client.executeStatement(r -> r.statement("SELECT * FROM \"music\"").limit(0)),
        "ValidationException", "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1");
  }
}
