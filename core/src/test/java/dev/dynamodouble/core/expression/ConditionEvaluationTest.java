package dev.dynamodouble.core.expression;

import static dev.dynamodouble.core.expression.Ddb.item;
import static dev.dynamodouble.core.expression.Ddb.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionEvaluationTest {
  static final Map<String, AttributeValue> ITEM = item("""
      {pk: {S: 'p1'}, s: {S: 'hello'}, n: {N: '5'}, b: {B: 'aGkgdGhlcmU='}, t: {BOOL: true},
       nul: {NULL: true}, ss: {SS: ['a', 'b']}, ns: {NS: ['1', '2']}, bs: {BS: ['AQ==', 'Ag==']},
       l: {L: [{N: '1'}, {S: 'dog'}, {L: [{N: '3'}]}]},
       m: {M: {x: {N: '1'}, y: {M: {z: {S: 'deep'}}}}}, uni: {S: 'é𝄞'}, status: {S: 'on'},
       e: {L: [{S: 'hi'}, {SS: ['1', '2']}]}, low: {B: 'fw=='}, high: {B: 'gA=='}}
      """);
  static final Map<String, AttributeValue> VALUES = item("""
      {':s': {S: 'hello'}, ':hel': {S: 'hel'}, ':ell': {S: 'ell'}, ':dog': {S: 'dog'},
       ':z': {S: 'z'}, ':a': {S: 'a'}, ':deep': {S: 'deep'}, ':n5s': {S: '5'},
       ':n1': {N: '1'}, ':n2': {N: '2'}, ':n3': {N: '3'}, ':n4': {N: '4'}, ':n5': {N: '5.00'},
       ':n8': {N: '8'}, ':n10': {N: '10'}, ':true': {BOOL: true}, ':false': {BOOL: false},
       ':null': {NULL: true}, ':ss': {SS: ['b', 'a']}, ':ns': {NS: ['2', '1.0']},
       ':bs': {BS: ['Ag==', 'AQ==']}, ':bhi': {B: 'aGk='}, ':bhere': {B: 'aGVyZQ=='},
       ':l3': {L: [{N: '3'}]}, ':m': {M: {y: {M: {z: {S: 'deep'}}}, x: {N: '1'}}},
       ':ss12': {SS: ['2', '1']}, ':b7f': {B: 'fw=='},
       ':tS': {S: 'S'}, ':tN': {S: 'N'}, ':tSS': {S: 'SS'}, ':tNULL': {S: 'NULL'},
       ':tM': {S: 'M'}, ':tL': {S: 'L'}, ':tB': {S: 'B'}, ':tBOOL': {S: 'BOOL'}}
      """);
  static final Map<String, String> NAMES = names("#m", "m", "#y", "y", "#status", "status",
      "#dotted", "a.b");

  static Stream<Arguments> cases() {
    return Stream.of(
        // = and <> on every type; a nope attribute equals nothing and differs from everything
        Arguments.of("s = :s", true), Arguments.of("s = :dog", false),
        Arguments.of("s <> :dog", true), Arguments.of("s <> :s", false),
        Arguments.of("nope = :s", false), Arguments.of("nope <> :s", true),
        Arguments.of("nope = nada", false), Arguments.of("nope <> nada", true),
        Arguments.of(":s = s", true), Arguments.of("n = :n5", true),
        Arguments.of("n = :n5s", false), Arguments.of("n <> :n5s", true),
        Arguments.of("t = :true", true), Arguments.of("t = :false", false),
        Arguments.of("nul = :null", true), Arguments.of("ss = :ss", true),
        Arguments.of("ns = :ns", true), Arguments.of("bs = :bs", true), Arguments.of("ss = :ss12", false),
        Arguments.of("m = :m", true), Arguments.of("l[2] = :l3", true), Arguments.of("s = s2", false),
        // ordering: numbers by value, strings by UTF-8 bytes, binaries unsigned; other types false
        Arguments.of("n < :n10", true), Arguments.of("n > :n10", false),
        Arguments.of("n <= :n5", true), Arguments.of("n >= :n5", true), Arguments.of("n < :n5", false),
        Arguments.of("s < :z", true), Arguments.of("s > :dog", true), Arguments.of("n < :s", false),
        Arguments.of("b > :bhi", true), Arguments.of("low < high", true), Arguments.of("high > :b7f", true),
        Arguments.of("nope < :n10", false), Arguments.of(":n10 > nope", false),
        Arguments.of("l < :n10", false), Arguments.of("t < :n10", false),
        Arguments.of("nope < nada", false),
        // BETWEEN
        Arguments.of("n BETWEEN :n1 AND :n10", true), Arguments.of("n between :n5 and :n5", true),
        Arguments.of("n BETWEEN :n1 AND :n4", false), Arguments.of("nope BETWEEN :n1 AND :n10", false),
        Arguments.of("s BETWEEN :n1 AND :n10", false), Arguments.of("s BETWEEN :a AND :z", true),
        Arguments.of("n BETWEEN n AND :n10", true), Arguments.of("n BETWEEN :n10 AND n", false),
        // IN
        Arguments.of("n IN (:n1, :n5)", true), Arguments.of("n IN (:s, :n1)", false),
        Arguments.of("s in (:dog, :s)", true), Arguments.of("nope IN (:s)", false),
        Arguments.of("ss IN (:ss)", true), Arguments.of("n IN (n)", true),
        // document paths
        Arguments.of("l[1] = :dog", true), Arguments.of("l[2][0] = :n3", true),
        Arguments.of("l [ 2 ] [ 0 ] = :n3", true), Arguments.of("l[5] = :dog", false),
        Arguments.of("m.y.z = :deep", true), Arguments.of("m . x = :n1", true),
        Arguments.of("#m.#y.z = :deep", true), Arguments.of("m[0] = :n1", false),
        Arguments.of("l.x = :n1", false), Arguments.of("s.x = :n1", false),
        Arguments.of("#status = :s", false), Arguments.of("attribute_exists(#dotted)", false),
        // attribute_exists / attribute_not_exists
        Arguments.of("attribute_exists(s)", true), Arguments.of("attribute_exists (nope)", false),
        Arguments.of("attribute_not_exists(nope)", true), Arguments.of("attribute_not_exists(s)", false),
        Arguments.of("attribute_exists(m.y.z)", true), Arguments.of("attribute_exists(l[2][0])", true),
        Arguments.of("attribute_exists(l[3])", false), Arguments.of("attribute_exists(nul)", true),
        // attribute_type
        Arguments.of("attribute_type(s, :tS)", true), Arguments.of("attribute_type(n, :tS)", false),
        Arguments.of("attribute_type(ss, :tSS)", true), Arguments.of("attribute_type(nope, :tS)", false),
        Arguments.of("attribute_type(nul, :tNULL)", true), Arguments.of("attribute_type(:n5, :tN)", true),
        Arguments.of("attribute_type(m, :tM)", true), Arguments.of("attribute_type(l, :tL)", true),
        Arguments.of("attribute_type(b, :tB)", true), Arguments.of("attribute_type(t, :tBOOL)", true),
        // begins_with on strings and binaries, either operand may be a path or a value
        Arguments.of("begins_with(s, :hel)", true), Arguments.of("begins_with(s, :dog)", false),
        Arguments.of("begins_with(n, :hel)", false), Arguments.of("begins_with(b, :bhi)", true),
        Arguments.of("begins_with(s, :bhi)", false), Arguments.of("begins_with(nope, :hel)", false),
        Arguments.of("begins_with(:s, s)", true),
        // contains: substring, subsequence, set membership, list element
        Arguments.of("contains(s, :ell)", true), Arguments.of("contains(s, :dog)", false),
        Arguments.of("contains(ss, :a)", true), Arguments.of("contains(ss, :dog)", false),
        Arguments.of("contains(ns, :n1)", true), Arguments.of("contains(ns, :n5)", false),
        Arguments.of("contains(l, :dog)", true), Arguments.of("contains(l, :l3)", true),
        Arguments.of("contains(e, :ss12)", true), Arguments.of("contains(b, :bhere)", true),
        Arguments.of("contains(s, :n1)", false), Arguments.of("contains(nope, :a)", false),
        Arguments.of("contains(bs, :b7f)", false),
        // size: UTF-16 code units, bytes, elements, entries; nothing for other types
        Arguments.of("size(s) = :n5", true), Arguments.of("size(uni) = :n3", true),
        Arguments.of("size(b) = :n8", true), Arguments.of("size(ss) = :n2", true),
        Arguments.of("size(l) = :n3", true), Arguments.of("size(m) = :n2", true),
        Arguments.of("size(m.y) = :n1", true), Arguments.of("size(n) = :n1", false),
        Arguments.of("size(n) <> :n1", true), Arguments.of("size(t) = :n1", false),
        Arguments.of("size(nope) = :n1", false), Arguments.of("size(s) > :n1", true),
        Arguments.of("size(:s) = :n5", true), Arguments.of("size(s) = :s", false),
        Arguments.of("size(s) BETWEEN :n4 AND size(s)", true), Arguments.of("size(s) IN (:n1, :n5)", true),
        Arguments.of("begins_with(s, :hel) AND size(l) = size(:l3) OR n = :n1", false),
        // logic and precedence: NOT binds tighter than AND, AND tighter than OR
        Arguments.of("s = :s AND n = :n5", true), Arguments.of("s = :dog OR n = :n5", true),
        Arguments.of("NOT s = :dog", true), Arguments.of("NOT NOT s = :s", true),
        Arguments.of("NOT NOT NOT NOT s = :s", true),
        Arguments.of("s = :dog OR n = :n5 AND t = :false", false),
        Arguments.of("s = :s OR n = :n1 AND t = :false", true),
        Arguments.of("(s = :dog OR n = :n5) AND t = :true", true),
        Arguments.of("NOT s = :s AND n = :n5", false), Arguments.of("NOT (s = :s AND n = :n1)", true),
        Arguments.of("n BETWEEN :n1 AND :n10 AND s = :s", true),
        Arguments.of("s = :s aNd n = :n5 oR t = :false", true),
        Arguments.of("(s) = :s", true), Arguments.of("s = (:s)", true),
        Arguments.of("(size(s)) = :n5", true), Arguments.of("s=:s", true),
        Arguments.of("\tattribute_exists( s )\n", true));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cases")
  void evaluates(String expression, boolean expected) {
    ExpressionContext ctx = new ExpressionContext(NAMES, VALUES);
    Condition condition = ctx.conditionExpression(expression);
    assertThat(condition.test(ITEM)).isEqualTo(expected);
  }

  @Test
  void anAbsentItemIsAnEmptyItem() {
    ExpressionContext ctx = new ExpressionContext(null, item("{':p': {S: 'p1'}}"));
    assertThat(ctx.conditionExpression("attribute_not_exists(pk)").test(null)).isTrue();
    assertThat(ctx.conditionExpression("attribute_exists(pk)").test(null)).isFalse();
    assertThat(ctx.conditionExpression("pk <> :p").test(null)).isTrue();
    assertThat(ctx.conditionExpression("pk = :p").test(Map.of())).isFalse();
  }

  @Test
  void reportsThePathsItReads() {
    ExpressionContext ctx = new ExpressionContext(NAMES, VALUES);
    Condition c = ctx.filterExpression("#m.x = :n1 AND (contains(l, s) OR size(b[1]) > :n1)");
    assertThat(c.topLevelNames()).containsExactly("m", "l", "s", "b");
    assertThat(c.paths()).extracting(Object::toString)
        .containsExactly("[m, x]", "[l]", "[s]", "[b, [1]]");
  }
}
