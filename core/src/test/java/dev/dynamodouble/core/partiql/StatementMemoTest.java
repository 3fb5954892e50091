package dev.dynamodouble.core.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.value.AttributeType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One request's statements are parsed and planned once, whoever asks (auth, the fault rules, the
 * operation), and a statement that fails fails every asker with the same exception.
 */
class StatementMemoTest {
  private static final KeySchema SCHEMA = new KeySchema(new KeyAttribute("pk", AttributeType.S),
      new KeyAttribute("sk", AttributeType.N));

  private int schemaLookups; // the planner asks the key schemas once per plan
  private final StatementMemo memo = new StatementMemo((table, index) -> {
    schemaLookups++;
    if (!table.equals("t")) {
      throw DynamoException.resourceNotFound("Requested resource not found");
    }
    return SCHEMA;
  });

  private static JsonRequest request(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return JsonRequest.parse(body, 0, body.length);
  }

  /** The entries of a BatchExecuteStatement as each stage reads them: new wrappers every time. */
  private static List<JsonRequest> entries(JsonRequest request) {
    return request.structures("Statements");
  }

  @Test
  void everyReaderOfAnEntryGetsTheOneParsedStatement() {
    JsonRequest request = request("""
        {"Statements": [
          {"Statement": "SELECT * FROM t WHERE pk = ? AND sk = 1", "Parameters": [{"S": "a"}]},
          {"Statement": "SELECT * FROM t WHERE pk = ? AND sk = 1", "Parameters": [{"S": "b"}]}]}""");
    Statement first = memo.parse(entries(request).get(0));
    assertThat(entries(request).get(0)).isNotSameAs(entries(request).get(0));
    assertThat(memo.parse(entries(request).get(0))).isSameAs(first);
    Statement second = memo.parse(entries(request).get(1)); // same text, other parameters: its own statement
    assertThat(second).isNotSameAs(first).isNotEqualTo(first);
  }

  @Test
  void aStatementThatDoesNotParseFailsEveryAskerTheSameWay() {
    JsonRequest entry = request("{\"Statement\": \"SELECT * FROM t WHERE\"}");
    Throwable first = catchThrowable(() -> memo.parse(entry));
    assertThat(first).isInstanceOf(DynamoException.class)
        .hasMessageStartingWith("Statement wasn't well formed, can't be processed: ");
    assertThat(catchThrowable(() -> memo.parse(entry))).isSameAs(first);
    Throwable parameters = catchThrowable(() -> memo.parse(request(
        "{\"Statement\": \"SELECT * FROM t WHERE pk = ?\", \"Parameters\": [{\"S\": \"a\"}, {\"S\": \"b\"}]}")));
    assertThat(parameters).hasMessage("Number of parameters in request and statement don't match.");
  }

  @Test
  void eachStatementIsPlannedOnce() {
    Statement get = memo.parse(request("{\"Statement\": \"SELECT * FROM t WHERE pk = 'a' AND sk = 1\"}"));
    Plan plan = memo.plan(get);
    assertThat(plan.kind()).isEqualTo(Plan.Kind.GET);
    assertThat(memo.plan(get)).isSameAs(plan);
    assertThat(memo.planGet((Statement.Select) get)).isSameAs(plan); // a batch's or transaction's SELECT
    assertThat(schemaLookups).isEqualTo(1);

    Statement query = memo.parse(request("{\"Statement\": \"SELECT * FROM t WHERE pk = 'a'\"}"));
    assertThat(memo.planGet((Statement.Select) query)).isNull(); // not a single item read
    assertThat(memo.plan(query).kind()).isEqualTo(Plan.Kind.QUERY);
    assertThat(schemaLookups).isEqualTo(2);
  }

  @Test
  void aStatementThatDoesNotPlanFailsEveryAskerTheSameWay() {
    Statement missing = memo.parse(request("{\"Statement\": \"DELETE FROM other WHERE pk = 'a'\"}"));
    Throwable first = catchThrowable(() -> memo.plan(missing));
    assertThat(first).isInstanceOf(DynamoException.class).hasMessage("Requested resource not found");
    assertThat(catchThrowable(() -> memo.plan(missing))).isSameAs(first);
    assertThat(schemaLookups).isEqualTo(1);
  }
}
