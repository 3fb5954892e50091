package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.DdbJson.canonicalByValue;
import static dev.dynamodouble.core.sdk.DdbJson.item;
import static dev.dynamodouble.core.sdk.DdbJson.names;
import static dev.dynamodouble.core.sdk.DdbJson.used;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Every expression error the engine's unit suites pin down, sent through the SDK: each case
 * checks the error code, status 400 and the exact message DynamoDB gives.
 */
class ExpressionErrorsSdkTest {
  static final String VALIDATION = "ValidationException";
  static final String C = "Invalid ConditionExpression: ";
  static final String F = "Invalid FilterExpression: ";
  static final String U = "Invalid UpdateExpression: ";
  static final String P = "Invalid ProjectionExpression: ";
  static final String K = "Invalid KeyConditionExpression: ";
  static final String MIX = "Can not use both expression and non-expression parameters in the same request: ";

  /** Known bugs of the emulator; each marks the cases it breaks, which then report as aborted. */

  /** pk (S): conditions, filters, projections and parse errors of updates. */
  static final String ITEMS = "items";
  /** a (S): updates whose errors depend on the stored item or on the key. */
  static final String KEY_A = "keyA";
  /** a (S), b (S). */
  static final String KEY_AB = "keyAB";
  /** a (S), b (N). */
  static final String KEY_AB_N = "keyABN";
  /** pk (S), sk (S). */
  static final String KEYED = "keyed";

  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, ITEMS, "pk", null);
    SdkTestSupport.createTable(client, KEY_A, "a", null);
    SdkTestSupport.createTable(client, KEY_AB, "a", "b");
    SdkTestSupport.createTable(client, KEY_AB_N, "a", ScalarAttributeType.S, "b", ScalarAttributeType.N);
    SdkTestSupport.createTable(client, KEYED, "pk", "sk");
    client.putItem(r -> r.tableName(ITEMS).item(item("{pk: {S: 'p1'}, a: {S: 'a'}, n: {N: '5'}}")));
    client.putItem(r -> r.tableName(KEYED).item(item("{pk: {S: 'p1'}, sk: {S: 'a'}, x: {S: 'x'}}")));
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static final Map<String, AttributeValue> ITEMS_KEY = item("{pk: {S: 'p1'}}");

  // ---------------------------------------------------------------- ConditionExpression / FilterExpression

  static final Map<String, AttributeValue> CONDITION_VALUES = item("""
      {':v': {S: 'a'}, ':s': {S: 'a'}, ':n': {N: '1'}, ':n10': {N: '10'}, ':bool': {BOOL: true},
       ':null': {NULL: true}, ':l': {L: []}, ':m': {M: {}}, ':ss': {SS: ['a']}, ':dog': {S: 'DOG'},
       ':b': {B: 'AQ=='}, ':tn': {S: 'N'}}
      """);
  static final Map<String, String> CONDITION_NAMES = names("#a", "a", "#b", "b");

  static Arguments e(String expression, String detail) {
    return Arguments.of(expression, detail);
  }

  static Stream<Arguments> conditionErrors() {
    String distinct = "The first operand must be distinct from the remaining operands for this operator or "
        + "function; operator: ";
    String type = "Incorrect operand type for operator or function; operator or function: ";
    String count = "Incorrect number of operands for operator or function; operator or function: ";
    String misused = "The function is not allowed to be used this way in an expression; function: ";
    return Stream.of(
        e("", "The expression can not be empty;"), e(" \t\r\n ", "Syntax error; token: \"<EOF>\", near: \" \t\r\n \""),
        // syntax errors name the offending token and the text around it
        e("foo", "Syntax error; token: \"<EOF>\", near: \"foo\""),
        e("a = ", "Syntax error; token: \"<EOF>\", near: \"= \""),
        e("a == :v", "Syntax error; token: \"=\", near: \"== :v\""),
        e("a = :v $", "Syntax error; token: \"$\", near: \":v $\""),
        e("a = b c", "Syntax error; token: \"c\", near: \"b c\""),
        e("a = 1", "Syntax error; token: \"1\", near: \"= 1\""),
        e("a IN ()", "Syntax error; token: \")\", near: \"()\""),
        e("a BETWEEN :v :n", "Syntax error; token: \":n\", near: \":v :n\""),
        e("attribute_exists()", "Syntax error; token: \")\", near: \"()\""),
        e("a = :v AND", "Syntax error; token: \"<EOF>\", near: \"AND\""),
        e("NOT", "Syntax error; token: \"<EOF>\", near: \"NOT\""),
        e("(a = :v", "Syntax error; token: \"<EOF>\", near: \":v\""),
        e("a = :v)", "Syntax error; token: \")\", near: \":v)\""),
        e("a[x] = :v", "Syntax error; token: \"x\", near: \"[x]\""),
        e("a[-1] = :v", "Syntax error; token: \"-\", near: \"[-1\""),
        e("a. = :v", "Syntax error; token: \"=\", near: \". = :v\""),
        e("a = AND", "Syntax error; token: \"AND\", near: \"= AND\""),
        e("a AND b = :v", "Syntax error; token: \"AND\", near: \"a AND b\""),
        e("a = :v = :v", "Syntax error; token: \"=\", near: \":v = :v\""),
        e("a = b + :v", "Syntax error; token: \"+\", near: \"b + :v\""),
        e("a <> :v OR (b)", "Syntax error; token: \"<EOF>\", near: \")\""),
        e("a = 'x'", "Syntax error; token: \"'\", near: \"= 'x\""),
        // redundant parentheses
        e("((a = :v))", "The expression has redundant parentheses;"),
        e("((a)) = :v", "The expression has redundant parentheses;"),
        e("a = ((:v))", "The expression has redundant parentheses;"),
        e("NOT ((a = :v))", "The expression has redundant parentheses;"),
        e("((a = :v)) AND foo(b)", "The expression has redundant parentheses;"),
        // function names: case sensitive, update functions refused, functions out of place
        e("foo(a)", "Invalid function name; function: foo"),
        e("BegIns_WiTh(a, :v)", "Invalid function name; function: BegIns_WiTh"),
        e("size(a) AND foo(b)", "Invalid function name; function: foo"),
        e("if_not_exists(a, :v) = :v",
            "The function is not allowed in a condition expression; function: if_not_exists"),
        e("list_append(a, :v) = :v", "The function is not allowed in a condition expression; function: list_append"),
        e("size(a)", misused + "size"), e("attribute_exists(a) = :v", misused + "attribute_exists"),
        e("begins_with(contains(a, :v), :v)", misused + "contains"),
        e("a IN (:v, attribute_type(b, :v))", misused + "attribute_type"), e("size(status)", misused + "size"),
        // reserved words, as written
        e("status = :v", "Attribute name is a reserved keyword; reserved keyword: status"),
        e("a.Status = :v", "Attribute name is a reserved keyword; reserved keyword: Status"),
        e("a = :nope OR Size = :v", "Attribute name is a reserved keyword; reserved keyword: Size"),
        // undefined placeholders
        e("#x = :v", "An expression attribute name used in the document path is not defined; attribute name: #x"),
        e("a.#x = :v", "An expression attribute name used in the document path is not defined; attribute name: #x"),
        e("a = :x", "An expression attribute value used in expression is not defined; attribute value: :x"),
        e("contains(a, :x) AND #x = :v",
            "An expression attribute value used in expression is not defined; attribute value: :x"),
        e("a = :nope AND b = b",
            "An expression attribute value used in expression is not defined; attribute value: :nope"),
        // operand counts
        e("attribute_exists(a, b)", count + "attribute_exists, number of operands: 2"),
        e("size(a, b) = :n", count + "size, number of operands: 2"),
        e("begins_with(a)", count + "begins_with, number of operands: 1"),
        e("attribute_type(a, :v, :v)", count + "attribute_type, number of operands: 3"),
        // the same path on both sides
        e("a = a AND b = :nope", distinct + "=, first operand: [a]"), e("#a = a", distinct + "=, first operand: [a]"),
        e("a.b[1] <> a.b[1]", distinct + "<>, first operand: [a, b, [1]]"),
        e("contains(a, a)", distinct + "contains, first operand: [a]"),
        e("contains(a, #a) AND size(x, y) = :n", distinct + "contains, first operand: [a]"),
        // operand types
        e("begins_with(a, :n)", type + "begins_with, operand type: N"),
        e("begins_with(size(a), :v)", type + "begins_with, operand type: N"),
        e("size(:n) = :n", type + "size, operand type: N"), e("size(:bool) > :n", type + "size, operand type: BOOL"),
        e("size(size(a)) > :n", type + "size, operand type: N"), e("a < :bool", type + "<, operand type: BOOL"),
        e(":l >= a", type + ">=, operand type: L"), e("size(a) > :ss", type + ">, operand type: SS"),
        e("attribute_not_exists(z) OR NOT (n > :null)", type + ">, operand type: NULL"),
        e("a BETWEEN :m AND :n", type + "BETWEEN, operand type: M"),
        e("a BETWEEN :n AND :s", "The BETWEEN operator requires same data type for lower and upper bounds; "
            + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}"),
        e("a BETWEEN :n10 AND :n", "The BETWEEN operator requires upper bound to be greater than or equal to "
            + "lower bound; lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:1}"),
        e("attribute_exists(:v)",
            "Operator or function requires a document path; operator or function: attribute_exists"),
        e("attribute_not_exists(size(a))",
            "Operator or function requires a document path; operator or function: attribute_not_exists"),
        e("attribute_type(a, b)", type + "attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}"),
        e("attribute_type(a, :n)", type + "attribute_type, operand type: N"),
        e("attribute_type(a, :dog)", "Invalid attribute type name found; type: DOG, valid types: "
            + "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("conditionErrors")
  void conditionExpressionOfPutItem(String expression, String detail) {
    expectValidation(() -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY).conditionExpression(expression)
            .expressionAttributeNames(CONDITION_NAMES).expressionAttributeValues(CONDITION_VALUES)),
        C + detail, "PutItem ConditionExpression \"" + expression + "\"");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("conditionErrors")
  void filterExpressionOfScan(String expression, String detail) {
    // whether DynamoDB words these two differently for filters is not pinned down; they are left out
    Assumptions.assumeFalse(detail.startsWith("The function is not allowed in a condition expression"));
    expectValidation(() -> client.scan(r -> r.tableName(ITEMS).filterExpression(expression)
            .expressionAttributeNames(CONDITION_NAMES).expressionAttributeValues(CONDITION_VALUES)),
        F + detail, "Scan FilterExpression \"" + expression + "\"");
  }

  @Test
  void conditionsOfEveryWriteNameThemselvesTheSameWay() {
    Map<String, AttributeValue> v = Map.of(":bool", AttributeValue.fromBool(true));
    String message = C + "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL";
    expectValidation(() -> client.deleteItem(r -> r.tableName(ITEMS).key(ITEMS_KEY)
        .conditionExpression("a < :bool").expressionAttributeValues(v)), message, "DeleteItem");
    expectValidation(() -> client.updateItem(r -> r.tableName(ITEMS).key(ITEMS_KEY).updateExpression("REMOVE x")
        .conditionExpression("a < :bool").expressionAttributeValues(v)), message, "UpdateItem");
    expectValidation(() -> client.query(r -> r.tableName(KEYED).keyConditionExpression("pk = :p")
            .filterExpression("x < :bool").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p1"),
                ":bool", AttributeValue.fromBool(true)))),
        F + "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL", "Query");
  }

  @Test
  void conditionLimits() {
    Map<String, AttributeValue> v = Map.of(":v", AttributeValue.fromS("a"));
    // 4096 bytes of expression text are fine, one more is too many
    String atLimit = "a".repeat(4096 - 5) + " = :v";
    assertThat(catchThrowable(() -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY)
        .conditionExpression(atLimit).expressionAttributeValues(v))))
        .isInstanceOf(ConditionalCheckFailedException.class);
    String tooLong = "a" + "z".repeat(4096) + " = :v";
    expectValidation(() -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY).conditionExpression(tooLong)
            .expressionAttributeValues(v)),
        C + "Expression size has exceeded the maximum allowed size; expression size: " + tooLong.length(), "size");
    expectValidation(() -> client.scan(r -> r.tableName(ITEMS).filterExpression(tooLong).expressionAttributeValues(v)),
        F + "Expression size has exceeded the maximum allowed size; expression size: " + tooLong.length(), "size");
    // 32 levels of document path are fine, 33 are too many, whether by name or by index
    assertThat(catchThrowable(() -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY)
        .conditionExpression("a" + ".b".repeat(31) + " = :v").expressionAttributeValues(v))))
        .isInstanceOf(ConditionalCheckFailedException.class);
    expectValidation(() -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY)
            .conditionExpression("a" + ".b".repeat(32) + " = :v").expressionAttributeValues(v)),
        C + "The document path has too many nesting levels; nesting levels: 33", "depth by name");
    expectValidation(() -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY)
            .conditionExpression("a" + "[0]".repeat(32) + " = :v").expressionAttributeValues(v)),
        C + "The document path has too many nesting levels; nesting levels: 33", "depth by index");
    // 300 operators are fine, 301 are too many
    String ops300 = String.join(" AND ", java.util.Collections.nCopies(150, "a = :v"));
    Map<String, AttributeValue> stored = item("{pk: {S: 'p1'}, a: {S: 'a'}, n: {N: '5'}}");
    client.putItem(r -> r.tableName(ITEMS).item(stored));
    client.putItem(r -> r.tableName(ITEMS).item(stored).conditionExpression(ops300).expressionAttributeValues(v));
    expectValidation(() -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY)
            .conditionExpression(ops300 + " AND a = :v").expressionAttributeValues(v)),
        C + "The expression contains too many operators; operator count: 301", "301 operators");
    expectValidation(() -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY)
            .conditionExpression("NOT ".repeat(301) + "a = :v").expressionAttributeValues(v)),
        C + "The expression contains too many operators; operator count: 302", "301 NOTs");
    // deep parentheses are redundant, not a stack overflow
    expectValidation(() -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY)
            .conditionExpression("(".repeat(2000) + "a = :v" + ")".repeat(2000)).expressionAttributeValues(v)),
        C + "The expression has redundant parentheses;", "2000 parentheses");
  }

  @Test
  void inTakesAtMost100Operands() {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (int i = 0; i <= 100; i++) {
      values.put(":v" + i, AttributeValue.fromN(Integer.toString(i)));
    }
    String hundred = IntStream.range(0, 100).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));
    Map<String, AttributeValue> first100 = new LinkedHashMap<>(values);
    first100.remove(":v100");
    Map<String, AttributeValue> stored = item("{pk: {S: 'in'}, a: {N: '99'}}");
    client.putItem(r -> r.tableName(ITEMS).item(stored));
    client.putItem(r -> r.tableName(ITEMS).item(stored).conditionExpression("a IN (" + hundred + ")")
        .expressionAttributeValues(first100));
    expectValidation(() -> client.putItem(r -> r.tableName(ITEMS).item(stored)
            .conditionExpression("a IN (" + hundred + ", :v100)").expressionAttributeValues(values)),
        C + "The IN operator is provided with too many operands; number of operands: 101", "IN with 101");
  }

  // ---------------------------------------------------------------- UpdateExpression

  static final Map<String, AttributeValue> UPDATE_VALUES = item("""
      {':a': {S: 'a'}, ':b': {N: '1'}, ':c': {B: 'YQ=='}, ':d': {BOOL: false}, ':e': {NULL: true},
       ':f': {SS: ['a']}, ':g': {NS: ['1']}, ':h': {BS: ['YQ==']}, ':i': {M: {}}, ':j': {L: []}}
      """);

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"whatever", "set a", "add a", "delete a", "set a=set", "remove a = b",
      "add a = b", "delete a = b", "delete a b", "delete a if_not_exist(b)", "add abort b",
      "add a if_not_exist(b)", "remove a b", "set a b", "set :a = b", "add :a b", "delete :a b",
      "remove :a", "set a = b / c", "set a = b * c", "set a[1] = \"eight\"", "set a[1] = 1",
      "SET a = if_not_exist(a, 100)", "SET if_not_exist(a, b) = a", "set (a = (b + c))",
      "set a = (b.c).d + e", "set a = (b.c)[0] + e", "set a = b + c + d", "set a = :a,",
      "set a = (b + c) + d", "SET a = b REMOVE", "set a = (((b)))"})
  void updateSyntaxErrors(String expression) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> client.updateItem(r -> r
        .tableName(ITEMS).key(ITEMS_KEY).updateExpression(expression).expressionAttributeValues(UPDATE_VALUES)));
    String what = "UpdateItem \"" + expression + "\"";
    assertThat(e).as(what).isNotNull();
    assertThat(e.awsErrorDetails().errorCode()).as(what).isEqualTo(VALIDATION);
    assertThat(e.statusCode()).as(what).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage()).as(what).startsWith(U + "Syntax error; token: ");
  }

  static Arguments ue(String expression, Map<String, String> names, String detail) {
    return Arguments.of(expression, names, detail);
  }

  static Stream<Arguments> updateErrors() {
    Map<String, String> ab = names("#a", "a", "#b", "b");
    Map<String, String> cd = names("#c", "c", "#d", "[3]");
    Map<String, String> bcd = names("#b", "b", "#c", "c", "#d", "[3]");
    String overlap = "Two document paths overlap with each other; must remove or rewrite one of these paths; ";
    String conflict = "Two document paths conflict with each other; must remove or rewrite one of these paths; ";
    String typeSet = "Incorrect operand type for operator or function; operator: ";
    String type = "Incorrect operand type for operator or function; operator or function: ";
    return Stream.of(
        ue("", null, "The expression can not be empty;"),
        ue("SET MyStr = myNum + 1", null, "Syntax error; token: \"1\", near: \"+ 1\""),
        ue("SET MyStr = myNum Mystr2 myNum2", null, "Syntax error; token: \"Mystr2\", near: \"myNum Mystr2 myNum2\""),
        ue("SET MyStr = my Num", null, "Syntax error; token: \"Num\", near: \"my Num\""),
        ue("whatever", null, "Syntax error; token: \"whatever\", near: \"whatever\""),
        ue(" set #c = :c set abOrt = true ", ab, "Attribute name is a reserved keyword; reserved keyword: abOrt"),
        ue(" remove Absolute ", ab, "Attribute name is a reserved keyword; reserved keyword: Absolute"),
        ue("set #c = if_not_exist(:c) set c = d", ab, "Invalid function name; function: if_not_exist"),
        ue("SET a = size(b)", null, "The function is not allowed in an update expression; function: size"),
        ue("SET a = attribute_exists(b)", null,
            "The function is not allowed in an update expression; function: attribute_exists"),
        // each clause once
        ue("set a = #c set c = :d", ab, "The \"SET\" section can only be used once in an update expression;"),
        ue("remove #d set a = b remove e", ab, "The \"REMOVE\" section can only be used once in an update expression;"),
        ue("add #d :e set a = b add e :f", ab, "The \"ADD\" section can only be used once in an update expression;"),
        ue("delete #d :e set a = b delete #e :f", ab,
            "The \"DELETE\" section can only be used once in an update expression;"),
        // undefined names before undefined values
        ue("SET #c = if_not_exists(:c)", ab,
            "An expression attribute name used in the document path is not defined; attribute name: #c"),
        ue("SET #a = if_not_exists(:nope)", ab,
            "An expression attribute value used in expression is not defined; attribute value: :nope"),
        ue("SET a = :nope, #nope = :a", null,
            "An expression attribute name used in the document path is not defined; attribute name: #nope"),
        // overlapping, then conflicting paths
        ue("set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)", cd,
            overlap + "path one: [c, [1], a], path two: [c]"),
        ue("set c.b.#c = a, c = a, #d = a", cd, overlap + "path one: [c, b, c], path two: [c]"),
        ue("set a = b remove a, #c, #d", cd, overlap + "path one: [a], path two: [a]"),
        ue("set #c[3].#d = a, #c[3] = a", cd, overlap + "path one: [c, [3], [3]], path two: [c, [3]]"),
        ue("remove c, #c.a, #d", cd, overlap + "path one: [c], path two: [c, a]"),
        ue("remove a, #c, a, #d", cd, overlap + "path one: [a], path two: [a]"),
        ue("set #c[3].#d = a, #c.#d[3] = if_not_exists(a)", bcd,
            conflict + "path one: [c, [3], [3]], path two: [c, [3], [3]]"),
        ue("remove a.#c set a[1] = #d", bcd, conflict + "path one: [a, c], path two: [a, [1]]"),
        // ADD takes numbers and sets, DELETE sets
        ue("set b = list_append(:a, a), c = if_not_exists(a) add a.b :a", null,
            typeSet + "ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND"),
        ue("delete a.b :a", null, typeSet + "DELETE, operand type: STRING, typeSet: ALLOWED_FOR_DELETE_OPERAND"),
        ue("add a.b :e", null, typeSet + "ADD, operand type: NULL, typeSet: ALLOWED_FOR_ADD_OPERAND"),
        ue("delete a.b :d", null, typeSet + "DELETE, operand type: BOOLEAN, typeSet: ALLOWED_FOR_DELETE_OPERAND"),
        ue("add a.b :c", null, typeSet + "ADD, operand type: BINARY, typeSet: ALLOWED_FOR_ADD_OPERAND"),
        ue("delete a.b :i", null, typeSet + "DELETE, operand type: MAP, typeSet: ALLOWED_FOR_DELETE_OPERAND"),
        ue("add a.b :j", null, typeSet + "ADD, operand type: LIST, typeSet: ALLOWED_FOR_ADD_OPERAND"),
        ue("delete a.b :b", null, typeSet + "DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND"),
        // function operand counts, document paths and value types
        ue("set a = if_not_exists(c)", null,
            "Incorrect number of operands for operator or function; operator or function: if_not_exists, "
                + "number of operands: 1"),
        ue("set a = list_append(c)", null,
            "Incorrect number of operands for operator or function; operator or function: list_append, "
                + "number of operands: 1"),
        ue("set a = if_not_exists(:a, c)", null,
            "Operator or function requires a document path; operator or function: if_not_exists"),
        ue("set a = if_not_exists(if_not_exists(a, b), c)", null,
            "Operator or function requires a document path; operator or function: if_not_exists"),
        ue("set a = list_append(:a, a)", null, type + "list_append, operand type: S"),
        ue("set a = list_append(a, :b)", null, type + "list_append, operand type: N"),
        ue("set a = list_append(:i, a)", null, type + "list_append, operand type: M"),
        ue("set a = a + :a", null, type + "+, operand type: S"),
        ue("set a = :a + :c", null, type + "+, operand type: S"),
        ue("set a = :c - a", null, type + "-, operand type: B"),
        ue("set a = a - :f", null, type + "-, operand type: SS"),
        ue("set a = a + :j", null, type + "+, operand type: L"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("updateErrors")
  void updateExpressionErrors(String expression, Map<String, String> names, String detail) {
    expectValidation(() -> client.updateItem(r -> r.tableName(ITEMS).key(ITEMS_KEY).updateExpression(expression)
            .expressionAttributeNames(names).expressionAttributeValues(UPDATE_VALUES)),
        U + detail, "UpdateItem \"" + expression + "\" names=" + names);
  }

  @Test
  void updateLimits() {
    Map<String, AttributeValue> v = Map.of(":a", AttributeValue.fromS("a"));
    String long4097 = "SET a" + "z".repeat(4087) + " = :a";
    expectValidation(() -> client.updateItem(r -> r.tableName(ITEMS).key(ITEMS_KEY).updateExpression(long4097)
        .expressionAttributeValues(v)), U + "Expression size has exceeded the maximum allowed size;", "size");
    expectValidation(() -> client.updateItem(r -> r.tableName(ITEMS).key(ITEMS_KEY)
            .updateExpression("SET a" + ".b".repeat(32) + " = :a").expressionAttributeValues(v)),
        U + "The document path has too many nesting levels; nesting levels: 33", "depth");
  }

  @Test
  void unusedPlaceholdersAreReportedAfterEveryExpressionParsed() {
    expectValidation(() -> client.updateItem(r -> r.tableName(ITEMS).key(ITEMS_KEY)
            .updateExpression("remove a set b = list_append(b, if_not_exists(a, :a))").conditionExpression("a = :b")
            .expressionAttributeNames(names("#a", "a", "#b", "b"))
            .expressionAttributeValues(item("{':a': {S: 'a'}, ':b': {S: 'a'}}"))),
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}", "unused names");
    expectValidation(() -> client.updateItem(r -> r.tableName(ITEMS).key(ITEMS_KEY)
            .updateExpression("remove a").conditionExpression("a = :b")
            .expressionAttributeValues(item("{':a': {S: 'a'}, ':b': {S: 'a'}, ':c': {S: 'a'}}"))),
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :c}", "unused values");
    expectValidation(() -> client.query(r -> r.tableName(KEYED).keyConditionExpression("pk = :p")
            .projectionExpression("#b").expressionAttributeNames(names("#a", "a", "#b", "b"))
            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p1")))),
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}", "Query unused names");
    expectValidation(() -> client.getItem(r -> r.tableName(ITEMS).key(ITEMS_KEY).projectionExpression("a")
            .expressionAttributeNames(names("#x", "x"))),
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}", "GetItem unused names");
  }

  // ---------------------------------------------------------------- UpdateItem errors against the stored item

  static Stream<Arguments> keyUpdates() {
    return Stream.of(
        Arguments.of(KEY_A, "add a.b :b", "a"), Arguments.of(KEY_A, "delete a :g", "a"),
        Arguments.of(KEY_A, "remove d set b = :b, a = :b", "a"), Arguments.of(KEY_A, "delete b :g remove a", "a"),
        Arguments.of(KEY_A, "set a = a.b + a[1]", "a"), Arguments.of(KEY_AB, "set d[1] = :b add b.b :b", "b"),
        Arguments.of(KEY_AB, "SET b = :a", "b"), Arguments.of(KEY_AB, "REMOVE a", "a"));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("keyUpdates")
  void refusesToUpdateAKeyAttribute(String table, String expression, String key) {
    Map<String, AttributeValue> stored = item("{a: {S: 'k'}, b: {S: 'r'}, d: {S: 'd'}}");
    Map<String, AttributeValue> keyOf = table.equals(KEY_A) ? Map.of("a", stored.get("a"))
        : Map.of("a", stored.get("a"), "b", stored.get("b"));
    client.putItem(r -> r.tableName(table).item(stored));
    expectValidation(() -> client.updateItem(r -> r.tableName(table).key(keyOf).updateExpression(expression)
            .expressionAttributeValues(used(UPDATE_VALUES, expression))),
        "One or more parameter values were invalid: Cannot update attribute " + key
            + ". This attribute is part of the key",
        table + " UpdateItem \"" + expression + "\"");
    assertUnchanged(table, keyOf, stored);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"set c = b", "set e = list_append(b, c)", "SET MyStr = no_attr + MyStr",
      "SET x = if_not_exists(y, z)"})
  void refusesToReadAMissingAttribute(String expression) {
    runtimeError(item("{a: {S: 'k'}}"), expression, null, null,
        "The provided expression refers to an attribute that does not exist in the item");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"set b.a = :f", "set b[1] = :f", "set y.a = :f", "set y[1] = :f",
      "set c[1] = :f", "set d.#1 = :f", "remove b.a", "remove b[1]", "remove y.a", "remove y[1]",
      "remove c[1]", "remove d.#1", "delete b.a :f", "delete b[1] :f", "delete y.a :f",
      "delete y[1] :f", "delete c[1] :f", "delete d.#1 :f", "add b.a :f", "add b[1] :f",
      "add y.a :f", "add y[1] :f", "add c[1] :f", "add d.#1 :f", "set d[5].x = :f",
      "set c.#1.x = :f", "set y.z.w = :f", "set c.nope.x = :f"})
  void refusesAPathThroughAMissingOrScalarAttribute(String expression) {
    runtimeError(item("{a: {S: 'k'}, b: {S: 'k'}, c: {M: {'1': {S: 'a'}}}, d: {L: [{S: 'a'}, {S: 'b'}]}}"),
        expression, names("#1", "1"), item("{':f': {SS: ['a']}}"),
        "The document path provided in the update expression is invalid for update");
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("delete d :a", "{':a': {SS: ['1']}}"), Arguments.of("delete b :a", "{':a': {NS: ['1']}}"),
        Arguments.of("delete b.a :a", "{':a': {NS: ['1']}}"), Arguments.of("delete b.a :a", "{':a': {BS: ['YQ==']}}"),
        Arguments.of("delete c :a", "{':a': {NS: ['1']}}"), Arguments.of("add b :a", "{':a': {NS: ['1']}}"),
        Arguments.of("add d :a", "{':a': {N: '1'}}"), Arguments.of("add c :a", "{':a': {SS: ['1']}}"),
        Arguments.of("set e = a + :a", "{':a': {N: '1'}}"), Arguments.of("set e = b - :a", "{':a': {N: '1'}}"),
        Arguments.of("set e = list_append(d, if_not_exists(f, :a))", "{':a': {L: []}}"),
        Arguments.of("set e = list_append(:a, c)", "{':a': {L: []}}"));
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @MethodSource("wrongTypes")
  void refusesOperandsOfTheWrongType(String expression, String values) {
    runtimeError(item("{a: {S: 'k'}, b: {M: {a: {SS: ['1']}}}, c: {N: '1'}, d: {NS: ['1']}}"), expression, null,
        item(values), "An operand in the update expression has an incorrect data type");
  }

  @Test
  void arithmeticKeepsDynamoDbNumberLimits() {
    runtimeError(item("{a: {S: 'k'}, n: {N: '9e125'}}"), "SET n = n + :big", null, item("{':big': {N: '9e125'}}"),
        "Number overflow. Attempting to store a number with magnitude larger than supported range");
    runtimeError(item("{a: {S: 'k'}, n: {N: '1" + "0".repeat(38) + "'}}"), "ADD n :one", null,
        item("{':one': {N: '1'}}"), "DynamoDB only supports precision up to 38 digits");
  }

  /** Puts {@code stored} in the table keyed by a, expects the update to fail, and the item to stay. */
  private static void runtimeError(Map<String, AttributeValue> stored, String expression, Map<String, String> names,
                                   Map<String, AttributeValue> values, String message) {
    Map<String, AttributeValue> key = Map.of("a", stored.get("a"));
    client.putItem(r -> r.tableName(KEY_A).item(stored));
    expectValidation(() -> client.updateItem(r -> r.tableName(KEY_A).key(key).updateExpression(expression)
            .expressionAttributeNames(used(names, expression)).expressionAttributeValues(used(values, expression))),
        message, "UpdateItem \"" + expression + "\" values=" + values + " on " + stored);
    assertUnchanged(KEY_A, key, stored);
  }

  private static void assertUnchanged(String table, Map<String, AttributeValue> key,
                                      Map<String, AttributeValue> stored) {
    assertThat(canonicalByValue(client.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item()))
        .as("item after the failed update").isEqualTo(canonicalByValue(stored));
  }

  // ---------------------------------------------------------------- ProjectionExpression

  static Stream<Arguments> projectionErrors() {
    Map<String, String> a = names("#a", "a");
    Map<String, String> ab3 = names("#a", "a", "#b", "[3]");
    String overlap = "Two document paths overlap with each other; must remove or rewrite one of these paths; ";
    String conflict = "Two document paths conflict with each other; must remove or rewrite one of these paths; ";
    return Stream.of(
        ue("", null, "The expression can not be empty;"),
        ue("a,", null, "Syntax error; token: \"<EOF>\", near: \",\""),
        ue(",a", null, "Syntax error; token: \",\", near: \",a\""),
        ue("a b", null, "Syntax error; token: \"b\", near: \"a b\""),
        ue("a = :v", null, "Syntax error; token: \"=\", near: \"a = :v\""),
        ue("size(a)", null, "Syntax error; token: \"(\", near: \"size(a\""),
        ue("status", null, "Attribute name is a reserved keyword; reserved keyword: status"),
        ue("#x", null, "An expression attribute name used in the document path is not defined; attribute name: #x"),
        ue("a, a", null, overlap + "path one: [a], path two: [a]"),
        ue("a, a.b", null, overlap + "path one: [a], path two: [a, b]"),
        ue("a.b, a", null, overlap + "path one: [a, b], path two: [a]"),
        ue("#a, #b", names("#a", "a", "#b", "a"), overlap + "path one: [a], path two: [a]"),
        ue("b[1], b.a, #a.b, a", a, overlap + "path one: [a, b], path two: [a]"),
        ue("a, #a[1]", a, overlap + "path one: [a], path two: [a, [1]]"),
        ue("a.b, #a[1], #b", ab3, conflict + "path one: [a, b], path two: [a, [1]]"),
        ue("a.b[1], #a[1], #b", ab3, conflict + "path one: [a, b, [1]], path two: [a, [1]]"),
        ue("a[3].b, #a.#b.b", ab3, conflict + "path one: [a, [3], b], path two: [a, [3], b]"),
        ue("a" + "z".repeat(4096), null, "Expression size has exceeded the maximum allowed size;"),
        ue("a" + ".b".repeat(32), null, "The document path has too many nesting levels; nesting levels: 33"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("projectionErrors")
  void projectionExpressionOfGetItem(String expression, Map<String, String> names, String detail) {
    expectValidation(() -> client.getItem(r -> r.tableName(ITEMS).key(ITEMS_KEY).projectionExpression(expression)
        .expressionAttributeNames(names)), P + detail, "GetItem ProjectionExpression \"" + expression + "\"");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("projectionErrors")
  void projectionExpressionOfScan(String expression, Map<String, String> names, String detail) {
    expectValidation(() -> client.scan(r -> r.tableName(ITEMS).projectionExpression(expression)
        .expressionAttributeNames(names)), P + detail, "Scan ProjectionExpression \"" + expression + "\"");
  }

  @Test
  void projectionLimits() {
    String atLimit = "a" + "z".repeat(4095);
    assertThat(client.getItem(r -> r.tableName(ITEMS).key(ITEMS_KEY).projectionExpression(atLimit)).item()).isEmpty();
    // placeholders count in the raw text, not once substituted
    Map<String, String> many = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 686; i++) {
      many.put("#a" + i, "attribute" + i);
      parts.add("#a" + i);
    }
    assertThat(client.getItem(r -> r.tableName(ITEMS).key(ITEMS_KEY).projectionExpression(String.join(",", parts))
        .expressionAttributeNames(many)).item()).isEmpty();
  }

  @Test
  void pathsIntoKeyAttributesAreRefused() {
    String message = "Key attributes must be scalars; list random access '[]' and map lookup '.' are not "
        + "allowed: Key: ";
    expectValidation(() -> client.getItem(r -> r.tableName(ITEMS).key(ITEMS_KEY).projectionExpression("a, pk.x")),
        message + "pk", "GetItem projection");
    expectValidation(() -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY).conditionExpression("pk[0] = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("a")))), message + "pk", "PutItem condition");
    expectValidation(() -> client.query(r -> r.tableName(KEYED).keyConditionExpression("pk = :p")
            .filterExpression("sk.x = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p1")))),
        message + "sk", "Query filter");
  }

  // ---------------------------------------------------------------- KeyConditionExpression

  static final Map<String, AttributeValue> KEY_VALUES = item("""
      {':p': {S: 'p1'}, ':a': {S: 'a'}, ':b': {S: 'b'}, ':c': {S: 'c'}, ':pre': {S: 'ab'},
       ':n': {N: '1'}, ':tS': {S: 'S'}}
      """);

  static Stream<Arguments> keyConditionShapeErrors() {
    String op = "Invalid operator used in KeyConditionExpression: ";
    String cond = "Invalid condition in KeyConditionExpression: ";
    return Stream.of(
        e("", K + "The expression can not be empty;"),
        e("a > 4", K + "Syntax error; token: \"4\", near: \"> 4\""),
        e("(size(a))[0] > a", K + "Syntax error; token: \"[\", near: \")[0\""),
        e("things are not gonna be ok", K + "Syntax error; token: \"are\", near: \"things are not\""),
        e("data.foo = :a", K + "Attribute name is a reserved keyword; reserved keyword: data"),
        e("pk = :nope", K + "An expression attribute value used in expression is not defined; attribute value: :nope"),
        e("attribute_type(a, b)", K + "Incorrect operand type for operator or function; "
            + "operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}"),
        e("a between :n and :a", K + "The BETWEEN operator requires same data type for lower and upper bounds; "
            + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}"),
        e("a between :b and :a", K + "The BETWEEN operator requires upper bound to be greater than or equal to "
            + "lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}"),
        e("pk = :p AND begins_with(sk, :n)", K + "Incorrect operand type for operator or function; "
            + "operator or function: begins_with, operand type: N"),
        e("attribute_type(a, :tS)", op + "attribute_type"), e("a > b and size(b) > c or a > c", op + "OR"),
        e("a in (b, size(c), d)", op + "IN"), e("attribute_exists(a)", op + "attribute_exists"),
        e("attribute_not_exists(a)", op + "attribute_not_exists"), e("contains(a.d, b)", op + "contains"),
        e("not a > b", op + "NOT"), e("a <> b", op + "<>"),
        e(":a between size(b) and size(a) and b > :b",
            cond + "BETWEEN operator must have the key attribute as its first operand"),
        e("begins_with(:a, b) and a > :b",
            cond + "begins_with operator must have the key attribute as its first operand"),
        e("size(b) > a AND a.b > b AND b > c", K + "KeyConditionExpressions cannot contain nested operations"),
        e("a > size(b.d)", K + "KeyConditionExpressions cannot contain nested operations"),
        e("a between size(b) and size(a)", K + "KeyConditionExpressions cannot contain nested operations"),
        e("b > a.b", cond + "Multiple attribute names used in one condition"),
        e("b between c[1] and d", cond + "Multiple attribute names used in one condition"),
        e("a between b and size(a)", cond + "Multiple attribute names used in one condition"),
        e("begins_with(a, b)", cond + "Multiple attribute names used in one condition"),
        e("b.d > a AND c.d > e.f", K + "KeyConditionExpressions cannot have conditions on nested attributes"),
        e("a.d > c", K + "KeyConditionExpressions cannot have conditions on nested attributes"),
        e("b[0] > a", K + "KeyConditionExpressions cannot have conditions on nested attributes"),
        e("pk = :p AND begins_with(sk[0], :a)",
            K + "KeyConditionExpressions cannot have conditions on nested attributes"),
        e(":b > :a AND a < :b", cond + "No key attribute specified"),
        e(":a > b AND :a < :b", cond + "No key attribute specified"),
        e("b > :a AND b < :a and c = :a and d = :a",
            "KeyConditionExpressions must only contain one condition per key"),
        e("(a > :a and b > :a) and (b > :a and c > :a)",
            "KeyConditionExpressions must only contain one condition per key"),
        e(":a = a and b = :a and :a = c", "Conditions can be of length 1 or 2 only"),
        e("(a > :a and b > :a) and (c > :a and d > :a) and (e > :a and f > :a)",
            "Conditions can be of length 1 or 2 only"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("keyConditionShapeErrors")
  void keyConditionShape(String expression, String message) {
    // only the values it uses: DynamoDB reports unused values before the key condition's shape
    Map<String, AttributeValue> values = used(KEY_VALUES, expression);
    expectValidation(() -> client.query(r -> r.tableName(KEYED).keyConditionExpression(expression)
        .expressionAttributeValues(values)), message,
        "Query KeyConditionExpression \"" + expression + "\"");
  }

  static Stream<Arguments> keyConditionBindingErrors() {
    String notSupported = "Query key condition not supported";
    String mismatch = "One or more parameter values were invalid: Condition parameter type does not match schema type";
    return Stream.of(
        // a table without sort key takes nothing but equality on the partition key
        Arguments.of(KEY_A, "a = :a AND b = :a", notSupported), Arguments.of(KEY_A, "y = :a and z = :a", notSupported),
        Arguments.of(KEY_A, "a > :a", notSupported), Arguments.of(KEY_A, "a < :a", notSupported),
        Arguments.of(KEY_A, ":a <= a", notSupported), Arguments.of(KEY_A, ":a >= a", notSupported),
        Arguments.of(KEY_A, "begins_with(a, :a)", notSupported),
        Arguments.of(KEY_A, "a between :a and :a", notSupported),
        // the partition key must be there, with equality; the second condition must be on the sort key
        Arguments.of(KEY_A, "z = :a", "Query condition missed key schema element: a"),
        Arguments.of(KEY_AB, "z between :a and :b", "Query condition missed key schema element: a"),
        Arguments.of(KEY_AB, "b = :a", "Query condition missed key schema element: a"),
        Arguments.of(KEY_AB, "a = :a and c = :b", "Query condition missed key schema element: b"),
        Arguments.of(KEY_AB, "a > :a and b = :b", notSupported),
        // values must have the key's type and must not be empty
        Arguments.of(KEY_A, ":n = a", mismatch), Arguments.of(KEY_AB_N, "a = :a AND b > :a", mismatch),
        Arguments.of(KEY_AB, "a = :a AND b > :n", mismatch),
        Arguments.of(KEY_A, "a = :empty", "One or more parameter values are not valid. The AttributeValue for a key "
            + "attribute cannot contain an empty string value. Key: a"),
        Arguments.of(KEY_AB, "a = :a AND b >= :empty", "One or more parameter values are not valid. The AttributeValue "
            + "for a key attribute cannot contain an empty string value. Key: b"));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("keyConditionBindingErrors")
  void keyConditionAgainstTheSchema(String table, String expression, String message) {
    Map<String, AttributeValue> values = used(DdbJson.plus(KEY_VALUES, Map.of(":empty", AttributeValue.fromS(""))),
        expression);
    expectValidation(() -> client.query(r -> r.tableName(table).keyConditionExpression(expression)
        .expressionAttributeValues(values)), message,
        "Query " + table + " KeyConditionExpression \"" + expression + "\"");
  }

  @Test
  void queryNeedsAKeyConditionAndFiltersNoKeys() {
    expectValidation(() -> client.query(r -> r.tableName(KEYED)),
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.", "no key");
    expectValidation(() -> client.query(r -> r.tableName(KEYED).keyConditionExpression("pk = :p")
            .filterExpression("sk = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p1")))),
        "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk", "filter on sk");
  }

  // ---------------------------------------------------------------- placeholder maps

  static Stream<Arguments> placeholderMapErrors() {
    return Stream.of(
        Arguments.of(Map.of(), Map.of(), "ExpressionAttributeNames must not be empty"),
        Arguments.of(null, Map.of(), "ExpressionAttributeValues must not be empty"),
        Arguments.of(names("a", "a"), null, "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\""),
        Arguments.of(names("#", "a"), null, "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\""),
        Arguments.of(names("#a-b", "a"), null,
            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\""),
        Arguments.of(names("#" + "a".repeat(255), "a"), null, "ExpressionAttributeNames contains invalid key: "
            + "The expression attribute map contains a key that is too long; size of key: 256"),
        Arguments.of(names("#" + "a".repeat(255) + "-x", "a"), null, "ExpressionAttributeNames contains invalid key: "
            + "The expression attribute map contains a key that is too long; size of key: 258"),
        Arguments.of(names("#a", ""), null,
            "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a"),
        Arguments.of(null, item("{':b': {S: 'a'}, 'b': {S: 'a'}}"),
            "ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\""),
        Arguments.of(null, item("{':': {S: 'a'}}"),
            "ExpressionAttributeValues contains invalid key: Syntax error; key: \":\""),
        Arguments.of(null, item("{':a-b': {S: 'a'}}"),
            "ExpressionAttributeValues contains invalid key: Syntax error; key: \":a-b\""),
        Arguments.of(null, item("{':" + "a".repeat(255) + "': {S: 'a'}}"),
            "ExpressionAttributeValues contains invalid key: The expression attribute map contains a key that is "
                + "too long;"));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("placeholderMapErrors")
  void placeholderMaps(Map<String, String> names, Map<String, AttributeValue> values, String message) {
    expectValidation(() -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY)
            .conditionExpression("attribute_exists(a)")
            .expressionAttributeNames(names).expressionAttributeValues(values)),
        message, "PutItem names=" + names + " values=" + values);
  }

  // ---------------------------------------------------------------- legacy parameters and expressions

  static ExpectedAttributeValue exists() {
    return ExpectedAttributeValue.builder().exists(true).value(AttributeValue.fromS("a")).build();
  }

  static Condition eq(String value) {
    return Condition.builder().comparisonOperator(ComparisonOperator.EQ)
        .attributeValueList(AttributeValue.fromS(value)).build();
  }

  static Arguments mix(String name, ThrowingCallable call, String message, String bug) {
    return Arguments.of(name, call, message, bug);
  }

  static Stream<Arguments> mixing() {
    // conditions that do not hold, so that a request wrongly accepted writes nothing
    Map<String, AttributeValue> v = Map.of(":v", AttributeValue.fromS("no"));
    Map<String, AttributeValue> p = Map.of(":p", AttributeValue.fromS("p1"));
    AttributeValueUpdate put = AttributeValueUpdate.builder().action(AttributeAction.PUT)
        .value(AttributeValue.fromS("b")).build();
    return Stream.of(
        mix("UpdateItem, every parameter", () -> client.updateItem(r -> r.tableName(ITEMS).key(ITEMS_KEY)
                .expected(Map.of("a", exists())).attributeUpdates(Map.of("b", put))
                .expressionAttributeNames(names("#a", "a")).expressionAttributeValues(v)
                .conditionExpression("#a = :v").updateExpression("SET b = :v")),
            MIX + "Non-expression parameters: {AttributeUpdates, Expected} "
                + "Expression parameters: {UpdateExpression, ConditionExpression}", null),
        mix("UpdateItem with ConditionalOperator", () -> client.updateItem(r -> r.tableName(ITEMS).key(ITEMS_KEY)
                .attributeUpdates(Map.of("b", put)).expected(Map.of("a", exists(), "n", exists()))
                .conditionalOperator(ConditionalOperator.AND).updateExpression("SET b = :v")
                .conditionExpression("a = :v").expressionAttributeValues(v)),
            MIX + "Non-expression parameters: {AttributeUpdates, Expected, ConditionalOperator} "
                + "Expression parameters: {UpdateExpression, ConditionExpression}", null),
        mix("PutItem", () -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY).conditionExpression("a = :v")
                .expressionAttributeValues(v).expected(Map.of("a", exists()))),
            MIX + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}", null),
        mix("PutItem with ConditionalOperator", () -> client.putItem(r -> r.tableName(ITEMS).item(ITEMS_KEY)
                .conditionalOperator(ConditionalOperator.AND).conditionExpression("attribute_not_exists(pk)")),
            MIX + "Non-expression parameters: {ConditionalOperator} Expression parameters: {ConditionExpression}",
            null),
        mix("DeleteItem", () -> client.deleteItem(r -> r.tableName(ITEMS).key(ITEMS_KEY)
                .conditionalOperator(ConditionalOperator.OR).conditionExpression("a = :v")
                .expressionAttributeValues(v)),
            MIX + "Non-expression parameters: {ConditionalOperator} Expression parameters: {ConditionExpression}",
            null),
        mix("Scan", () -> client.scan(r -> r.tableName(ITEMS).attributesToGet("a")
                .scanFilter(Map.of("a", eq("a"), "n", eq("b"))).conditionalOperator(ConditionalOperator.OR)
                .filterExpression("a = :v").projectionExpression("a").expressionAttributeValues(v)),
            MIX + "Non-expression parameters: {AttributesToGet, ScanFilter, ConditionalOperator} "
                + "Expression parameters: {ProjectionExpression, FilterExpression}", null),
        mix("Query", () -> client.query(r -> r.tableName(KEYED).keyConditions(Map.of("pk", eq("p1")))
                .queryFilter(Map.of("x", eq("x"), "y", eq("y"))).conditionalOperator(ConditionalOperator.AND)
                .keyConditionExpression("pk = :p").filterExpression("x = :p").projectionExpression("x")
                .expressionAttributeValues(p)),
            MIX + "Non-expression parameters: {QueryFilter, ConditionalOperator, KeyConditions} "
                + "Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}",
            null),
        mix("Query with AttributesToGet", () -> client.query(r -> r.tableName(KEYED).attributesToGet("x")
                .keyConditionExpression("pk = :p").expressionAttributeValues(p)),
            MIX + "Non-expression parameters: {AttributesToGet} Expression parameters: {KeyConditionExpression}", null),
        mix("GetItem", () -> client.getItem(r -> r.tableName(ITEMS).key(ITEMS_KEY).attributesToGet("a")
                .projectionExpression("a")),
            MIX + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}", null),
        // placeholder maps with no expression to use them
        mix("UpdateItem names without expressions", () -> client.updateItem(r -> r.tableName(ITEMS).key(ITEMS_KEY)
                .expected(Map.of("a", exists())).expressionAttributeNames(names("#a", "a"))
                .expressionAttributeValues(v)),
            "ExpressionAttributeNames can only be specified when using expressions", null),
        mix("UpdateItem values without expressions", () -> client.updateItem(r -> r.tableName(ITEMS).key(ITEMS_KEY)
                .expected(Map.of("a", exists())).expressionAttributeValues(v)),
            "ExpressionAttributeValues can only be specified when using expressions: "
                + "UpdateExpression and ConditionExpression are null", null),
        mix("DeleteItem values without a condition", () -> client.deleteItem(r -> r.tableName(ITEMS).key(ITEMS_KEY)
                .expressionAttributeValues(v)),
            "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null",
            null),
        mix("Scan values with only a projection", () -> client.scan(r -> r.tableName(ITEMS).projectionExpression("a")
                .expressionAttributeValues(v)),
            "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null",
            null),
        mix("Query values with KeyConditions", () -> client.query(r -> r.tableName(KEYED)
                .keyConditions(Map.of("pk", eq("p1"))).expressionAttributeValues(p)),
            "ExpressionAttributeValues can only be specified when using expressions: "
                + "FilterExpression and KeyConditionExpression are null", null));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("mixing")
  void legacyAndExpressionParameters(String name, ThrowingCallable call, String message, String bug) {
    expectValidation(call, message, name, bug);
  }

  @Test
  void keyConditionsMayComeWithExpressionFiltersAndProjections() {
    withKnownBug(null, () -> {
      var response = client.query(r -> r.tableName(KEYED).keyConditions(Map.of("pk", eq("p1")))
          .filterExpression("x = :x").projectionExpression("sk").expressionAttributeValues(
              Map.of(":x", AttributeValue.fromS("x"))));
      assertThat(response.items()).containsExactly(Map.of("sk", AttributeValue.fromS("a")));
    });
  }

  // ---------------------------------------------------------------- helpers

  static void expectValidation(ThrowingCallable call, String message, String what) {
    expectValidation(call, message, what, null);
  }

  /**
   * Asserts a ValidationException (status 400) with exactly {@code message}. A case that fails
   * for a known bug of the emulator is reported as aborted (naming the bug), not as passed.
   */
  static void expectValidation(ThrowingCallable call, String message, String what, String knownBug) {
    Throwable thrown = catchThrowable(call);
    withKnownBug(knownBug, () -> {
      assertThat(thrown).as(what + ": expected %s \"%s\"", VALIDATION, message)
          .isInstanceOf(DynamoDbException.class);
      DynamoDbException e = (DynamoDbException) thrown;
      assertThat(e.awsErrorDetails().errorCode()).as(what + ": error code").isEqualTo(VALIDATION);
      assertThat(e.statusCode()).as(what + ": status").isEqualTo(400);
      assertThat(e.awsErrorDetails().errorMessage()).as(what + ": message").isEqualTo(message);
    });
  }

  /**
   * Runs {@code check}; when a known bug (non-null) makes it fail, the test is aborted with the
   * bug's name and the failure, so it shows as skipped rather than passed. Once the bug is fixed
   * the check passes and the case counts again.
   */
  static void withKnownBug(String knownBug, ThrowingCallable check) {
    Throwable failure = catchThrowable(check);
    if (failure == null) {
      return;
    }
    if (knownBug != null) {
      Assumptions.abort("known bug, " + knownBug + ": " + failure.getMessage());
    }
    if (failure instanceof AssertionError assertion) {
      throw assertion;
    }
    throw new AssertionError(failure);
  }
}
