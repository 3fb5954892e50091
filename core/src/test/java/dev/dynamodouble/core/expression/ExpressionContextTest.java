package dev.dynamodouble.core.expression;

import static dev.dynamodouble.core.expression.Ddb.assertValidation;
import static dev.dynamodouble.core.expression.Ddb.item;
import static dev.dynamodouble.core.expression.Ddb.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The placeholder maps: their own validation, and unused entries across a request. */
class ExpressionContextTest {
  static final Map<String, AttributeValue> ONE = item("{':v': {S: 'x'}}");

  @Test
  void refusesEmptyMapsNamesFirst() {
    assertValidation(() -> new ExpressionContext(Map.of(), Map.of()),
        "ExpressionAttributeNames must not be empty");
    assertValidation(() -> new ExpressionContext(null, Map.of()),
        "ExpressionAttributeValues must not be empty");
  }

  @Test
  void refusesMalformedNames() {
    assertValidation(() -> new ExpressionContext(names("a", "a"), Map.of()),
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
    assertValidation(() -> new ExpressionContext(names("#", "a"), null),
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\"");
    assertValidation(() -> new ExpressionContext(names("#a-b", "a"), null),
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"");
    assertValidation(() -> new ExpressionContext(names("#" + "a".repeat(255), "a"), null),
        "ExpressionAttributeNames contains invalid key: The expression attribute map contains a key "
            + "that is too long; size of key: 256");
    assertValidation(() -> new ExpressionContext(names("#" + "a".repeat(255) + "-x", "a"), null),
        "ExpressionAttributeNames contains invalid key: The expression attribute map contains a key "
            + "that is too long; size of key: 258");
    assertValidation(() -> new ExpressionContext(names("#a", ""), null),
        "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a");
    assertThat(new ExpressionContext(names("#a_1", "foo", "#" + "a".repeat(254), "b"), null)).isNotNull();
  }

  @Test
  void refusesMalformedValueKeys() {
    assertValidation(() -> new ExpressionContext(null, item("{':b': {S: 'a'}, 'b': {S: 'a'}}")),
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"");
    assertValidation(() -> new ExpressionContext(null, item("{':': {S: 'a'}}")),
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \":\"");
    assertValidation(() -> new ExpressionContext(null, item("{':a-b': {S: 'a'}}")),
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \":a-b\"");
    assertValidation(() -> new ExpressionContext(null, item("{':" + "a".repeat(255) + "': {S: 'a'}}")),
        "ExpressionAttributeValues contains invalid key: The expression attribute map contains a key "
            + "that is too long;");
  }

  @Test
  void placeholdersAreUsedByParsingNotByEvaluating() {
    // A short-circuited OR still uses both sides' placeholders.
    ExpressionContext ctx = new ExpressionContext(names("#name1", "a", "#name2", "b"),
        item("{':val1': {N: '1'}, ':val2': {N: '2'}, ':val3': {N: '3'}}"));
    ctx.update("SET #name1 = :val3");
    Condition c = ctx.conditionExpression("#name1 = :val1 OR #name2 = :val2");
    ctx.checkAllUsed();
    assertThat(c.test(item("{a: {N: '1'}}"))).isTrue();
  }

  @Test
  void namesAndValuesAreSharedByEveryExpressionOfTheRequest() {
    ExpressionContext ctx = new ExpressionContext(names("#a", "a", "#b", "b"), ONE);
    ctx.keyCondition("#a = :v");
    ctx.projection("#b");
    ctx.checkAllUsed();

    ExpressionContext unused = new ExpressionContext(names("#a", "a", "#b", "b"), ONE);
    unused.projection("#b");
    assertValidation(unused::checkAllUsed,
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}");

    ExpressionContext unusedValue = new ExpressionContext(null, ONE);
    unusedValue.projection("a");
    assertValidation(unusedValue::checkAllUsed,
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
  }

  @Test
  void reservedWordsAreDynamoDbsFullList() {
    assertThat(ReservedWords.count()).isEqualTo(573);
    for (String w : new String[] {"status", "NAME", "Date", "count", "data", "size", "ttl", "zone",
        "abort", "value", "values", "year"}) {
      assertThat(ReservedWords.isReserved(w)).as(w).isTrue();
    }
    for (String w : new String[] {"pk", "sk", "id", "email", "price", "created", "items2"}) {
      assertThat(ReservedWords.isReserved(w)).as(w).isFalse();
    }
  }
}
