package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.DdbJson.item;
import static dev.dynamodouble.core.sdk.DdbJson.names;
import static dev.dynamodouble.core.sdk.DdbJson.plus;
import static dev.dynamodouble.core.sdk.DdbJson.used;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Condition expressions through the SDK: each case runs as the ConditionExpression of a PutItem
 * of the item's own key (it succeeds exactly when the condition holds) and as the FilterExpression
 * of a Query of that key (it returns the item exactly when the condition holds).
 */
class ExpressionConditionSdkTest {
  static final String TABLE = "conditions";
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  static final Map<String, AttributeValue> ITEM = item("""
      {pk: {S: 'c1'}, s: {S: 'hello'}, n: {N: '5'}, b: {B: 'aGkgdGhlcmU='}, t: {BOOL: true},
       f: {BOOL: false}, nul: {NULL: true}, ss: {SS: ['a', 'b']}, ns: {NS: ['1', '2']},
       bs: {BS: ['AQ==', 'Ag==']}, l: {L: [{N: '1'}, {S: 'dog'}, {L: [{N: '3'}]}]},
       m: {M: {x: {N: '1'}, y: {M: {z: {S: 'deep'}}}}}, uni: {S: 'é𝄞'}, clef: {S: '𝄞'},
       status: {S: 'on'}, e: {L: [{S: 'hi'}, {SS: ['1', '2']}]}, low: {B: 'fw=='}, high: {B: 'gA=='},
       a: {M: {b: {L: [{S: 'b0'}, {S: 'b1'}, {M: {c: {S: 'deep'}}}]}}},
       'dot.ted': {S: 'flat'}, dot: {M: {ted: {S: 'nested'}}},
       es: {S: ''}, em: {M: {}}, el: {L: []}, neg: {N: '-2.5'}}
      """);
  static final Map<String, AttributeValue> VALUES = item("""
      {':s': {S: 'hello'}, ':hel': {S: 'hel'}, ':ell': {S: 'ell'}, ':dog': {S: 'dog'},
       ':z': {S: 'z'}, ':a': {S: 'a'}, ':deep': {S: 'deep'}, ':n5s': {S: '5'}, ':on': {S: 'on'},
       ':flat': {S: 'flat'}, ':nested': {S: 'nested'}, ':b0': {S: 'b0'}, ':fullz': {S: 'ｚ'},
       ':n0': {N: '0'}, ':n1': {N: '1'}, ':n2': {N: '2'}, ':n3': {N: '3'}, ':n4': {N: '4'},
       ':n5': {N: '5.00'}, ':n8': {N: '8'}, ':n10': {N: '10'}, ':nneg': {N: '-3'},
       ':big': {N: '1E+100'}, ':tiny': {N: '-1E-100'},
       ':true': {BOOL: true}, ':false': {BOOL: false}, ':null': {NULL: true},
       ':ss': {SS: ['b', 'a']}, ':ns': {NS: ['2', '1.0']}, ':bs': {BS: ['Ag==', 'AQ==']},
       ':ss12': {SS: ['2', '1']}, ':b01': {B: 'AQ=='}, ':b00': {B: 'AA=='},
       ':bhi': {B: 'aGk='}, ':bhere': {B: 'aGVyZQ=='}, ':b7f': {B: 'fw=='},
       ':l3': {L: [{N: '3'}]}, ':m': {M: {y: {M: {z: {S: 'deep'}}}, x: {N: '1'}}},
       ':tS': {S: 'S'}, ':tN': {S: 'N'}, ':tB': {S: 'B'}, ':tBOOL': {S: 'BOOL'}, ':tNULL': {S: 'NULL'},
       ':tM': {S: 'M'}, ':tL': {S: 'L'}, ':tSS': {S: 'SS'}, ':tNS': {S: 'NS'}, ':tBS': {S: 'BS'}}
      """);
  static final Map<String, String> NAMES = names("#m", "m", "#y", "y", "#status", "status",
      "#dotted", "dot.ted", "#dot", "dot", "#ted", "ted", "#b", "b", "#c", "c");

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, TABLE, "pk", null);
    client.putItem(r -> r.tableName(TABLE).item(ITEM));
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static Arguments c(String expression, boolean holds) {
    return Arguments.of(expression, holds);
  }

  static Stream<Arguments> conditions() {
    return Stream.of(
        // = and <> on every type; values of another type are never equal
        c("s = :s", true), c("s = :dog", false), c("s <> :dog", true), c("s <> :s", false),
        c(":s = s", true), c("n = :n5", true), c("n <> :n5", false), c("b = :bhi", false),
        c("low = :b7f", true), c("t = :true", true), c("t = :false", false), c("f = :false", true),
        c("nul = :null", true), c("ss = :ss", true), c("ss = :ss12", false), c("ns = :ns", true),
        c("bs = :bs", true), c("m = :m", true), c("l[2] = :l3", true), c("s = s2", false),
        c("n = :n5s", false), c("n <> :n5s", true), c("s = :n1", false), c("t = :n1", false),
        c("t <> :n1", true), c("nul = :false", false), c("ss = :a", false), c("ns = :ss12", false),
        c("l = :l3", false), c("m = :l3", false), c("b = :s", false), c("low = :s", false),
        c("nope = :s", false), c("nope <> :s", true), c("nope = nada", false), c("nope <> nada", true),
        // ordering: numbers by value, strings by UTF-8 bytes, binaries as unsigned bytes
        c("n < :n10", true), c("n <= :n5", true), c("n > :n4", true), c("n >= :n5", true),
        c("n > :n5", false), c("n < :n5", false), c("n <= :n4", false), c("n >= :n10", false),
        c("neg < :n0", true), c("neg > :nneg", true), c("n < :big", true), c("neg < :tiny", true),
        c(":n10 > n", true), c(":n1 >= n", false),
        c("s < :z", true), c("s <= :s", true), c("s > :dog", true), c("s >= :z", false),
        c("uni > :z", true), c("clef > :fullz", true), c("es < :a", true),
        c("b > :bhi", true), c("b <= :bhi", false), c("low < high", true), c("high > :b7f", true),
        c("high <= :b7f", false), c("low >= :b7f", true), c(":b00 < low", true),
        c("n < :s", false), c("s > :n1", false), c("b < :s", false), c("s >= :bhi", false),
        c("nope < :n10", false), c(":n10 > nope", false), c("nope >= nada", false),
        c("l < :n10", false), c("t < :n10", false), c("m > :n1", false), c("ss <= :a", false),
        // BETWEEN (inclusive), per type
        c("n BETWEEN :n1 AND :n10", true), c("n between :n5 and :n5", true),
        c("n BETWEEN :n1 AND :n4", false), c("neg BETWEEN :nneg AND :n0", true),
        c("s BETWEEN :a AND :z", true), c("s BETWEEN :hel AND :s", true), c("s BETWEEN :a AND :dog", false),
        c("low BETWEEN :b00 AND :b7f", true), c("high BETWEEN :b00 AND :b7f", false),
        c("nope BETWEEN :n1 AND :n10", false), c("s BETWEEN :n1 AND :n10", false),
        c("n BETWEEN n AND :n10", true), c("n BETWEEN :n10 AND n", false),
        // IN
        c("n IN (:n1, :n5)", true), c("n IN (:s, :n1)", false), c("s in (:dog, :s)", true),
        c("nope IN (:s)", false), c("ss IN (:ss)", true), c("n IN (n)", true), c("m IN (:l3, :m)", true),
        c("l[1] IN (:dog)", true), c("t IN (:false, :null)", false),
        // AND / OR / NOT: NOT binds tighter than AND, AND tighter than OR; parentheses regroup
        c("s = :s AND n = :n5", true), c("s = :s AND n = :n1", false), c("s = :dog OR n = :n5", true),
        c("s = :dog OR n = :n1", false), c("NOT s = :dog", true), c("NOT s = :s", false),
        c("NOT NOT s = :s", true), c("not not not s = :s", false),
        c("s = :dog OR n = :n5 AND t = :false", false), c("s = :s OR n = :n1 AND t = :false", true),
        c("(s = :s OR n = :n1) AND t = :false", false), c("(s = :dog OR n = :n5) AND t = :true", true),
        c("NOT s = :s AND n = :n5", false), c("NOT (s = :s AND n = :n1)", true),
        c("NOT s = :dog OR n = :n1", true), c("NOT (s = :dog OR n = :n5)", false),
        c("n BETWEEN :n1 AND :n10 AND s = :s", true), c("s = :s aNd n = :n5 oR t = :false", true),
        c("(s) = :s", true), c("s = (:s)", true), c("(size(s)) = :n5", true), c("s=:s", true),
        c("\tattribute_exists( s )\n", true),
        // attribute_exists / attribute_not_exists
        c("attribute_exists(s)", true), c("attribute_exists (nope)", false), c("attribute_exists(nul)", true),
        c("attribute_exists(es)", true), c("attribute_not_exists(nope)", true),
        c("attribute_not_exists(s)", false), c("attribute_exists(m.y.z)", true),
        c("attribute_exists(m.y.nope)", false), c("attribute_exists(l[2][0])", true),
        c("attribute_exists(l[3])", false), c("attribute_not_exists(l[3])", true),
        c("attribute_exists(s.x)", false), c("attribute_exists(l.x)", false), c("attribute_exists(m[0])", false),
        // attribute_type, all ten types
        c("attribute_type(s, :tS)", true), c("attribute_type(n, :tN)", true), c("attribute_type(b, :tB)", true),
        c("attribute_type(t, :tBOOL)", true), c("attribute_type(nul, :tNULL)", true),
        c("attribute_type(m, :tM)", true), c("attribute_type(l, :tL)", true), c("attribute_type(ss, :tSS)", true),
        c("attribute_type(ns, :tNS)", true), c("attribute_type(bs, :tBS)", true),
        c("attribute_type(n, :tS)", false), c("attribute_type(ss, :tL)", false),
        c("attribute_type(l, :tSS)", false), c("attribute_type(nope, :tS)", false),
        c("attribute_type(m.y.z, :tS)", true), c("attribute_type(:n5, :tN)", true),
        // begins_with on strings and binaries
        c("begins_with(s, :hel)", true), c("begins_with(s, :s)", true), c("begins_with(s, :dog)", false),
        c("begins_with(s, :ell)", false), c("begins_with(b, :bhi)", true), c("begins_with(b, :bhere)", false),
        c("begins_with(n, :hel)", false), c("begins_with(s, :bhi)", false), c("begins_with(nope, :hel)", false),
        c("begins_with(:s, s)", true), c("begins_with(m.y.z, :deep)", true), c("begins_with(ss, :a)", false),
        // contains: substring, byte subsequence, set member, list element
        c("contains(s, :ell)", true), c("contains(s, :dog)", false), c("contains(b, :bhere)", true),
        c("contains(b, :b00)", false), c("contains(ss, :a)", true), c("contains(ss, :dog)", false),
        c("contains(ns, :n1)", true), c("contains(ns, :n5)", false), c("contains(bs, :b01)", true),
        c("contains(bs, :b7f)", false), c("contains(l, :dog)", true), c("contains(l, :l3)", true),
        c("contains(l, :n3)", false), c("contains(e, :ss12)", true), c("contains(s, :n1)", false),
        c("contains(nope, :a)", false), c("contains(m, :deep)", false),
        // size: UTF-16 code units, bytes, elements, entries; nothing for other types
        c("size(s) = :n5", true), c("size(uni) = :n3", true), c("size(b) = :n8", true),
        c("size(ss) = :n2", true), c("size(ns) = :n2", true), c("size(bs) = :n2", true),
        c("size(l) = :n3", true), c("size(m) = :n2", true), c("size(m.y) = :n1", true),
        c("size(l[2]) = :n1", true), c("size(es) = :n0", true), c("size(em) = :n0", true),
        c("size(el) = :n0", true), c("size(n) = :n1", false), c("size(n) <> :n1", true),
        c("size(t) = :n1", false), c("size(nope) = :n1", false), c("size(nope) < :n10", false),
        c("size(s) > :n1", true), c("size(s) <= :n4", false), c("size(:s) = :n5", true),
        c("size(s) = :s", false), c("size(s) BETWEEN :n4 AND size(s)", true),
        c("size(s) IN (:n1, :n5)", true), c("size(l) = size(:l3)", false),
        // document paths: maps, lists, nested forms, placeholders for reserved and dotted names
        c("l[1] = :dog", true), c("l[2][0] = :n3", true), c("l [ 2 ] [ 0 ] = :n3", true),
        c("l[5] = :dog", false), c("m.y.z = :deep", true), c("m . x = :n1", true),
        c("#m.#y.z = :deep", true), c("a.b[2].c = :deep", true), c("a.#b[2].#c = :deep", true),
        c("a.b[0] = :b0", true), c("a.b[3].c = :deep", false), c("a.b.c = :deep", false),
        c("m[0] = :n1", false), c("l.x = :n1", false), c("s.x = :n1", false),
        c("#status = :on", true), c("#status = :s", false),
        c("#dotted = :flat", true), c("dot.ted = :nested", true), c("#dot.#ted = :nested", true),
        c("#dotted = :nested", false), c("dot.ted = :flat", false), c("attribute_exists(#dotted)", true));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("conditions")
  void conditionExpressionOnPutItem(String expression, boolean holds) {
    Map<String, String> names = used(NAMES, expression);
    Map<String, AttributeValue> values = used(VALUES, expression);
    Throwable failure = catchThrowable(() -> client.putItem(r -> r.tableName(TABLE).item(ITEM)
        .conditionExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values)));
    String what = describe("PutItem ConditionExpression", expression, names, values);
    if (holds) {
      assertThat(failure).as(what).isNull();
    } else {
      assertThat(failure).as(what).isInstanceOf(ConditionalCheckFailedException.class)
          .hasMessageStartingWith("The conditional request failed");
    }
    // the item is intact whichever way the condition went
    assertThat(DdbJson.canonical(client.getItem(r -> r.tableName(TABLE).key(Map.of("pk", ITEM.get("pk")))
        .consistentRead(true)).item())).as(what).isEqualTo(DdbJson.canonical(ITEM));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("conditions")
  void filterExpressionOnQuery(String expression, boolean holds) {
    Map<String, String> names = used(NAMES, expression);
    Map<String, AttributeValue> values = plus(used(VALUES, expression), Map.of(":pkey", ITEM.get("pk")));
    QueryResponse response = client.query(r -> r.tableName(TABLE).keyConditionExpression("pk = :pkey")
        .filterExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values));
    String what = describe("Query FilterExpression", expression, names, values);
    assertThat(response.scannedCount()).as(what).isEqualTo(1);
    assertThat(response.count()).as(what).isEqualTo(holds ? 1 : 0);
    if (holds) {
      assertThat(DdbJson.canonical(response.items().get(0))).as(what).isEqualTo(DdbJson.canonical(ITEM));
    }
  }

  /** Conditions on a key with no item see an empty item: nothing exists, nothing is equal. */
  static Stream<Arguments> absent() {
    return Stream.of(c("attribute_not_exists(pk)", true), c("attribute_exists(pk)", false),
        c("pk <> :s", true), c("pk = :s", false), c("NOT s = :s", true), c("size(s) >= :n0", false),
        c("attribute_not_exists(m.y.z)", true), c("attribute_type(pk, :tS)", false),
        c("contains(ss, :a) OR attribute_not_exists(ss)", true), c("s IN (:s, :dog)", false));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("absent")
  void conditionOnAnAbsentItem(String expression, boolean holds) {
    Map<String, AttributeValue> fresh = Map.of("pk", AttributeValue.fromS("absent"));
    Map<String, String> names = used(NAMES, expression);
    Map<String, AttributeValue> values = used(VALUES, expression);
    Throwable failure = catchThrowable(() -> client.putItem(r -> r.tableName(TABLE).item(fresh)
        .conditionExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values)));
    String what = describe("PutItem on an absent item", expression, names, values);
    if (holds) {
      assertThat(failure).as(what).isNull();
      client.deleteItem(r -> r.tableName(TABLE).key(fresh));
    } else {
      assertThat(failure).as(what).isInstanceOf(ConditionalCheckFailedException.class);
      assertThat(client.getItem(r -> r.tableName(TABLE).key(fresh)).hasItem()).as(what).isFalse();
    }
  }

  static String describe(String where, String expression, Map<String, String> names,
                         Map<String, AttributeValue> values) {
    return where + " \"" + expression + "\" names=" + names + " values=" + values + " item=" + ITEM;
  }
}
