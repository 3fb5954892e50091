package dev.dynamodouble.core.expression;

import static dev.dynamodouble.core.expression.Ddb.assertValidation;
import static dev.dynamodouble.core.expression.Ddb.item;
import static dev.dynamodouble.core.expression.Ddb.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.expression.AttributeValueUpdate.Action;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyTest {
  static final Map<String, AttributeValue> ITEM = item("""
      {a: {S: 'xy'}, n: {N: '5'}, ss: {SS: ['a', 'b']}, l: {L: [{N: '1'}, {S: 'dog'}]},
       t: {BOOL: true}, b: {B: 'AQI='}}
      """);
  static final String P = "One or more parameter values were invalid: ";

  static AttributeValue v(String json) {
    return value(json);
  }

  static <T> Map<String, T> map(Object... pairs) {
    Map<String, T> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      T t = (T) pairs[i + 1];
      m.put((String) pairs[i], t);
    }
    return m;
  }

  static ExpectedAttributeValue cmp(ComparisonOperator op, String... values) {
    return new ExpectedAttributeValue(null, null, op,
        Arrays.stream(values).map(LegacyTest::v).toList());
  }

  // ---------------------------------------------------------------- Expected

  static Stream<Arguments> expected() {
    return Stream.of(
        Arguments.of("a", ExpectedAttributeValue.equalTo(v("{S: 'xy'}")), true),
        Arguments.of("a", ExpectedAttributeValue.equalTo(v("{S: 'y'}")), false),
        Arguments.of("nope", ExpectedAttributeValue.equalTo(v("{S: 'xy'}")), false),
        Arguments.of("a", new ExpectedAttributeValue(v("{S: 'xy'}"), true, null, null), true),
        Arguments.of("nope", ExpectedAttributeValue.absent(), true),
        Arguments.of("a", ExpectedAttributeValue.absent(), false),
        Arguments.of("a", cmp(ComparisonOperator.EQ, "{S: 'xy'}"), true),
        Arguments.of("l", cmp(ComparisonOperator.EQ, "{L: [{N: '1'}, {S: 'dog'}]}"), true),
        Arguments.of("a", cmp(ComparisonOperator.NE, "{S: 'y'}"), true),
        Arguments.of("nope", cmp(ComparisonOperator.NE, "{S: 'y'}"), true),
        Arguments.of("n", cmp(ComparisonOperator.LT, "{N: '10'}"), true),
        Arguments.of("n", cmp(ComparisonOperator.LE, "{N: '5'}"), true),
        Arguments.of("n", cmp(ComparisonOperator.GT, "{N: '5'}"), false),
        Arguments.of("n", cmp(ComparisonOperator.GE, "{N: '5'}"), true),
        Arguments.of("a", cmp(ComparisonOperator.GE, "{N: '5'}"), false),
        Arguments.of("a", cmp(ComparisonOperator.NOT_NULL), true),
        Arguments.of("nope", cmp(ComparisonOperator.NOT_NULL), false),
        Arguments.of("nope", cmp(ComparisonOperator.NULL), true),
        Arguments.of("a", cmp(ComparisonOperator.CONTAINS, "{S: 'y'}"), true),
        Arguments.of("ss", cmp(ComparisonOperator.CONTAINS, "{S: 'a'}"), true),
        Arguments.of("l", cmp(ComparisonOperator.CONTAINS, "{S: 'dog'}"), true),
        Arguments.of("b", cmp(ComparisonOperator.CONTAINS, "{B: 'Ag=='}"), true),
        Arguments.of("ss", cmp(ComparisonOperator.NOT_CONTAINS, "{S: 'c'}"), true),
        Arguments.of("ss", cmp(ComparisonOperator.NOT_CONTAINS, "{S: 'a'}"), false),
        Arguments.of("a", cmp(ComparisonOperator.BEGINS_WITH, "{S: 'x'}"), true),
        Arguments.of("n", cmp(ComparisonOperator.IN, "{N: '1'}", "{N: '5'}"), true),
        Arguments.of("n", cmp(ComparisonOperator.IN, "{N: '1'}", "{N: '2'}"), false),
        Arguments.of("n", cmp(ComparisonOperator.BETWEEN, "{N: '1'}", "{N: '10'}"), true),
        Arguments.of("n", cmp(ComparisonOperator.BETWEEN, "{N: '6'}", "{N: '10'}"), false),
        Arguments.of("a", new ExpectedAttributeValue(v("{S: 'xy'}"), null, ComparisonOperator.EQ, null), true));
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @MethodSource("expected")
  void expectedConditions(String attribute, ExpectedAttributeValue expected, boolean holds) {
    assertThat(Legacy.expected(map(attribute, expected), null).test(ITEM)).isEqualTo(holds);
  }

  @Test
  void conditionalOperatorCombinesExpected() {
    Map<String, ExpectedAttributeValue> two = map("a", ExpectedAttributeValue.equalTo(v("{S: 'no'}")),
        "n", ExpectedAttributeValue.equalTo(v("{N: '5'}")));
    assertThat(Legacy.expected(two, "OR").test(ITEM)).isTrue();
    assertThat(Legacy.expected(two, "AND").test(ITEM)).isFalse();
    assertThat(Legacy.expected(two, null).test(ITEM)).isFalse();
    assertThat(Legacy.expected(null, null).test(ITEM)).isTrue();
    assertThat(Legacy.expected(Map.of(), null).test(null)).isTrue();
  }

  static Stream<Arguments> expectedErrors() {
    return Stream.of(
        Arguments.of(new ExpectedAttributeValue(null, null, null, null),
            P + "Value must be provided when Exists is null for Attribute: a"),
        Arguments.of(new ExpectedAttributeValue(null, true, null, null),
            P + "Value must be provided when Exists is true for Attribute: a"),
        Arguments.of(new ExpectedAttributeValue(v("{S: 'a'}"), false, null, null),
            P + "Value cannot be used when Exists is false for Attribute: a"),
        Arguments.of(new ExpectedAttributeValue(null, true, ComparisonOperator.EQ, List.of()),
            P + "Exists and ComparisonOperator cannot be used together for Attribute: a"),
        Arguments.of(new ExpectedAttributeValue(v("{S: 'a'}"), null, ComparisonOperator.EQ,
            List.of(v("{S: 'a'}"))), P + "Value and AttributeValueList cannot be used together for Attribute: a"),
        Arguments.of(new ExpectedAttributeValue(null, null, null, List.of(v("{S: 'a'}"))),
            P + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a"),
        Arguments.of(new ExpectedAttributeValue(null, null, ComparisonOperator.EQ, null),
            P + "Invalid number of argument(s) for the EQ ComparisonOperator"),
        Arguments.of(cmp(ComparisonOperator.NULL, "{S: 'a'}"),
            P + "Invalid number of argument(s) for the NULL ComparisonOperator"),
        Arguments.of(cmp(ComparisonOperator.LT, "{BOOL: true}"),
            P + "ComparisonOperator LT is not valid for BOOL AttributeValue type"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("expectedErrors")
  void expectedErrors(ExpectedAttributeValue expected, String message) {
    assertValidation(() -> Legacy.expected(map("a", expected), null), message);
  }

  @Test
  void conditionalOperatorNeedsTwoConditions() {
    assertValidation(() -> Legacy.expected(null, "AND"),
        "ConditionalOperator cannot be used without Filter or Expected");
    assertValidation(() -> Legacy.scanFilter(Map.of(), "OR"),
        "ConditionalOperator cannot be used without Filter or Expected");
    assertValidation(() -> Legacy.queryFilter(map("a", LegacyCondition.of(ComparisonOperator.NULL)), "AND"),
        "ConditionalOperator can only be used when Filter or Expected has two or more elements");
  }

  // ---------------------------------------------------------------- filters: arguments and types

  static Stream<Arguments> argumentCounts() {
    return Stream.of(
        Arguments.of(ComparisonOperator.EQ, List.of()), Arguments.of(ComparisonOperator.NE, List.of()),
        Arguments.of(ComparisonOperator.LE, List.of()), Arguments.of(ComparisonOperator.LT, List.of()),
        Arguments.of(ComparisonOperator.GE, List.of()), Arguments.of(ComparisonOperator.GT, List.of()),
        Arguments.of(ComparisonOperator.CONTAINS, List.of()),
        Arguments.of(ComparisonOperator.NOT_CONTAINS, List.of()),
        Arguments.of(ComparisonOperator.BEGINS_WITH, List.of()), Arguments.of(ComparisonOperator.IN, List.of()),
        Arguments.of(ComparisonOperator.BETWEEN, List.of()),
        Arguments.of(ComparisonOperator.NULL, List.of("{S: 'a'}")),
        Arguments.of(ComparisonOperator.NOT_NULL, List.of("{S: 'a'}")),
        Arguments.of(ComparisonOperator.EQ, List.of("{S: 'a'}", "{S: 'a'}")),
        Arguments.of(ComparisonOperator.CONTAINS, List.of("{S: 'a'}", "{S: 'a'}")),
        Arguments.of(ComparisonOperator.BETWEEN, List.of("{S: 'a'}", "{S: 'a'}", "{S: 'a'}")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("argumentCounts")
  void checksArgumentCounts(ComparisonOperator op, List<String> values) {
    LegacyCondition c = new LegacyCondition(op, values.stream().map(LegacyTest::v).toList());
    String message = P + "Invalid number of argument(s) for the " + op + " ComparisonOperator";
    assertValidation(() -> Legacy.scanFilter(map("a", c), null), message);
    assertValidation(() -> Legacy.keyConditions(map("a", c)), message);
  }

  static Stream<Arguments> argumentTypes() {
    Stream.Builder<Arguments> b = Stream.builder();
    List<String> unordered = List.of("{BOOL: true}", "{NULL: true}", "{SS: ['a']}", "{NS: ['1']}",
        "{BS: ['YQ==']}", "{M: {}}", "{L: []}");
    for (ComparisonOperator op : List.of(ComparisonOperator.LT, ComparisonOperator.LE,
        ComparisonOperator.GT, ComparisonOperator.GE, ComparisonOperator.IN)) {
      for (String t : unordered) {
        b.add(Arguments.of(op, List.of(t)));
      }
    }
    for (ComparisonOperator op : List.of(ComparisonOperator.CONTAINS, ComparisonOperator.NOT_CONTAINS)) {
      for (String t : unordered.subList(2, unordered.size())) {
        b.add(Arguments.of(op, List.of(t)));
      }
    }
    for (String t : unordered) {
      b.add(Arguments.of(ComparisonOperator.BETWEEN, List.of(t, t)));
    }
    for (String t : List.of("{N: '1'}", "{BOOL: true}", "{NULL: true}", "{SS: ['a']}", "{NS: ['1']}",
        "{BS: ['YQ==']}", "{M: {}}", "{L: []}")) {
      b.add(Arguments.of(ComparisonOperator.BEGINS_WITH, List.of(t)));
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("argumentTypes")
  void checksArgumentTypes(ComparisonOperator op, List<String> values) {
    LegacyCondition c = new LegacyCondition(op, values.stream().map(LegacyTest::v).toList());
    String message = P + "ComparisonOperator " + op + " is not valid for "
        + c.attributeValueList().get(0).type() + " AttributeValue type";
    assertValidation(() -> Legacy.queryFilter(map("a", c), null), message);
    assertValidation(() -> Legacy.keyConditions(map("a", c)), message);
  }

  @Test
  void checksInAndBetweenLists() {
    assertValidation(() -> Legacy.keyConditions(map("a",
            LegacyCondition.of(ComparisonOperator.IN, v("{S: 'b'}"), v("{N: '1'}")))),
        P + "AttributeValues inside AttributeValueList must be of same type");
    assertValidation(() -> Legacy.keyConditions(map("a",
            LegacyCondition.of(ComparisonOperator.BETWEEN, v("{S: 'b'}"), v("{S: 'a'}")))),
        "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
    // CONTAINS takes any scalar, EQ anything
    Legacy.scanFilter(map("a", LegacyCondition.of(ComparisonOperator.CONTAINS, v("{BOOL: true}")),
        "b", LegacyCondition.of(ComparisonOperator.EQ, v("{M: {}}"))), "OR");
  }

  @Test
  void filtersEvaluateLikeExpected() {
    Condition f = Legacy.scanFilter(map(
        "a", LegacyCondition.of(ComparisonOperator.BEGINS_WITH, v("{S: 'x'}")),
        "n", LegacyCondition.of(ComparisonOperator.BETWEEN, v("{N: '1'}"), v("{N: '5'}"))), null);
    assertThat(f.test(ITEM)).isTrue();
    assertThat(f.test(Map.of())).isFalse();
  }

  @Test
  void queryFilterRefusesKeyAttributes() {
    Condition f = Legacy.queryFilter(map("b", LegacyCondition.of(ComparisonOperator.EQ, v("{S: 'a'}"))), null);
    assertValidation(() -> f.requireNoKeyAttributes(Set.of("a", "b")),
        "QueryFilter can only contain non-primary key attributes: Primary key attribute: b");
    Condition expr = new ExpressionContext(null, item("{':b': {N: '1'}}")).filterExpression("a[1] = :b");
    assertValidation(() -> expr.requireNoKeyAttributes(Set.of("a")),
        "Filter Expression can only contain non-primary key attributes: Primary key attribute: a");
    expr.requireNoKeyAttributes(Set.of("pk"));
  }

  // ---------------------------------------------------------------- KeyConditions

  @Test
  void keyConditionsHaveOneOrTwoParts() {
    assertValidation(() -> Legacy.keyConditions(Map.of()), "Conditions can be of length 1 or 2 only");
    // three parts: refused once bound to a key schema that is not multi-attribute
    KeyCondition three = Legacy.keyConditions(map(
        "a", LegacyCondition.of(ComparisonOperator.NULL),
        "b", LegacyCondition.of(ComparisonOperator.NULL),
        "c", LegacyCondition.of(ComparisonOperator.NULL)));
    assertValidation(() -> three.bind("a", "b"), "Conditions can be of length 1 or 2 only");
    assertValidation(() -> Legacy.keyConditions(map(
            "a", LegacyCondition.of(ComparisonOperator.EQ),
            "b", LegacyCondition.of(ComparisonOperator.NULL),
            "c", LegacyCondition.of(ComparisonOperator.NULL))),
        P + "Invalid number of argument(s) for the EQ ComparisonOperator");
  }

  @ParameterizedTest
  @EnumSource(value = ComparisonOperator.class, names = {"NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN"})
  void keyConditionsOnlyIndexableOperators(ComparisonOperator op) {
    List<AttributeValue> args = op == ComparisonOperator.NULL || op == ComparisonOperator.NOT_NULL
        ? List.of() : List.of(v("{S: 'a'}"));
    String message = "Attempted conditional constraint is not an indexable operation";
    assertValidation(() -> Legacy.keyConditions(map("a", new LegacyCondition(op, args))).bind("a", null),
        message);
    assertValidation(() -> Legacy.keyConditions(map("a", LegacyCondition.of(ComparisonOperator.EQ,
        v("{S: 'b'}")), "b", new LegacyCondition(op, args))).bind("a", "b"), message);
  }

  @Test
  void keyConditionsBindLikeTheExpression() {
    assertValidation(() -> Legacy.keyConditions(map("a", LegacyCondition.of(ComparisonOperator.LE,
        v("{S: 'a'}")))).bind("a", null), "Query key condition not supported");
    assertValidation(() -> Legacy.keyConditions(map(
            "a", LegacyCondition.of(ComparisonOperator.EQ, v("{S: 'a'}")),
            "b", LegacyCondition.of(ComparisonOperator.EQ, v("{S: 'a'}")))).bind("a", null),
        "Query key condition not supported");
    assertValidation(() -> Legacy.keyConditions(map("c", LegacyCondition.of(ComparisonOperator.NULL)))
        .bind("a", "b"), "Query condition missed key schema element: a");
    KeyCondition.Bound key = Legacy.keyConditions(map(
        "b", LegacyCondition.of(ComparisonOperator.BETWEEN, v("{S: 'ab'}"), v("{S: 'ac'}")),
        "a", LegacyCondition.of(ComparisonOperator.EQ, v("{S: 'p'}")))).bind("a", "b");
    assertThat(key.partitionValue()).isEqualTo(v("{S: 'p'}"));
    assertThat(key.matchesSortKey(v("{S: 'abc'}"))).isTrue();
    assertThat(key.matchesSortKey(v("{S: 'aca'}"))).isFalse();
  }

  // ---------------------------------------------------------------- AttributeUpdates

  @Test
  void attributeUpdatesApply() {
    Map<String, AttributeValue> old = item("""
        {k: {S: 'key'}, b: {S: 'a'}, c: {N: '1'}, d: {SS: ['a', 'b']}, e: {L: [{S: 'a'}]}, f: {NS: ['1', '2']}}
        """);
    Update u = Legacy.attributeUpdates(map(
        "b", new AttributeValueUpdate(null, v("{S: 'b'}")),
        "c", AttributeValueUpdate.add(v("{N: '3'}")),
        "d", AttributeValueUpdate.add(v("{SS: ['b', 'c']}")),
        "e", AttributeValueUpdate.add(v("{L: [{N: '2'}]}")),
        "f", AttributeValueUpdate.delete(v("{NS: ['1', '2']}")),
        "g", AttributeValueUpdate.add(v("{N: '5'}")),
        "h", AttributeValueUpdate.add(v("{L: [{N: '1'}]}")),
        "i", AttributeValueUpdate.delete(null),
        "j", AttributeValueUpdate.delete(v("{SS: ['a']}"))));
    UpdateResult r = u.apply(old, Set.of("k"));
    assertThat(r.newItem()).isEqualTo(item("""
        {k: {S: 'key'}, b: {S: 'b'}, c: {N: '4'}, d: {SS: ['a', 'b', 'c']}, e: {L: [{S: 'a'}, {N: '2'}]},
         g: {N: '5'}, h: {L: [{N: '1'}]}}
        """));
    assertThat(r.updatedOld()).isEqualTo(item("""
        {b: {S: 'a'}, c: {N: '1'}, d: {SS: ['a', 'b']}, e: {L: [{S: 'a'}]}, f: {NS: ['1', '2']}}
        """));
    assertThat(r.updatedNew()).containsOnlyKeys("b", "c", "d", "e", "g", "h");
    assertThat(Legacy.attributeUpdates(map("b", AttributeValueUpdate.delete(null)))
        .apply(old, Set.of("k")).newItem()).doesNotContainKey("b");
  }

  @Test
  void attributeUpdatesOfNestedValuesReturnWholeAttributes() {
    Map<String, AttributeValue> old = item("{b: {M: {a: {S: 'a'}, b: {L: []}}}, c: {N: '1'}}");
    Update u = Legacy.attributeUpdates(map("b", AttributeValueUpdate.put(v("{M: {a: {S: 'b'}, b: {L: []}}}")),
        "c", AttributeValueUpdate.add(v("{N: '1'}"))));
    assertThat(u.apply(old, Set.of()).updatedOld()).isEqualTo(old);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{S: '1'}", "{N: '1'}", "{B: 'Yg=='}", "{NULL: true}", "{BOOL: true}", "{M: {}}", "{L: []}"})
  void attributeUpdatesDeleteOnlySets(String json) {
    AttributeValue value = v(json);
    assertValidation(() -> Legacy.attributeUpdates(map("a", AttributeValueUpdate.delete(value))),
        P + "DELETE action with value is not supported for the type " + value.type());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{S: '1'}", "{B: 'Yg=='}", "{NULL: true}", "{BOOL: true}", "{M: {}}"})
  void attributeUpdatesAddOnlyNumbersSetsAndLists(String json) {
    AttributeValue value = v(json);
    assertValidation(() -> Legacy.attributeUpdates(map("a", AttributeValueUpdate.add(value))),
        P + "ADD action is not supported for the type " + value.type());
  }

  @Test
  void attributeUpdatesWithoutValueOnlyDelete() {
    assertValidation(() -> Legacy.attributeUpdates(map("a", new AttributeValueUpdate(null, null))),
        P + "Only DELETE action is allowed when no attribute value is specified");
    assertValidation(() -> Legacy.attributeUpdates(map("a", new AttributeValueUpdate(Action.ADD, null))),
        P + "Only DELETE action is allowed when no attribute value is specified");
  }

  @Test
  void attributeUpdatesRuntimeErrors() {
    Map<String, AttributeValue> old = item("{a: {S: 'k'}, b: {SS: ['1']}, c: {N: '1'}, d: {NS: ['1']}}");
    for (Map<String, AttributeValueUpdate> updates : List.<Map<String, AttributeValueUpdate>>of(
        map("b", AttributeValueUpdate.delete(v("{NS: ['1']}"))),
        map("b", AttributeValueUpdate.delete(v("{BS: ['YQ==']}"))),
        map("c", AttributeValueUpdate.delete(v("{NS: ['1']}"))),
        map("b", AttributeValueUpdate.add(v("{NS: ['1']}"))),
        map("d", AttributeValueUpdate.add(v("{N: '1'}"))))) {
      Update u = Legacy.attributeUpdates(updates);
      assertValidation(() -> u.apply(old, Set.of("a")), "Type mismatch for attribute to update");
    }
    Update key = Legacy.attributeUpdates(map("a", AttributeValueUpdate.put(v("{S: 'x'}"))));
    assertValidation(() -> key.apply(old, Set.of("a")),
        P + "Cannot update attribute a. This attribute is part of the key");
  }

  // ---------------------------------------------------------------- AttributesToGet

  @Test
  void attributesToGet() {
    assertThat(Legacy.attributesToGet(List.of("a", "n", "nope")).apply(ITEM)).containsOnlyKeys("a", "n");
    assertValidation(() -> Legacy.attributesToGet(List.of("a", "a")),
        P + "Duplicate value in attribute name: a");
  }

  // ---------------------------------------------------------------- mixing the two styles

  static final String MIX = "Can not use both expression and non-expression parameters in the same request: ";

  static Stream<Arguments> mixing() {
    return Stream.of(
        Arguments.of("UpdateItem", List.of("Key", "Expected", "AttributeUpdates", "ExpressionAttributeNames",
            "ExpressionAttributeValues", "ConditionExpression", "UpdateExpression"),
            MIX + "Non-expression parameters: {AttributeUpdates, Expected} "
                + "Expression parameters: {UpdateExpression, ConditionExpression}"),
        Arguments.of("UpdateItem", List.of("AttributeUpdates", "Expected", "ConditionalOperator",
            "UpdateExpression", "ConditionExpression"), MIX + "Non-expression parameters: "
            + "{AttributeUpdates, Expected, ConditionalOperator} Expression parameters: "
            + "{UpdateExpression, ConditionExpression}"),
        Arguments.of("PutItem", List.of("ConditionExpression", "Expected"),
            MIX + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"),
        Arguments.of("DeleteItem", List.of("ConditionalOperator", "ConditionExpression"),
            MIX + "Non-expression parameters: {ConditionalOperator} Expression parameters: {ConditionExpression}"),
        Arguments.of("Scan", List.of("AttributesToGet", "ScanFilter", "ConditionalOperator",
            "FilterExpression", "ProjectionExpression", "ExpressionAttributeValues"),
            MIX + "Non-expression parameters: {AttributesToGet, ScanFilter, ConditionalOperator} "
                + "Expression parameters: {ProjectionExpression, FilterExpression}"),
        Arguments.of("Query", List.of("KeyConditions", "QueryFilter", "ConditionalOperator",
            "KeyConditionExpression", "FilterExpression", "ProjectionExpression"),
            MIX + "Non-expression parameters: {QueryFilter, ConditionalOperator, KeyConditions} "
                + "Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}"),
        Arguments.of("Query", List.of("AttributesToGet", "KeyConditionExpression"),
            MIX + "Non-expression parameters: {AttributesToGet} Expression parameters: {KeyConditionExpression}"),
        Arguments.of("GetItem", List.of("AttributesToGet", "ProjectionExpression"),
            MIX + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("mixing")
  void refusesMixedStyles(String operation, List<String> present, String message) {
    assertValidation(() -> ExpressionParameters.checkNotMixed(operation, Set.copyOf(present)), message);
  }

  @Test
  void allowsKeyConditionsWithExpressionFiltersAndProjections() {
    ExpressionParameters.checkNotMixed("Query", Set.of("KeyConditions", "FilterExpression", "ProjectionExpression"));
    ExpressionParameters.checkNotMixed("Scan", Set.of("ScanFilter", "ConditionalOperator"));
    ExpressionParameters.checkNotMixed("UpdateItem", Set.of("UpdateExpression", "ConditionExpression"));
  }

  @Test
  void placeholdersNeedExpressions() {
    assertValidation(() -> ExpressionParameters.checkPlaceholdersHaveExpressions("UpdateItem",
            Set.of("Expected", "ExpressionAttributeNames", "ExpressionAttributeValues")),
        "ExpressionAttributeNames can only be specified when using expressions");
    assertValidation(() -> ExpressionParameters.checkPlaceholdersHaveExpressions("UpdateItem",
            Set.of("Expected", "ExpressionAttributeValues")),
        "ExpressionAttributeValues can only be specified when using expressions: "
            + "UpdateExpression and ConditionExpression are null");
    assertValidation(() -> ExpressionParameters.checkPlaceholdersHaveExpressions("DeleteItem",
            Set.of("ExpressionAttributeValues")),
        "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null");
    assertValidation(() -> ExpressionParameters.checkPlaceholdersHaveExpressions("Scan",
            Set.of("ExpressionAttributeValues", "ProjectionExpression")),
        "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
    assertValidation(() -> ExpressionParameters.checkPlaceholdersHaveExpressions("Query",
            Set.of("ExpressionAttributeValues", "KeyConditions")),
        "ExpressionAttributeValues can only be specified when using expressions: "
            + "FilterExpression and KeyConditionExpression are null");
    ExpressionParameters.checkPlaceholdersHaveExpressions("GetItem",
        Set.of("ExpressionAttributeNames", "ProjectionExpression"));
    ExpressionParameters.checkPlaceholdersHaveExpressions("UpdateItem",
        Set.of("ExpressionAttributeNames", "ExpressionAttributeValues", "UpdateExpression"));
  }
}
