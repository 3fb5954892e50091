package dev.dynamodouble.core.expression;

import static dev.dynamodouble.core.expression.Ddb.assertValidation;
import static dev.dynamodouble.core.expression.Ddb.item;
import static dev.dynamodouble.core.expression.Ddb.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyConditionExpressionTest {
  static final Map<String, AttributeValue> VALUES = item("""
      {':p': {S: 'p1'}, ':a': {S: 'a'}, ':b': {S: 'b'}, ':c': {S: 'c'}, ':pre': {S: 'ab'},
       ':n': {N: '1'}, ':tS': {S: 'S'}}
      """);
  static final String K = "Invalid KeyConditionExpression: ";

  static KeyCondition.Bound bound(String expression) {
    return new ExpressionContext(names("#k", "pk"), VALUES).keyCondition(expression, "pk", "sk");
  }

  static Stream<Arguments> sortConditions() {
    return Stream.of(
        Arguments.of("pk = :p", null, "", true),
        Arguments.of("pk = :p AND sk = :b", KeyCondition.Operator.EQ, "b", true),
        Arguments.of("pk = :p AND sk = :b", KeyCondition.Operator.EQ, "a", false),
        Arguments.of("pk = :p and sk < :b", KeyCondition.Operator.LT, "a", true),
        Arguments.of("pk = :p AND sk <= :b", KeyCondition.Operator.LE, "b", true),
        Arguments.of("pk = :p AND sk > :b", KeyCondition.Operator.GT, "b", false),
        Arguments.of("pk = :p AND sk >= :b", KeyCondition.Operator.GE, "c", true),
        Arguments.of("pk = :p AND :b > sk", KeyCondition.Operator.LT, "a", true),
        Arguments.of("pk = :p AND :b <= sk", KeyCondition.Operator.GE, "a", false),
        Arguments.of("pk = :p AND sk BETWEEN :a AND :c", KeyCondition.Operator.BETWEEN, "b", true),
        Arguments.of("pk = :p AND sk BETWEEN :a AND :b", KeyCondition.Operator.BETWEEN, "c", false),
        Arguments.of("pk = :p AND begins_with(sk, :pre)", KeyCondition.Operator.BEGINS_WITH, "abc", true),
        Arguments.of("pk = :p AND begins_with(sk, :pre)", KeyCondition.Operator.BEGINS_WITH, "b", false),
        Arguments.of("sk > :a AND pk = :p", KeyCondition.Operator.GT, "b", true),
        Arguments.of("(#k = :p) AND (sk > :a)", KeyCondition.Operator.GT, "b", true),
        Arguments.of("pk = :p AND sk > :n", KeyCondition.Operator.GT, "b", false));
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("sortConditions")
  void bindsToTheKeySchema(String expression, KeyCondition.Operator op, String sortKey,
      boolean matches) {
    KeyCondition.Bound key = bound(expression);
    assertThat(key.partitionKey()).isEqualTo("pk");
    assertThat(key.partitionValue()).isEqualTo(AttributeValue.string("p1"));
    if (op == null) {
      assertThat(key.sortCondition()).isNull();
    } else {
      assertThat(key.sortCondition().operator()).isEqualTo(op);
      assertThat(key.sortCondition().attributeName()).isEqualTo("sk");
    }
    assertThat(key.matchesSortKey(AttributeValue.string(sortKey))).isEqualTo(matches);
    assertThat(key.test(Map.of("pk", AttributeValue.string("p1"), "sk", AttributeValue.string(sortKey))))
        .isEqualTo(matches);
    assertThat(key.test(Map.of("pk", AttributeValue.string("p2"), "sk", AttributeValue.string(sortKey))))
        .isFalse();
  }

  @Test
  void exposesItsParts() {
    KeyCondition kc = new ExpressionContext(null, VALUES).keyCondition("pk = :p AND sk BETWEEN :a AND :c");
    assertThat(kc.parts()).containsExactly(
        new KeyCondition.Part("pk", KeyCondition.Operator.EQ, java.util.List.of(AttributeValue.string("p1"))),
        new KeyCondition.Part("sk", KeyCondition.Operator.BETWEEN,
            java.util.List.of(AttributeValue.string("a"), AttributeValue.string("c"))));
  }

  static Stream<Arguments> shapeErrors() {
    String op = "Invalid operator used in KeyConditionExpression: ";
    String cond = "Invalid condition in KeyConditionExpression: ";
    return Stream.of(
        Arguments.of("", K + "The expression can not be empty;"),
        Arguments.of("a > 4", K + "Syntax error; token: \"4\", near: \"> 4\""),
        Arguments.of("(size(a))[0] > a", K + "Syntax error; token: \"[\", near: \")[0\""),
        Arguments.of("things are not gonna be ok", K + "Syntax error; token: \"are\", near: \"things are not\""),
        Arguments.of("data.foo = :a", K + "Attribute name is a reserved keyword; reserved keyword: data"),
        Arguments.of("attribute_type(a, b)", K + "Incorrect operand type for operator or function; "
            + "operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}"),
        Arguments.of("a between :n and :a", K + "The BETWEEN operator requires same data type for lower "
            + "and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: "
            + "AttributeValue: {S:a}"),
        Arguments.of("a between :b and :a", K + "The BETWEEN operator requires upper bound to be greater "
            + "than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound "
            + "operand: AttributeValue: {S:a}"),
        Arguments.of("attribute_type(a, :tS)", op + "attribute_type"),
        Arguments.of("a > b and size(b) > c or a > c", op + "OR"),
        Arguments.of("a in (b, size(c), d)", op + "IN"),
        Arguments.of("attribute_exists(a)", op + "attribute_exists"),
        Arguments.of("attribute_not_exists(a)", op + "attribute_not_exists"),
        Arguments.of("contains(a.d, b)", op + "contains"),
        Arguments.of("not a > b", op + "NOT"),
        Arguments.of("a <> b", op + "<>"),
        Arguments.of(":a between size(b) and size(a) and b > :b",
            cond + "BETWEEN operator must have the key attribute as its first operand"),
        Arguments.of("begins_with(:a, b) and a > :b",
            cond + "begins_with operator must have the key attribute as its first operand"),
        Arguments.of("size(b) > a AND a.b > b AND b > c",
            K + "KeyConditionExpressions cannot contain nested operations"),
        Arguments.of("a > size(b.d)", K + "KeyConditionExpressions cannot contain nested operations"),
        Arguments.of("a between size(b) and size(a)",
            K + "KeyConditionExpressions cannot contain nested operations"),
        Arguments.of("b > a.b", cond + "Multiple attribute names used in one condition"),
        Arguments.of("b between c[1] and d", cond + "Multiple attribute names used in one condition"),
        Arguments.of("a between b and size(a)", cond + "Multiple attribute names used in one condition"),
        Arguments.of("begins_with(a, b)", cond + "Multiple attribute names used in one condition"),
        Arguments.of("b.d > a AND c.d > e.f", K + "KeyConditionExpressions cannot have conditions on nested attributes"),
        Arguments.of("a.d > c", K + "KeyConditionExpressions cannot have conditions on nested attributes"),
        Arguments.of("b[0] > a", K + "KeyConditionExpressions cannot have conditions on nested attributes"),
        Arguments.of("pk = :p AND begins_with(sk[0], :a)",
            K + "KeyConditionExpressions cannot have conditions on nested attributes"),
        Arguments.of(":b > :a AND a < :b", cond + "No key attribute specified"),
        Arguments.of(":a > b AND :a < :b", cond + "No key attribute specified"),
        Arguments.of("b > :a AND b < :a and c = :a and d = :a",
            "KeyConditionExpressions must only contain one condition per key"),
        Arguments.of("(a > :a and b > :a) and (b > :a and c > :a)",
            "KeyConditionExpressions must only contain one condition per key"));
  }

  /** More than two parts: only a multi-attribute GSI key takes them, so the length is checked once the key is known. */
  @ParameterizedTest
  @ValueSource(strings = {":a = a and b = :a and :a = c",
      "(a > :a and b > :a) and (c > :a and d > :a) and (e > :a and f > :a)"})
  void checksTheLengthAgainstTheKeySchema(String expression) {
    KeyCondition kc = new ExpressionContext(null, VALUES).keyCondition(expression);
    assertValidation(() -> kc.bind("a", "b"), "Conditions can be of length 1 or 2 only");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("shapeErrors")
  void checksItsShapeBeforeKnowingTheTable(String expression, String message) {
    assertValidation(() -> new ExpressionContext(null, VALUES).keyCondition(expression), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a = :a AND b = :a", "y = :a and z = :a", "a > :a", "a < :a", ":a <= a",
      ":a >= a", "begins_with(a, :a)", "a between :a and :a"})
  void aTableWithoutSortKeyOnlyTakesPartitionKeyEquality(String expression) {
    KeyCondition kc = new ExpressionContext(null, VALUES).keyCondition(expression);
    assertValidation(() -> kc.bind("a", null), "Query key condition not supported");
  }

  @Test
  void reportsTheMissedKeySchemaElement() {
    ExpressionContext ctx = new ExpressionContext(null, VALUES);
    assertValidation(() -> ctx.keyCondition("z = :a").bind("a", null),
        "Query condition missed key schema element: a");
    assertValidation(() -> ctx.keyCondition("z between :a and :b").bind("a", "b"),
        "Query condition missed key schema element: a");
    assertValidation(() -> ctx.keyCondition("b = :a").bind("a", "b"),
        "Query condition missed key schema element: a");
    assertValidation(() -> ctx.keyCondition("a = :a and c = :b").bind("a", "b"),
        "Query condition missed key schema element: b");
    assertValidation(() -> ctx.keyCondition("a > :a and b = :b").bind("a", "b"),
        "Query key condition not supported");
  }

  @Test
  void checksValueTypesAgainstTheSchema() {
    ExpressionContext ctx = new ExpressionContext(null, VALUES);
    String message = "One or more parameter values were invalid: Condition parameter type does not match schema type";
    assertValidation(() -> ctx.keyCondition(":n = a").bind("a", AttributeType.S, null, null), message);
    assertValidation(() -> ctx.keyCondition("a = :a AND b > :a")
        .bind("a", AttributeType.S, "b", AttributeType.N), message);
    assertThat(ctx.keyCondition("a = :a AND b > :n").bind("a", AttributeType.S, "b", AttributeType.N)
        .matchesSortKey(AttributeValue.number(2))).isTrue();
  }
}
