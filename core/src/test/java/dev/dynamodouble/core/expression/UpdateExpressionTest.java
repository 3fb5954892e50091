package dev.dynamodouble.core.expression;

import static dev.dynamodouble.core.expression.Ddb.item;
import static dev.dynamodouble.core.expression.Ddb.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpdateExpressionTest {
  static final String BASE = """
      pk: {S: 'p'}, n: {N: '5'}, s: {S: 'x'}, ss: {SS: ['a', 'b']}, ns: {NS: ['1', '2']},
      bs: {BS: ['AQ==']}, l: {L: [{N: '1'}, {N: '2'}, {N: '3'}]},
      m: {M: {a: {N: '1'}, b: {M: {c: {S: 'x'}}}}}""";
  static final Map<String, AttributeValue> VALUES = item("""
      {':y': {S: 'y'}, ':z': {S: 'z'}, ':one': {N: '1'}, ':zero': {N: '0'}, ':neg': {N: '-2.5'},
       ':l45': {L: [{N: '4'}, {N: '5'}]}, ':ssa': {SS: ['a']}, ':ssab': {SS: ['b', 'a']},
       ':ssbc': {SS: ['b', 'c']}, ':ns3': {NS: ['3', '1']}, ':ns1': {NS: ['1']},
       ':bs2': {BS: ['Ag==']}, ':bs1': {BS: ['AQ==']}, ':empty': {L: []}}
      """);
  static final Map<String, String> NAMES = names("#n", "n", "#s", "s", "#dot", "a.b");

  static Stream<Arguments> updates() {
    return Stream.of(
        // SET
        Arguments.of("SET s = :y", "s: {S: 'y'}"),
        Arguments.of("SET t = :y", "t: {S: 'y'}"),
        Arguments.of("SET #dot = :y", "'a.b': {S: 'y'}"),
        Arguments.of("SET n = n + :one", "n: {N: '6'}"),
        Arguments.of("SET n = n - :one", "n: {N: '4'}"),
        Arguments.of("SET n = :one + n", "n: {N: '6'}"),
        Arguments.of("SET n = n + :neg", "n: {N: '2.5'}"),
        Arguments.of("SET n = (n + :one)", "n: {N: '6'}"),
        Arguments.of("SET n = (n) - (:one)", "n: {N: '4'}"),
        Arguments.of("SET t = if_not_exists(t, :zero)", "t: {N: '0'}"),
        Arguments.of("SET n = if_not_exists(n, :zero)", ""),
        Arguments.of("SET n = if_not_exists(t, :zero) + :one", "n: {N: '1'}"),
        Arguments.of("SET t = if_not_exists(t, n)", "t: {N: '5'}"),
        Arguments.of("SET l = list_append(l, :l45)",
            "l: {L: [{N: '1'}, {N: '2'}, {N: '3'}, {N: '4'}, {N: '5'}]}"),
        Arguments.of("SET l = list_append(:l45, l)",
            "l: {L: [{N: '4'}, {N: '5'}, {N: '1'}, {N: '2'}, {N: '3'}]}"),
        Arguments.of("SET t = list_append(if_not_exists(t, :empty), :l45)",
            "t: {L: [{N: '4'}, {N: '5'}]}"),
        Arguments.of("SET m.a = :y", "m: {M: {a: {S: 'y'}, b: {M: {c: {S: 'x'}}}}}"),
        Arguments.of("SET m.b.d = :y", "m: {M: {a: {N: '1'}, b: {M: {c: {S: 'x'}, d: {S: 'y'}}}}}"),
        Arguments.of("SET l[1] = :y", "l: {L: [{N: '1'}, {S: 'y'}, {N: '3'}]}"),
        Arguments.of("SET l[10] = :y", "l: {L: [{N: '1'}, {N: '2'}, {N: '3'}, {S: 'y'}]}"),
        Arguments.of("SET l[5] = :y, l[4] = :z",
            "l: {L: [{N: '1'}, {N: '2'}, {N: '3'}, {S: 'z'}, {S: 'y'}]}"),
        Arguments.of("SET n = :one, t = n", "n: {N: '1'}, t: {N: '5'}"),
        Arguments.of("SET #n = :one, #s = #n", "n: {N: '1'}, s: {N: '5'}"),
        // REMOVE: list elements shift, removing what is not there does nothing
        Arguments.of("REMOVE s", "s: null"),
        Arguments.of("REMOVE nope", ""),
        Arguments.of("REMOVE l[0]", "l: {L: [{N: '2'}, {N: '3'}]}"),
        Arguments.of("REMOVE l[0], l[2]", "l: {L: [{N: '2'}]}"),
        Arguments.of("REMOVE l[10]", ""),
        Arguments.of("REMOVE m.a", "m: {M: {b: {M: {c: {S: 'x'}}}}}"),
        Arguments.of("REMOVE m.b.c", "m: {M: {a: {N: '1'}, b: {M: {}}}}"),
        Arguments.of("REMOVE m.nope", ""),
        Arguments.of("SET l[1] = :y REMOVE l[0]", "l: {L: [{S: 'y'}, {N: '3'}]}"),
        // ADD: numbers add, sets union, missing attributes are created
        Arguments.of("ADD n :one", "n: {N: '6'}"),
        Arguments.of("ADD t :neg", "t: {N: '-2.5'}"),
        Arguments.of("ADD ss :ssbc", "ss: {SS: ['a', 'b', 'c']}"),
        Arguments.of("ADD ns :ns3", "ns: {NS: ['1', '2', '3']}"),
        Arguments.of("ADD bs :bs2", "bs: {BS: ['AQ==', 'Ag==']}"),
        Arguments.of("ADD newset :ssbc", "newset: {SS: ['b', 'c']}"),
        Arguments.of("ADD m.b.n :one", "m: {M: {a: {N: '1'}, b: {M: {c: {S: 'x'}, n: {N: '1'}}}}}"),
        Arguments.of("ADD l[8] :one", "l: {L: [{N: '1'}, {N: '2'}, {N: '3'}, {N: '1'}]}"),
        // DELETE: set difference; an emptied set disappears
        Arguments.of("DELETE ss :ssa", "ss: {SS: ['b']}"),
        Arguments.of("DELETE ss :ssab", "ss: null"),
        Arguments.of("DELETE ss :ssbc", "ss: {SS: ['a']}"),
        Arguments.of("DELETE nope :ssa", ""),
        Arguments.of("DELETE ns :ns1", "ns: {NS: ['2']}"),
        Arguments.of("DELETE bs :bs1", "bs: null"),
        // all four clauses, any order, any case
        Arguments.of("REMOVE s ADD n :one DELETE ss :ssa SET t = s",
            "s: null, n: {N: '6'}, ss: {SS: ['b']}, t: {S: 'x'}"),
        Arguments.of("delete ss :ssa add n :one set t = :y remove s",
            "s: null, n: {N: '6'}, ss: {SS: ['b']}, t: {S: 'y'}"));
  }

  /** {@code changes} lists the attributes that differ from the base item; null removes one. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("updates")
  void applies(String expression, String changes) {
    Map<String, AttributeValue> old = item("{" + BASE + "}");
    Map<String, AttributeValue> expected = new java.util.LinkedHashMap<>(old);
    if (!changes.isEmpty()) {
      for (String removed : removals(changes)) {
        expected.remove(removed);
      }
      expected.putAll(item("{" + changes.replaceAll("(\\w+): null,? ?", "") + "}"));
    }
    Update update = new ExpressionContext(NAMES, VALUES).update(expression);
    assertThat(update.apply(old, Set.of("pk")).newItem()).isEqualTo(expected);
  }

  private static java.util.List<String> removals(String changes) {
    java.util.List<String> names = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+): null").matcher(changes);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void computesEverySetValueFromTheOldItemAndAppendsInIndexOrder() {
    // DynamoDB's own example of nested updates, with UPDATED_NEW.
    Map<String, AttributeValue> old = item("""
        {a: {S: 'k'}, b: {M: {a: {N: '1'}, b: {N: '2'}, c: {N: '3'}}}, c: {L: [{N: '1'}, {N: '3'}]}}
        """);
    ExpressionContext ctx = new ExpressionContext(null, item("{':a': {N: '2'}, ':b': {SS: ['a']}}"));
    Update update = ctx.update("set b.c=((c[1])+(b.a)),b.a = a,c[1] = a, c[4] = b.a - b.b, "
        + "c[2] = b.c add c[8] :b, c[6] :a");
    ctx.checkAllUsed();
    UpdateResult result = update.apply(old, Set.of());
    assertThat(result.newItem()).isEqualTo(item("""
        {a: {S: 'k'}, b: {M: {a: {S: 'k'}, b: {N: '2'}, c: {N: '4'}}},
         c: {L: [{N: '1'}, {S: 'k'}, {N: '3'}, {N: '-1'}, {N: '2'}, {SS: ['a']}]}}
        """));
    assertThat(result.updatedNew()).isEqualTo(item("""
        {b: {M: {a: {S: 'k'}, c: {N: '4'}}}, c: {L: [{S: 'k'}, {N: '3'}, {N: '2'}]}}
        """));
    assertThat(result.updatedOld()).isEqualTo(item("""
        {b: {M: {a: {N: '1'}, c: {N: '3'}}}, c: {L: [{N: '3'}]}}
        """));
    assertThat(result.updatedAttributeNames()).containsExactly("b", "c");
  }

  @Test
  void returnsUpdatedAttributesOldAndNew() {
    Map<String, AttributeValue> old = item("{pk: {S: 'p'}, b: {S: 'a'}, c: {S: 'a'}, d: {N: '1'}}");
    ExpressionContext ctx = new ExpressionContext(null, item("{':b': {S: 'b'}, ':one': {N: '1'}}"));
    UpdateResult r = ctx.update("SET b = :b REMOVE c ADD d :one, e :one").apply(old, Set.of("pk"));
    assertThat(r.updatedOld()).isEqualTo(item("{b: {S: 'a'}, c: {S: 'a'}, d: {N: '1'}}"));
    assertThat(r.updatedNew()).isEqualTo(item("{b: {S: 'b'}, d: {N: '2'}, e: {N: '1'}}"));
    assertThat(r.oldItem()).isEqualTo(old);
    assertThat(r.updatedPaths()).extracting(Object::toString).containsExactly("[b]", "[c]", "[d]", "[e]");
  }

  @Test
  void anAbsentItemStartsFromItsKey() {
    // The caller passes the key attributes as the old item of an item that does not exist yet.
    Map<String, AttributeValue> key = item("{a: {S: 'k'}}");
    ExpressionContext ctx = ExpressionContext.empty();
    UpdateResult r = ctx.update("set b = if_not_exists(b, a)").apply(key, Set.of("a"));
    assertThat(r.newItem()).isEqualTo(item("{a: {S: 'k'}, b: {S: 'k'}}"));
    assertThat(r.updatedNew()).isEqualTo(item("{b: {S: 'k'}}"));
    assertThat(r.updatedOld()).isEmpty();
    assertThat(ctx.update("REMOVE x").apply(null, Set.of("a")).newItem()).isEmpty();
  }

  @Test
  void numbersKeepTheirPrecision() {
    Map<String, AttributeValue> old = item("{n: {N: '0.1'}}");
    ExpressionContext ctx = new ExpressionContext(null, item("{':x': {N: '0.2'}, ':big': {N: '"
        + "9".repeat(38) + "'}}"));
    assertThat(ctx.update("SET n = n + :x").apply(old, Set.of()).newItem().get("n"))
        .isEqualTo(AttributeValue.number("0.3"));
    assertThat(ctx.update("ADD n :big").apply(item("{n: {N: '-1'}}"), Set.of()).newItem().get("n"))
        .isEqualTo(AttributeValue.number("9".repeat(37) + "8"));
  }
}
