package dev.dynamodouble.core.expression;

import static dev.dynamodouble.core.expression.Ddb.assertValidation;
import static dev.dynamodouble.core.expression.Ddb.item;
import static dev.dynamodouble.core.expression.Ddb.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UpdateErrorsTest {
  static final String U = "Invalid UpdateExpression: ";
  static final Map<String, AttributeValue> VALUES = item("""
      {':a': {S: 'a'}, ':b': {N: '1'}, ':c': {B: 'YQ=='}, ':d': {BOOL: false}, ':e': {NULL: true},
       ':f': {SS: ['a']}, ':g': {NS: ['1']}, ':h': {BS: ['YQ==']}, ':i': {M: {}}, ':j': {L: []}}
      """);

  @ParameterizedTest
  @ValueSource(strings = {"whatever", "set a", "add a", "delete a", "set a=set", "remove a = b",
      "add a = b", "delete a = b", "delete a b", "delete a if_not_exist(b)", "add abort b",
      "add a if_not_exist(b)", "remove a b", "set a b", "set :a = b", "add :a b", "delete :a b",
      "remove :a", "set a = b / c", "set a = b * c", "set a[1] = \"eight\"", "set a[1] = 1",
      "SET a = if_not_exist(a, 100)", "SET if_not_exist(a, b) = a", "set (a = (b + c))",
      "set a = (b.c).d + e", "set a = (b.c)[0] + e", "set a = b + c + d", "set a = :a,",
      "set a = (b + c) + d", "SET a = b REMOVE", "set a = (((b)))"})
  void syntaxErrors(String expression) {
    assertThatThrownBy(() -> ExpressionContext.empty().update(expression))
        .isInstanceOf(DynamoException.class)
        .hasMessageStartingWith(U + "Syntax error; token: ");
  }

  static Stream<Arguments> errors() {
    Map<String, String> ab = names("#a", "a", "#b", "b");
    Map<String, String> cd = names("#c", "c", "#d", "[3]");
    Map<String, String> bcd = names("#b", "b", "#c", "c", "#d", "[3]");
    return Stream.of(
        Arguments.of("", null, U + "The expression can not be empty;"),
        Arguments.of("SET MyStr = myNum + 1", null, U + "Syntax error; token: \"1\", near: \"+ 1\""),
        Arguments.of("SET MyStr = myNum Mystr2 myNum2", null,
            U + "Syntax error; token: \"Mystr2\", near: \"myNum Mystr2 myNum2\""),
        Arguments.of("SET MyStr = my Num", null, U + "Syntax error; token: \"Num\", near: \"my Num\""),
        Arguments.of("whatever", null, U + "Syntax error; token: \"whatever\", near: \"whatever\""),
        // reserved words first, then unknown functions, then repeated sections
        Arguments.of(" set #c = :c set abOrt = true ", ab,
            U + "Attribute name is a reserved keyword; reserved keyword: abOrt"),
        Arguments.of(" remove Absolute ", ab,
            U + "Attribute name is a reserved keyword; reserved keyword: Absolute"),
        Arguments.of("set #c = if_not_exist(:c) set c = d", ab,
            U + "Invalid function name; function: if_not_exist"),
        Arguments.of("SET a = size(b)", null,
            U + "The function is not allowed in an update expression; function: size"),
        Arguments.of("SET a = attribute_exists(b)", null,
            U + "The function is not allowed in an update expression; function: attribute_exists"),
        Arguments.of("set a = #c set c = :d", ab,
            U + "The \"SET\" section can only be used once in an update expression;"),
        Arguments.of("remove #d set a = b remove e", ab,
            U + "The \"REMOVE\" section can only be used once in an update expression;"),
        Arguments.of("add #d :e set a = b add e :f", ab,
            U + "The \"ADD\" section can only be used once in an update expression;"),
        Arguments.of("delete #d :e set a = b delete #e :f", ab,
            U + "The \"DELETE\" section can only be used once in an update expression;"),
        // undefined names (anywhere) before undefined values
        Arguments.of("SET #c = if_not_exists(:c)", ab, U
            + "An expression attribute name used in the document path is not defined; attribute name: #c"),
        Arguments.of("SET #a = if_not_exists(:nope)", ab, U
            + "An expression attribute value used in expression is not defined; attribute value: :nope"),
        Arguments.of("SET a = :nope, #nope = :a", null, U
            + "An expression attribute name used in the document path is not defined; attribute name: #nope"),
        // overlapping, then conflicting paths
        Arguments.of("set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)", cd, U + "Two document "
            + "paths overlap with each other; must remove or rewrite one of these paths; "
            + "path one: [c, [1], a], path two: [c]"),
        Arguments.of("set c.b.#c = a, c = a, #d = a", cd, U + "Two document paths overlap with each "
            + "other; must remove or rewrite one of these paths; path one: [c, b, c], path two: [c]"),
        Arguments.of("set a = b remove a, #c, #d", cd, U + "Two document paths overlap with each "
            + "other; must remove or rewrite one of these paths; path one: [a], path two: [a]"),
        Arguments.of("set #c[3].#d = a, #c[3] = a", cd, U + "Two document paths overlap with each "
            + "other; must remove or rewrite one of these paths; path one: [c, [3], [3]], path two: [c, [3]]"),
        Arguments.of("remove c, #c.a, #d", cd, U + "Two document paths overlap with each other; "
            + "must remove or rewrite one of these paths; path one: [c], path two: [c, a]"),
        Arguments.of("remove a, #c, a, #d", cd, U + "Two document paths overlap with each other; "
            + "must remove or rewrite one of these paths; path one: [a], path two: [a]"),
        Arguments.of("set #c[3].#d = a, #c.#d[3] = if_not_exists(a)", bcd, U + "Two document paths "
            + "conflict with each other; must remove or rewrite one of these paths; "
            + "path one: [c, [3], [3]], path two: [c, [3], [3]]"),
        Arguments.of("remove a.#c set a[1] = #d", bcd, U + "Two document paths conflict with each "
            + "other; must remove or rewrite one of these paths; path one: [a, c], path two: [a, [1]]"),
        // ADD and DELETE take numbers (ADD only) and sets, before any function check
        Arguments.of("set b = list_append(:a, a), c = if_not_exists(a) add a.b :a", null,
            U + "Incorrect operand type for operator or function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND"),
        Arguments.of("delete a.b :a", null,
            U + "Incorrect operand type for operator or function; operator: DELETE, operand type: STRING, typeSet: ALLOWED_FOR_DELETE_OPERAND"),
        Arguments.of("add a.b :e", null,
            U + "Incorrect operand type for operator or function; operator: ADD, operand type: NULL, typeSet: ALLOWED_FOR_ADD_OPERAND"),
        Arguments.of("delete a.b :d", null,
            U + "Incorrect operand type for operator or function; operator: DELETE, operand type: BOOLEAN, typeSet: ALLOWED_FOR_DELETE_OPERAND"),
        Arguments.of("add a.b :c", null,
            U + "Incorrect operand type for operator or function; operator: ADD, operand type: BINARY, typeSet: ALLOWED_FOR_ADD_OPERAND"),
        Arguments.of("delete a.b :i", null,
            U + "Incorrect operand type for operator or function; operator: DELETE, operand type: MAP, typeSet: ALLOWED_FOR_DELETE_OPERAND"),
        Arguments.of("add a.b :j", null,
            U + "Incorrect operand type for operator or function; operator: ADD, operand type: LIST, typeSet: ALLOWED_FOR_ADD_OPERAND"),
        Arguments.of("delete a.b :b", null,
            U + "Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND"),
        // functions: operand counts, document paths, value types
        Arguments.of("set a = if_not_exists(c)", null, U + "Incorrect number of operands for "
            + "operator or function; operator or function: if_not_exists, number of operands: 1"),
        Arguments.of("set a = list_append(c)", null, U + "Incorrect number of operands for operator "
            + "or function; operator or function: list_append, number of operands: 1"),
        Arguments.of("set a = if_not_exists(:a, c)", null,
            U + "Operator or function requires a document path; operator or function: if_not_exists"),
        Arguments.of("set a = if_not_exists(if_not_exists(a, b), c)", null,
            U + "Operator or function requires a document path; operator or function: if_not_exists"),
        Arguments.of("set a = list_append(:a, a)", null, U + "Incorrect operand type for operator or "
            + "function; operator or function: list_append, operand type: S"),
        Arguments.of("set a = list_append(a, :b)", null, U + "Incorrect operand type for operator or "
            + "function; operator or function: list_append, operand type: N"),
        Arguments.of("set a = list_append(:i, a)", null, U + "Incorrect operand type for operator or "
            + "function; operator or function: list_append, operand type: M"),
        Arguments.of("set a = a + :a", null, U + "Incorrect operand type for operator or function; "
            + "operator or function: +, operand type: S"),
        Arguments.of("set a = :a + :c", null, U + "Incorrect operand type for operator or function; "
            + "operator or function: +, operand type: S"),
        Arguments.of("set a = :c - a", null, U + "Incorrect operand type for operator or function; "
            + "operator or function: -, operand type: B"),
        Arguments.of("set a = a - :f", null, U + "Incorrect operand type for operator or function; "
            + "operator or function: -, operand type: SS"),
        Arguments.of("set a = a + :j", null, U + "Incorrect operand type for operator or function; "
            + "operator or function: +, operand type: L"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("errors")
  void rejects(String expression, Map<String, String> names, String message) {
    assertValidation(() -> new ExpressionContext(names, VALUES).update(expression), message);
  }

  @Test
  void limits() {
    String long4097 = "SET a" + "z".repeat(4087) + " = :a";
    assertThat(long4097.length()).isEqualTo(4097);
    assertValidation(() -> new ExpressionContext(null, VALUES).update(long4097),
        U + "Expression size has exceeded the maximum allowed size;");
    String deep = "SET a" + ".b".repeat(32) + " = :a";
    assertValidation(() -> new ExpressionContext(null, VALUES).update(deep),
        U + "The document path has too many nesting levels; nesting levels: 33");
  }

  @Test
  void unusedPlaceholdersAreReportedOnceEveryExpressionIsParsed() {
    ExpressionContext ctx = new ExpressionContext(names("#a", "a", "#b", "b"),
        item("{':a': {S: 'a'}, ':b': {S: 'a'}}"));
    ctx.update("remove a set b = list_append(b, if_not_exists(a, :a))");
    ctx.conditionExpression("a = :b");
    assertValidation(ctx::checkAllUsed,
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}");
    ExpressionContext values = new ExpressionContext(null,
        item("{':a': {S: 'a'}, ':b': {S: 'a'}, ':c': {S: 'a'}}"));
    values.update("remove a");
    values.conditionExpression("a = :b");
    assertValidation(values::checkAllUsed,
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :c}");
  }

  // ---------------------------------------------------------------- runtime (UpdateItem) errors

  static Stream<Arguments> keyUpdates() {
    return Stream.of(
        Arguments.of("add a.b :b", Set.of("a"), "a"), Arguments.of("delete a :g", Set.of("a"), "a"),
        Arguments.of("remove d set b = :b, a = :b", Set.of("a"), "a"),
        Arguments.of("delete b :g remove a", Set.of("a"), "a"),
        Arguments.of("set a = a.b + a[1]", Set.of("a"), "a"),
        Arguments.of("set d[1] = :b add b.b :b", Set.of("a", "b"), "b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyUpdates")
  void refusesToUpdateAKeyAttribute(String expression, Set<String> keys, String key) {
    Update update = new ExpressionContext(null, VALUES).update(expression);
    String message = "One or more parameter values were invalid: Cannot update attribute " + key
        + ". This attribute is part of the key";
    assertValidation(() -> update.checkKeyAttributes(keys), message);
    assertValidation(() -> update.apply(item("{a: {S: 'k'}, b: {S: 'r'}}"), keys), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"set c = b", "set e = list_append(b, c)", "SET MyStr = no_attr + MyStr",
      "SET x = if_not_exists(y, z)"})
  void refusesToReadAMissingAttribute(String expression) {
    Update update = ExpressionContext.empty().update(expression);
    assertValidation(() -> update.apply(item("{a: {S: 'k'}}"), Set.of("a")),
        "The provided expression refers to an attribute that does not exist in the item");
  }

  @ParameterizedTest
  @ValueSource(strings = {"set b.a = :f", "set b[1] = :f", "set y.a = :f", "set y[1] = :f",
      "set c[1] = :f", "set d.#1 = :f", "remove b.a", "remove b[1]", "remove y.a", "remove y[1]",
      "remove c[1]", "remove d.#1", "delete b.a :f", "delete b[1] :f", "delete y.a :f",
      "delete y[1] :f", "delete c[1] :f", "delete d.#1 :f", "add b.a :f", "add b[1] :f",
      "add y.a :f", "add y[1] :f", "add c[1] :f", "add d.#1 :f", "set d[5].x = :f",
      "set c.#1.x = :f"})
  void refusesAPathThroughAMissingOrScalarAttribute(String expression) {
    Map<String, AttributeValue> old = item("""
        {a: {S: 'k'}, b: {S: 'k'}, c: {M: {'1': {S: 'a'}}}, d: {L: [{S: 'a'}, {S: 'b'}]}}
        """);
    Update update = new ExpressionContext(names("#1", "1"), item("{':f': {SS: ['a']}}"))
        .update(expression);
    assertValidation(() -> update.apply(old, Set.of("a")),
        "The document path provided in the update expression is invalid for update");
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("delete d :a", "{':a': {SS: ['1']}}"),
        Arguments.of("delete b :a", "{':a': {NS: ['1']}}"),
        Arguments.of("delete b.a :a", "{':a': {NS: ['1']}}"),
        Arguments.of("delete b.a :a", "{':a': {BS: ['YQ==']}}"),
        Arguments.of("delete c :a", "{':a': {NS: ['1']}}"),
        Arguments.of("add b :a", "{':a': {NS: ['1']}}"),
        Arguments.of("add d :a", "{':a': {N: '1'}}"),
        Arguments.of("add c :a", "{':a': {SS: ['1']}}"),
        Arguments.of("set e = a + :a", "{':a': {N: '1'}}"),
        Arguments.of("set e = b - :a", "{':a': {N: '1'}}"),
        Arguments.of("set e = list_append(d, if_not_exists(f, :a))", "{':a': {L: []}}"),
        Arguments.of("set e = list_append(:a, c)", "{':a': {L: []}}"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("wrongTypes")
  void refusesOperandsOfTheWrongType(String expression, String values) {
    Map<String, AttributeValue> old = item("""
        {a: {S: 'k'}, b: {M: {a: {SS: ['1']}}}, c: {N: '1'}, d: {NS: ['1']}}
        """);
    Update update = new ExpressionContext(null, item(values)).update(expression);
    assertValidation(() -> update.apply(old, Set.of("a")),
        "An operand in the update expression has an incorrect data type");
  }

  @Test
  void arithmeticKeepsDynamoDbNumberLimits() {
    Update update = new ExpressionContext(null, item("{':big': {N: '9e125'}}")).update("SET n = n + :big");
    assertValidation(() -> update.apply(item("{n: {N: '9e125'}}"), Set.of()),
        "Number overflow. Attempting to store a number with magnitude larger than supported range");
    Update precise = new ExpressionContext(null, item("{':one': {N: '1'}}")).update("ADD n :one");
    assertValidation(() -> precise.apply(item("{n: {N: '1" + "0".repeat(38) + "'}}"), Set.of()),
        "DynamoDB only supports precision up to 38 digits");
  }
}
