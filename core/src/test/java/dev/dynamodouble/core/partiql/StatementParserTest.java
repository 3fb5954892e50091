package dev.dynamodouble.core.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parser and planner on their own: shapes, plans, and that nothing but DynamoException escapes. */
class StatementParserTest {
  private static final KeySchema SCHEMA = new KeySchema(new KeyAttribute("pk", AttributeType.S),
      new KeyAttribute("sk", AttributeType.N));
  private static final Planner PLANNER = new Planner((table, index) -> SCHEMA);

  static Plan plan(String statement) {
    return PLANNER.plan(StatementParser.parse(statement, null));
  }

  @Test
  void selectsBecomeGetQueryOrScan() {
    assertThat(plan("SELECT * FROM t WHERE pk = 'a' AND sk = 1").kind()).isEqualTo(Plan.Kind.GET);
    assertThat(plan("SELECT * FROM t WHERE sk = 1 AND pk = 'a'").fields().get("Key"))
        .isEqualTo(Map.of("pk", new AttributeValue.S("a"), "sk", AttributeValue.number(1)));
    Plan query = plan("SELECT * FROM t WHERE pk = 'a' AND sk > 1 AND x = 2");
    assertThat(query.kind()).isEqualTo(Plan.Kind.QUERY);
    assertThat(query.fields()).containsEntry("KeyConditionExpression", "(#n0 = :v0 AND #n1 > :v1)")
        .containsEntry("FilterExpression", "#n2 = :v2");
    Plan partitions = plan("SELECT * FROM t WHERE pk = 'a' OR pk = 'b' OR pk = 'a'");
    assertThat(partitions.kind()).isEqualTo(Plan.Kind.QUERY);
    assertThat(partitions.partitions()).containsExactly(new AttributeValue.S("a"), new AttributeValue.S("b"));
    assertThat(plan("SELECT * FROM t WHERE pk IN ['a', 'b'] AND sk > 1").fields())
        .containsEntry("KeyConditionExpression", "#n0 = :partition AND #n1 > :v0");
    assertThat(plan("SELECT * FROM t WHERE pk = 'a' OR x = 'b'").kind()).isEqualTo(Plan.Kind.SCAN);
    assertThat(plan("SELECT * FROM t WHERE pk = 'a' AND sk > 1 AND sk < 5").kind()).isEqualTo(Plan.Kind.SCAN);
  }

  @Test
  void writesNameTheFullKeyAndKeepTheRestAsTheirCondition() {
    Plan update = plan("UPDATE t SET a.b[2] = 'x', c = c + 1 REMOVE d SET e = set_add(e, <<1, 2>>) "
        + "WHERE pk = 'a' AND sk = 1 AND attribute_type(f, 'S')");
    assertThat(update.fields()).containsEntry("UpdateExpression",
        "SET #n0.#n1[2] = :v0, #n2 = #n2 + :v1 REMOVE #n3 ADD #n4 :v2")
        .containsEntry("ConditionExpression", "attribute_exists(#n5) AND attribute_type(#n6, :v3)");
    Plan delete = plan("DELETE FROM t WHERE pk = 'a' AND sk = 1 AND x IS MISSING");
    assertThat(delete.fields()).containsEntry("ConditionExpression",
        "attribute_not_exists(#n0) OR attribute_not_exists(#n1)");
  }

  @Test
  void literalsOfEveryKind() {
    Statement.Insert insert = (Statement.Insert) StatementParser.parse(
        "INSERT INTO \"t\" VALUE {'s': 'it''s', 'n': -1.5e2, 'b': true, 'z': null, 'l': [1, 'x'], "
            + "'ss': <<'a', 'b'>>, 'ns': <<1, 2>>, 'm': {'k': ?}}", List.of(new AttributeValue.S("p")));
    assertThat(insert.item()).containsEntry("s", new AttributeValue.S("it's"))
        .containsEntry("n", AttributeValue.number(-150))
        .containsEntry("b", new AttributeValue.Bool(true))
        .containsEntry("m", AttributeValue.map(Map.of("k", new AttributeValue.S("p"))));
    assertThat(insert.item().get("ns")).isInstanceOf(AttributeValue.NS.class);
  }

  @Test
  void noInputEscapesAsAnythingButADynamoException() {
    String alphabet = "SELECT*FROMWHERE\"'?,.[]{}()<<>>=<>!-+0123456789 AND OR NOT IN IS MISSING SET REMOVE "
        + "UPDATE INSERT INTO VALUE DELETE EXISTS RETURNING ALL OLD size begins_with";
    Random random = new Random(19);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      try {
        plan(text.toString());
      } catch (DynamoException expected) {
        // every failure is a DynamoDB error
      }
    }
    String deep = "SELECT * FROM t WHERE " + "(".repeat(10_000) + "a = 1" + ")".repeat(10_000);
    assertThatThrownBy(() -> plan(deep)).isInstanceOf(DynamoException.class);
    String deepList = "INSERT INTO t VALUE {'a': " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    assertThatThrownBy(() -> plan(deepList)).isInstanceOf(DynamoException.class);
  }
}
