package dev.dynamodouble.core.expression;

import static dev.dynamodouble.core.expression.Ddb.assertValidation;
import static dev.dynamodouble.core.expression.Ddb.item;
import static dev.dynamodouble.core.expression.Ddb.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error a condition can raise, with DynamoDB's text and order of precedence. */
class ConditionErrorsTest {
  static final Map<String, AttributeValue> VALUES = item("""
      {':v': {S: 'a'}, ':s': {S: 'a'}, ':n': {N: '1'}, ':n10': {N: '10'}, ':bool': {BOOL: true},
       ':null': {NULL: true}, ':l': {L: []}, ':m': {M: {}}, ':ss': {SS: ['a']}, ':dog': {S: 'DOG'},
       ':b': {B: 'AQ=='}, ':tn': {S: 'N'}}
      """);
  static final Map<String, String> NAMES = names("#a", "a", "#b", "b");
  static final String C = "Invalid ConditionExpression: ";

  static Stream<Arguments> errors() {
    return Stream.of(
        // empty
        Arguments.of("", C + "The expression can not be empty;"),
        Arguments.of(" \t\r\n ", C + "Syntax error; token: \"<EOF>\", near: \" \t\r\n \""),
        // syntax errors name the token and the text around it
        Arguments.of("foo", C + "Syntax error; token: \"<EOF>\", near: \"foo\""),
        Arguments.of("a = ", C + "Syntax error; token: \"<EOF>\", near: \"= \""),
        Arguments.of("a == :v", C + "Syntax error; token: \"=\", near: \"== :v\""),
        Arguments.of("a = :v $", C + "Syntax error; token: \"$\", near: \":v $\""),
        Arguments.of("a = b c", C + "Syntax error; token: \"c\", near: \"b c\""),
        Arguments.of("a = 1", C + "Syntax error; token: \"1\", near: \"= 1\""),
        Arguments.of("a IN ()", C + "Syntax error; token: \")\", near: \"()\""),
        Arguments.of("a BETWEEN :v :n", C + "Syntax error; token: \":n\", near: \":v :n\""),
        Arguments.of("attribute_exists()", C + "Syntax error; token: \")\", near: \"()\""),
        Arguments.of("a = :v AND", C + "Syntax error; token: \"<EOF>\", near: \"AND\""),
        Arguments.of("NOT", C + "Syntax error; token: \"<EOF>\", near: \"NOT\""),
        Arguments.of("(a = :v", C + "Syntax error; token: \"<EOF>\", near: \":v\""),
        Arguments.of("a = :v)", C + "Syntax error; token: \")\", near: \":v)\""),
        Arguments.of("a[x] = :v", C + "Syntax error; token: \"x\", near: \"[x]\""),
        Arguments.of("a[-1] = :v", C + "Syntax error; token: \"-\", near: \"[-1\""),
        Arguments.of("a. = :v", C + "Syntax error; token: \"=\", near: \". = :v\""),
        Arguments.of("a = AND", C + "Syntax error; token: \"AND\", near: \"= AND\""),
        Arguments.of("a AND b = :v", C + "Syntax error; token: \"AND\", near: \"a AND b\""),
        Arguments.of("a = :v = :v", C + "Syntax error; token: \"=\", near: \":v = :v\""),
        Arguments.of("a = b + :v", C + "Syntax error; token: \"+\", near: \"b + :v\""),
        Arguments.of("a <> :v OR (b)", C + "Syntax error; token: \"<EOF>\", near: \")\""),
        Arguments.of("a = 'x'", C + "Syntax error; token: \"'\", near: \"= 'x\""),
        // redundant parentheses come first of the rest
        Arguments.of("((a = :v))", C + "The expression has redundant parentheses;"),
        Arguments.of("((a)) = :v", C + "The expression has redundant parentheses;"),
        Arguments.of("a = ((:v))", C + "The expression has redundant parentheses;"),
        Arguments.of("NOT ((a = :v))", C + "The expression has redundant parentheses;"),
        Arguments.of("((a = :v)) AND foo(b)", C + "The expression has redundant parentheses;"),
        // function names are case sensitive; update functions are refused in conditions
        Arguments.of("foo(a)", C + "Invalid function name; function: foo"),
        Arguments.of("BegIns_WiTh(a, :v)", C + "Invalid function name; function: BegIns_WiTh"),
        Arguments.of("if_not_exists(a, :v) = :v",
            C + "The function is not allowed in a condition expression; function: if_not_exists"),
        Arguments.of("list_append(a, :v) = :v",
            C + "The function is not allowed in a condition expression; function: list_append"),
        Arguments.of("size(a) AND foo(b)", C + "Invalid function name; function: foo"),
        // functions out of place
        Arguments.of("size(a)",
            C + "The function is not allowed to be used this way in an expression; function: size"),
        Arguments.of("attribute_exists(a) = :v", C
            + "The function is not allowed to be used this way in an expression; function: attribute_exists"),
        Arguments.of("begins_with(contains(a, :v), :v)",
            C + "The function is not allowed to be used this way in an expression; function: contains"),
        Arguments.of("a IN (:v, attribute_type(b, :v))", C
            + "The function is not allowed to be used this way in an expression; function: attribute_type"),
        Arguments.of("size(status)",
            C + "The function is not allowed to be used this way in an expression; function: size"),
        // reserved words, as written, before anything about placeholders
        Arguments.of("status = :v", C + "Attribute name is a reserved keyword; reserved keyword: status"),
        Arguments.of("a.Status = :v", C + "Attribute name is a reserved keyword; reserved keyword: Status"),
        Arguments.of("a = :nope OR Size = :v",
            C + "Attribute name is a reserved keyword; reserved keyword: Size"),
        // placeholders
        Arguments.of("#x = :v", C
            + "An expression attribute name used in the document path is not defined; attribute name: #x"),
        Arguments.of("a.#x = :v", C
            + "An expression attribute name used in the document path is not defined; attribute name: #x"),
        Arguments.of("a = :x", C
            + "An expression attribute value used in expression is not defined; attribute value: :x"),
        Arguments.of("contains(a, :x) AND #x = :v", C
            + "An expression attribute value used in expression is not defined; attribute value: :x"),
        Arguments.of("a = :nope AND b = b", C
            + "An expression attribute value used in expression is not defined; attribute value: :nope"),
        // operand counts
        Arguments.of("attribute_exists(a, b)", C + "Incorrect number of operands for operator or "
            + "function; operator or function: attribute_exists, number of operands: 2"),
        Arguments.of("size(a, b) = :n", C + "Incorrect number of operands for operator or function; "
            + "operator or function: size, number of operands: 2"),
        Arguments.of("begins_with(a)", C + "Incorrect number of operands for operator or function; "
            + "operator or function: begins_with, number of operands: 1"),
        Arguments.of("attribute_type(a, :v, :v)", C + "Incorrect number of operands for operator or "
            + "function; operator or function: attribute_type, number of operands: 3"),
        // leaf by leaf: the first faulty condition wins, whatever its kind of fault
        Arguments.of("a = a AND b = :nope", C + "The first operand must be distinct from the "
            + "remaining operands for this operator or function; operator: =, first operand: [a]"),
        Arguments.of("#a = a", C + "The first operand must be distinct from the remaining operands "
            + "for this operator or function; operator: =, first operand: [a]"),
        Arguments.of("a.b[1] <> a.b[1]", C + "The first operand must be distinct from the remaining "
            + "operands for this operator or function; operator: <>, first operand: [a, b, [1]]"),
        Arguments.of("contains(a, a)", C + "The first operand must be distinct from the remaining "
            + "operands for this operator or function; operator: contains, first operand: [a]"),
        Arguments.of("contains(a, #a) AND size(x, y) = :n", C + "The first operand must be distinct "
            + "from the remaining operands for this operator or function; operator: contains, first operand: [a]"),
        // operand types, checked on values (and size) only, before any evaluation
        Arguments.of("begins_with(a, :n)", C + "Incorrect operand type for operator or function; "
            + "operator or function: begins_with, operand type: N"),
        Arguments.of("begins_with(size(a), :v)", C + "Incorrect operand type for operator or "
            + "function; operator or function: begins_with, operand type: N"),
        Arguments.of("size(:n) = :n", C + "Incorrect operand type for operator or function; "
            + "operator or function: size, operand type: N"),
        Arguments.of("size(:bool) > :n", C + "Incorrect operand type for operator or function; "
            + "operator or function: size, operand type: BOOL"),
        Arguments.of("size(size(a)) > :n", C + "Incorrect operand type for operator or function; "
            + "operator or function: size, operand type: N"),
        Arguments.of("a < :bool", C + "Incorrect operand type for operator or function; "
            + "operator or function: <, operand type: BOOL"),
        Arguments.of(":l >= a", C + "Incorrect operand type for operator or function; "
            + "operator or function: >=, operand type: L"),
        Arguments.of("size(a) > :ss", C + "Incorrect operand type for operator or function; "
            + "operator or function: >, operand type: SS"),
        Arguments.of("attribute_not_exists(z) OR NOT (n > :null)", C + "Incorrect operand type for "
            + "operator or function; operator or function: >, operand type: NULL"),
        Arguments.of("a BETWEEN :m AND :n", C + "Incorrect operand type for operator or function; "
            + "operator or function: BETWEEN, operand type: M"),
        Arguments.of("a BETWEEN :n AND :s", C + "The BETWEEN operator requires same data type for "
            + "lower and upper bounds; lower bound operand: AttributeValue: {N:1}, "
            + "upper bound operand: AttributeValue: {S:a}"),
        Arguments.of("a BETWEEN :n10 AND :n", C + "The BETWEEN operator requires upper bound to be "
            + "greater than or equal to lower bound; lower bound operand: AttributeValue: {N:10}, "
            + "upper bound operand: AttributeValue: {N:1}"),
        Arguments.of("attribute_exists(:v)",
            C + "Operator or function requires a document path; operator or function: attribute_exists"),
        Arguments.of("attribute_not_exists(size(a))", C
            + "Operator or function requires a document path; operator or function: attribute_not_exists"),
        Arguments.of("attribute_type(a, b)", C + "Incorrect operand type for operator or function; "
            + "operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}"),
        Arguments.of("attribute_type(a, :n)", C + "Incorrect operand type for operator or function; "
            + "operator or function: attribute_type, operand type: N"),
        Arguments.of("attribute_type(a, :dog)", C
            + "Invalid attribute type name found; type: DOG, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("errors")
  void rejects(String expression, String message) {
    ExpressionContext ctx = new ExpressionContext(NAMES, VALUES);
    assertValidation(() -> ctx.conditionExpression(expression), message);
    // the same text again, now from the parse cache, fails the same way
    assertValidation(() -> new ExpressionContext(NAMES, VALUES).conditionExpression(expression), message);
  }

  @Test
  void filterExpressionsNameThemselves() {
    ExpressionContext ctx = new ExpressionContext(null, VALUES);
    assertValidation(() -> ctx.filterExpression(""),
        "Invalid FilterExpression: The expression can not be empty;");
    assertValidation(() -> ctx.filterExpression("a < :bool"), "Invalid FilterExpression: "
        + "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL");
  }

  @Test
  void theseAreFine() {
    ExpressionContext ctx = new ExpressionContext(NAMES, VALUES);
    for (String ok : List.of("(a = :v)", "((a = :v) AND (b = :v))", "a = :bool", "a <> :l",
        "a IN (:l, :m, :bool)", "(a) = (:v)", "attribute_type(:n, :tn)", "a = b", "#a = #b",
        "size(a) = size(b)", "begins_with(a, b)", "a BETWEEN b AND :n")) {
      assertThat(ctx.conditionExpression(ok)).isNotNull();
    }
  }

  @Test
  void limitsTheSizeOfTheExpressionText() {
    String path = "a" + "z".repeat(4096);
    String expression = path + " = :v";
    assertValidation(() -> new ExpressionContext(null, VALUES).conditionExpression(expression),
        C + "Expression size has exceeded the maximum allowed size; expression size: "
            + expression.length());
    assertValidation(() -> new ExpressionContext(null, VALUES).filterExpression(expression),
        "Invalid FilterExpression: Expression size has exceeded the maximum allowed size; "
            + "expression size: " + expression.length());
    // 4096 bytes are fine; bytes, not characters, count
    String atLimit = "a".repeat(4096 - 5) + " = :v";
    assertThat(new ExpressionContext(null, VALUES).conditionExpression(atLimit)).isNotNull();
  }

  @Test
  void limitsPathDepthTo32() {
    String ok = "a" + ".b".repeat(31);
    assertThat(new ExpressionContext(null, VALUES).conditionExpression(ok + " = :v")).isNotNull();
    String deep = "a" + ".b".repeat(32);
    assertValidation(() -> new ExpressionContext(null, VALUES).conditionExpression(deep + " = :v"),
        C + "The document path has too many nesting levels; nesting levels: 33");
    String indexes = "a" + "[0]".repeat(32);
    assertValidation(() -> new ExpressionContext(null, VALUES).conditionExpression(indexes + " = :v"),
        C + "The document path has too many nesting levels; nesting levels: 33");
  }

  @Test
  void limitsInTo100Operands() {
    Map<String, AttributeValue> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 101; i++) {
      values.put(":v" + i, AttributeValue.number(i));
    }
    String hundred = IntStream.range(0, 100).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));
    assertThat(new ExpressionContext(null, values).conditionExpression("a IN (" + hundred + ")")
        .test(Map.of("a", AttributeValue.number(99)))).isTrue();
    assertValidation(() -> new ExpressionContext(null, values)
            .conditionExpression("a IN (" + hundred + ", :v100)"),
        C + "The IN operator is provided with too many operands; number of operands: 101");
  }

  @Test
  void limitsOperatorsTo300() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      parts.add("a = :v");
    }
    assertThat(new ExpressionContext(null, VALUES).conditionExpression(String.join(" AND ", parts)))
        .isNotNull();
    parts.add("a = :v");
    assertValidation(() -> new ExpressionContext(null, VALUES)
            .conditionExpression(String.join(" AND ", parts)),
        C + "The expression contains too many operators; operator count: 301");
    String nots = "NOT ".repeat(301) + "a = :v";
    assertValidation(() -> new ExpressionContext(null, VALUES).conditionExpression(nots),
        C + "The expression contains too many operators; operator count: 302");
  }

  @Test
  void deepParenthesesDoNotOverflowTheStack() {
    String deep = "(".repeat(2000) + "a = :v" + ")".repeat(2000);
    assertValidation(() -> new ExpressionContext(null, VALUES).conditionExpression(deep),
        C + "The expression has redundant parentheses;");
  }

  @Test
  void parsedExpressionsAreCached() {
    String expression = "cached_attribute = :v";
    new ExpressionContext(null, VALUES).conditionExpression(expression);
    int size = ParseCache.size();
    for (int i = 0; i < 10; i++) {
      new ExpressionContext(null, VALUES).conditionExpression(expression);
    }
    assertThat(ParseCache.size()).isEqualTo(size);
  }
}
