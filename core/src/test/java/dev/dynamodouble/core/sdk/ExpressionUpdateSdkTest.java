package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.DdbJson.canonical;
import static dev.dynamodouble.core.sdk.DdbJson.changed;
import static dev.dynamodouble.core.sdk.DdbJson.item;
import static dev.dynamodouble.core.sdk.DdbJson.names;
import static dev.dynamodouble.core.sdk.DdbJson.used;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Update expressions through UpdateItem: for each case the base item is put again, updated once
 * per ReturnValues mode, and the stored result read back with GetItem. UPDATED_OLD / UPDATED_NEW
 * are the old / new item projected onto the updated paths, and are left out when that is empty.
 */
class ExpressionUpdateSdkTest {
  static final String TABLE = "updates";
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  static final Map<String, AttributeValue> BASE = item("""
      {pk: {S: 'u1'}, n: {N: '5'}, s: {S: 'x'}, ss: {SS: ['a', 'b']}, ns: {NS: ['1', '2']},
       bs: {BS: ['AQ==']}, l: {L: [{N: '1'}, {N: '2'}, {N: '3'}]},
       m: {M: {a: {N: '1'}, b: {M: {c: {S: 'x'}}}}}}
      """);
  static final Map<String, AttributeValue> KEY = Map.of("pk", BASE.get("pk"));
  static final Map<String, AttributeValue> VALUES = item("""
      {':y': {S: 'y'}, ':z': {S: 'z'}, ':one': {N: '1'}, ':zero': {N: '0'}, ':neg': {N: '-2.5'},
       ':l45': {L: [{N: '4'}, {N: '5'}]}, ':empty': {L: []}, ':mv': {M: {k: {S: 'v'}}},
       ':ssa': {SS: ['a']}, ':ssab': {SS: ['b', 'a']}, ':ssbc': {SS: ['b', 'c']},
       ':ns3': {NS: ['3', '1']}, ':ns1': {NS: ['1']}, ':bs2': {BS: ['Ag==']}, ':bs1': {BS: ['AQ==']}}
      """);
  static final Map<String, String> NAMES = names("#n", "n", "#s", "s", "#dot", "a.b", "#st", "status");

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, TABLE, "pk", null);
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  /**
   * One case: {@code changes} edits the base item into the expected one ('-' removes an
   * attribute); {@code updatedOld} and {@code updatedNew} are the expected ReturnValues.
   */
  static Arguments u(String expression, String changes, String updatedOld, String updatedNew) {
    return Arguments.of(expression, changes, updatedOld, updatedNew);
  }

  static Stream<Arguments> updates() {
    return Stream.of(
        // SET a value, arithmetic, if_not_exists, list_append
        u("SET s = :y", "{s: {S: 'y'}}", "{s: {S: 'x'}}", "{s: {S: 'y'}}"),
        u("SET t = :y", "{t: {S: 'y'}}", "{}", "{t: {S: 'y'}}"),
        u("SET #dot = :y", "{'a.b': {S: 'y'}}", "{}", "{'a.b': {S: 'y'}}"),
        u("SET #st = :y", "{status: {S: 'y'}}", "{}", "{status: {S: 'y'}}"),
        u("SET ss = :ssa", "{ss: {SS: ['a']}}", "{ss: {SS: ['a', 'b']}}", "{ss: {SS: ['a']}}"),
        u("SET n = n + :one", "{n: {N: '6'}}", "{n: {N: '5'}}", "{n: {N: '6'}}"),
        u("SET n = n - :one", "{n: {N: '4'}}", "{n: {N: '5'}}", "{n: {N: '4'}}"),
        u("SET n = :one + n", "{n: {N: '6'}}", "{n: {N: '5'}}", "{n: {N: '6'}}"),
        u("SET n = :one - n", "{n: {N: '-4'}}", "{n: {N: '5'}}", "{n: {N: '-4'}}"),
        u("SET n = n + :neg", "{n: {N: '2.5'}}", "{n: {N: '5'}}", "{n: {N: '2.5'}}"),
        u("SET n = (n + :one)", "{n: {N: '6'}}", "{n: {N: '5'}}", "{n: {N: '6'}}"),
        u("SET #n = #n - :neg", "{n: {N: '7.5'}}", "{n: {N: '5'}}", "{n: {N: '7.5'}}"),
        u("SET t = if_not_exists(t, :zero)", "{t: {N: '0'}}", "{}", "{t: {N: '0'}}"),
        u("SET n = if_not_exists(n, :zero)", "{}", "{n: {N: '5'}}", "{n: {N: '5'}}"),
        u("SET n = if_not_exists(t, :zero) + :one", "{n: {N: '1'}}", "{n: {N: '5'}}", "{n: {N: '1'}}"),
        u("SET t = if_not_exists(t, n)", "{t: {N: '5'}}", "{}", "{t: {N: '5'}}"),
        u("SET l = list_append(l, :l45)", "{l: {L: [{N: '1'}, {N: '2'}, {N: '3'}, {N: '4'}, {N: '5'}]}}",
            "{l: {L: [{N: '1'}, {N: '2'}, {N: '3'}]}}",
            "{l: {L: [{N: '1'}, {N: '2'}, {N: '3'}, {N: '4'}, {N: '5'}]}}"),
        u("SET l = list_append(:l45, l)", "{l: {L: [{N: '4'}, {N: '5'}, {N: '1'}, {N: '2'}, {N: '3'}]}}",
            "{l: {L: [{N: '1'}, {N: '2'}, {N: '3'}]}}",
            "{l: {L: [{N: '4'}, {N: '5'}, {N: '1'}, {N: '2'}, {N: '3'}]}}"),
        u("SET l = list_append(l, :empty)", "{}", "{l: {L: [{N: '1'}, {N: '2'}, {N: '3'}]}}",
            "{l: {L: [{N: '1'}, {N: '2'}, {N: '3'}]}}"),
        u("SET t = list_append(if_not_exists(t, :empty), :l45)", "{t: {L: [{N: '4'}, {N: '5'}]}}", "{}",
            "{t: {L: [{N: '4'}, {N: '5'}]}}"),
        u("SET n = :one, t = n", "{n: {N: '1'}, t: {N: '5'}}", "{n: {N: '5'}}", "{n: {N: '1'}, t: {N: '5'}}"),
        u("SET #n = :one, #s = #n", "{n: {N: '1'}, s: {N: '5'}}", "{n: {N: '5'}, s: {S: 'x'}}",
            "{n: {N: '1'}, s: {N: '5'}}"),
        // SET into maps and list indexes; an index past the end appends
        u("SET m.a = :y", "{m: {M: {a: {S: 'y'}, b: {M: {c: {S: 'x'}}}}}}", "{m: {M: {a: {N: '1'}}}}",
            "{m: {M: {a: {S: 'y'}}}}"),
        u("SET m.b.d = :y", "{m: {M: {a: {N: '1'}, b: {M: {c: {S: 'x'}, d: {S: 'y'}}}}}}", "{}",
            "{m: {M: {b: {M: {d: {S: 'y'}}}}}}"),
        u("SET m.b.c = :z", "{m: {M: {a: {N: '1'}, b: {M: {c: {S: 'z'}}}}}}",
            "{m: {M: {b: {M: {c: {S: 'x'}}}}}}", "{m: {M: {b: {M: {c: {S: 'z'}}}}}}"),
        u("SET m = :mv", "{m: {M: {k: {S: 'v'}}}}", "{m: {M: {a: {N: '1'}, b: {M: {c: {S: 'x'}}}}}}",
            "{m: {M: {k: {S: 'v'}}}}"),
        u("SET l[1] = :y", "{l: {L: [{N: '1'}, {S: 'y'}, {N: '3'}]}}", "{l: {L: [{N: '2'}]}}",
            "{l: {L: [{S: 'y'}]}}"),
        u("SET l[0] = :y, l[2] = :z", "{l: {L: [{S: 'y'}, {N: '2'}, {S: 'z'}]}}",
            "{l: {L: [{N: '1'}, {N: '3'}]}}", "{l: {L: [{S: 'y'}, {S: 'z'}]}}"),
        u("SET l[1] = :l45", "{l: {L: [{N: '1'}, {L: [{N: '4'}, {N: '5'}]}, {N: '3'}]}}",
            "{l: {L: [{N: '2'}]}}", "{l: {L: [{L: [{N: '4'}, {N: '5'}]}]}}"),
        u("SET l[10] = :y", "{l: {L: [{N: '1'}, {N: '2'}, {N: '3'}, {S: 'y'}]}}", "{}", "{}"),
        // appends land in index order; UPDATED_NEW projects l[4] and l[5] onto the new list
        u("SET l[5] = :y, l[4] = :z", "{l: {L: [{N: '1'}, {N: '2'}, {N: '3'}, {S: 'z'}, {S: 'y'}]}}", "{}",
            "{l: {L: [{S: 'y'}]}}"),
        // REMOVE: attributes, nested values, list elements (the rest shift down)
        u("REMOVE s", "{s: '-'}", "{s: {S: 'x'}}", "{}"),
        u("REMOVE s, n", "{s: '-', n: '-'}", "{n: {N: '5'}, s: {S: 'x'}}", "{}"),
        u("REMOVE nope", "{}", "{}", "{}"),
        u("REMOVE l[0]", "{l: {L: [{N: '2'}, {N: '3'}]}}", "{l: {L: [{N: '1'}]}}", "{l: {L: [{N: '2'}]}}"),
        u("REMOVE l[0], l[2]", "{l: {L: [{N: '2'}]}}", "{l: {L: [{N: '1'}, {N: '3'}]}}",
            "{l: {L: [{N: '2'}]}}"),
        u("REMOVE l[2], l[0]", "{l: {L: [{N: '2'}]}}", "{l: {L: [{N: '1'}, {N: '3'}]}}",
            "{l: {L: [{N: '2'}]}}"),
        u("REMOVE l[10]", "{}", "{}", "{}"),
        u("REMOVE m.a", "{m: {M: {b: {M: {c: {S: 'x'}}}}}}", "{m: {M: {a: {N: '1'}}}}", "{}"),
        u("REMOVE m.b.c", "{m: {M: {a: {N: '1'}, b: {M: {}}}}}", "{m: {M: {b: {M: {c: {S: 'x'}}}}}}", "{}"),
        u("REMOVE m.nope", "{}", "{}", "{}"),
        u("SET l[1] = :y REMOVE l[0]", "{l: {L: [{S: 'y'}, {N: '3'}]}}", "{l: {L: [{N: '1'}, {N: '2'}]}}",
            "{l: {L: [{S: 'y'}, {N: '3'}]}}"),
        // ADD: numbers add (a missing one counts as 0), sets take the union
        u("ADD n :one", "{n: {N: '6'}}", "{n: {N: '5'}}", "{n: {N: '6'}}"),
        u("ADD n :neg", "{n: {N: '2.5'}}", "{n: {N: '5'}}", "{n: {N: '2.5'}}"),
        u("ADD t :neg", "{t: {N: '-2.5'}}", "{}", "{t: {N: '-2.5'}}"),
        u("ADD ss :ssbc", "{ss: {SS: ['a', 'b', 'c']}}", "{ss: {SS: ['a', 'b']}}", "{ss: {SS: ['a', 'b', 'c']}}"),
        u("ADD ns :ns3", "{ns: {NS: ['1', '2', '3']}}", "{ns: {NS: ['1', '2']}}", "{ns: {NS: ['1', '2', '3']}}"),
        u("ADD ns :ns1", "{}", "{ns: {NS: ['1', '2']}}", "{ns: {NS: ['1', '2']}}"),
        u("ADD bs :bs2", "{bs: {BS: ['AQ==', 'Ag==']}}", "{bs: {BS: ['AQ==']}}", "{bs: {BS: ['AQ==', 'Ag==']}}"),
        u("ADD newset :ssbc", "{newset: {SS: ['b', 'c']}}", "{}", "{newset: {SS: ['b', 'c']}}"),
        u("ADD m.b.n :one", "{m: {M: {a: {N: '1'}, b: {M: {c: {S: 'x'}, n: {N: '1'}}}}}}", "{}",
            "{m: {M: {b: {M: {n: {N: '1'}}}}}}"),
        u("ADD l[8] :one", "{l: {L: [{N: '1'}, {N: '2'}, {N: '3'}, {N: '1'}]}}", "{}", "{}"),
        u("ADD n :one, ss :ssbc", "{n: {N: '6'}, ss: {SS: ['a', 'b', 'c']}}",
            "{n: {N: '5'}, ss: {SS: ['a', 'b']}}", "{n: {N: '6'}, ss: {SS: ['a', 'b', 'c']}}"),
        // DELETE: set difference; a set emptied this way disappears
        u("DELETE ss :ssa", "{ss: {SS: ['b']}}", "{ss: {SS: ['a', 'b']}}", "{ss: {SS: ['b']}}"),
        u("DELETE ss :ssab", "{ss: '-'}", "{ss: {SS: ['a', 'b']}}", "{}"),
        u("DELETE ss :ssbc", "{ss: {SS: ['a']}}", "{ss: {SS: ['a', 'b']}}", "{ss: {SS: ['a']}}"),
        u("DELETE nope :ssa", "{}", "{}", "{}"),
        u("DELETE ns :ns1", "{ns: {NS: ['2']}}", "{ns: {NS: ['1', '2']}}", "{ns: {NS: ['2']}}"),
        u("DELETE ns :ns3", "{ns: {NS: ['2']}}", "{ns: {NS: ['1', '2']}}", "{ns: {NS: ['2']}}"),
        u("DELETE bs :bs1", "{bs: '-'}", "{bs: {BS: ['AQ==']}}", "{}"),
        u("DELETE bs :bs2", "{}", "{bs: {BS: ['AQ==']}}", "{bs: {BS: ['AQ==']}}"),
        // several clauses, in any order and case
        u("REMOVE s ADD n :one DELETE ss :ssa SET t = s",
            "{s: '-', n: {N: '6'}, ss: {SS: ['b']}, t: {S: 'x'}}",
            "{s: {S: 'x'}, n: {N: '5'}, ss: {SS: ['a', 'b']}}", "{n: {N: '6'}, ss: {SS: ['b']}, t: {S: 'x'}}"),
        u("delete ss :ssa add n :one set t = :y remove s",
            "{s: '-', n: {N: '6'}, ss: {SS: ['b']}, t: {S: 'y'}}",
            "{s: {S: 'x'}, n: {N: '5'}, ss: {SS: ['a', 'b']}}", "{n: {N: '6'}, ss: {SS: ['b']}, t: {S: 'y'}}"),
        u("SET s = :y, m.a = :z REMOVE l[1] ADD ns :ns3 DELETE bs :bs1",
            "{s: {S: 'y'}, m: {M: {a: {S: 'z'}, b: {M: {c: {S: 'x'}}}}}, l: {L: [{N: '1'}, {N: '3'}]},"
                + " ns: {NS: ['1', '2', '3']}, bs: '-'}",
            "{s: {S: 'x'}, m: {M: {a: {N: '1'}}}, l: {L: [{N: '2'}]}, ns: {NS: ['1', '2']}, bs: {BS: ['AQ==']}}",
            "{s: {S: 'y'}, m: {M: {a: {S: 'z'}}}, l: {L: [{N: '3'}]}, ns: {NS: ['1', '2', '3']}}"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("updates")
  void updateItem(String expression, String changes, String updatedOld, String updatedNew) {
    Map<String, AttributeValue> expected = changed(BASE, changes);
    Map<String, String> names = used(NAMES, expression);
    Map<String, AttributeValue> values = used(VALUES, expression);
    String what = "UpdateItem \"" + expression + "\" names=" + names + " values=" + values + " on " + BASE;
    Map<ReturnValue, Map<String, AttributeValue>> returned = Map.of(ReturnValue.NONE, Map.of(),
        ReturnValue.ALL_OLD, BASE, ReturnValue.ALL_NEW, expected,
        ReturnValue.UPDATED_OLD, item(updatedOld), ReturnValue.UPDATED_NEW, item(updatedNew));
    for (ReturnValue mode : new ReturnValue[] {ReturnValue.NONE, ReturnValue.ALL_OLD, ReturnValue.ALL_NEW,
        ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW}) {
      client.putItem(r -> r.tableName(TABLE).item(BASE));
      UpdateItemResponse response = client.updateItem(r -> r.tableName(TABLE).key(KEY)
          .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values)
          .returnValues(mode));
      assertReturned(response, returned.get(mode), what + " ReturnValues=" + mode);
    }
    assertThat(canonical(client.getItem(r -> r.tableName(TABLE).key(KEY).consistentRead(true)).item()))
        .as(what + ": GetItem afterwards").isEqualTo(canonical(expected));
  }

  /** Nothing to return leaves Attributes out of the response altogether. */
  static void assertReturned(UpdateItemResponse response, Map<String, AttributeValue> expected, String what) {
    assertThat(response.hasAttributes()).as(what + ": Attributes present").isEqualTo(!expected.isEmpty());
    assertThat(canonical(response.attributes())).as(what).isEqualTo(canonical(expected));
  }

  /** An update of a key with no item creates it from the key; there is nothing old to return. */
  static Stream<Arguments> upserts() {
    return Stream.of(
        Arguments.of("SET v = :one", "{v: {N: '1'}}"),
        Arguments.of("ADD cnt :one", "{cnt: {N: '1'}}"),
        Arguments.of("ADD tags :ssa", "{tags: {SS: ['a']}}"),
        Arguments.of("SET v = if_not_exists(v, :zero) + :one, w = list_append(if_not_exists(w, :empty), :l45)",
            "{v: {N: '1'}, w: {L: [{N: '4'}, {N: '5'}]}}"),
        Arguments.of("SET v = :y ADD cnt :neg", "{v: {S: 'y'}, cnt: {N: '-2.5'}}"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("upserts")
  void updateOfAMissingItem(String expression, String attributes) {
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("fresh"));
    Map<String, AttributeValue> created = DdbJson.plus(key, item(attributes));
    Map<String, AttributeValue> values = used(VALUES, expression);
    String what = "UpdateItem of a missing item \"" + expression + "\" values=" + values;
    Map<ReturnValue, Map<String, AttributeValue>> returned = Map.of(ReturnValue.ALL_OLD, Map.of(),
        ReturnValue.ALL_NEW, created, ReturnValue.UPDATED_OLD, Map.of(), ReturnValue.UPDATED_NEW, item(attributes));
    for (ReturnValue mode : returned.keySet()) {
      client.deleteItem(r -> r.tableName(TABLE).key(key));
      UpdateItemResponse response = client.updateItem(r -> r.tableName(TABLE).key(key)
          .updateExpression(expression).expressionAttributeValues(values).returnValues(mode));
      assertReturned(response, returned.get(mode), what + " ReturnValues=" + mode);
      assertThat(canonical(client.getItem(r -> r.tableName(TABLE).key(key).consistentRead(true)).item()))
          .as(what).isEqualTo(canonical(created));
    }
  }

  /**
   * The nested example of DynamoDB's UpdateExpression documentation: every SET value is computed
   * from the old item, and list appends are made in index order.
   */
  @Test
  void everySetValueComesFromTheOldItem() {
    Map<String, AttributeValue> old = item("""
        {pk: {S: 'doc'}, a: {S: 'k'}, b: {M: {a: {N: '1'}, b: {N: '2'}, c: {N: '3'}}},
         c: {L: [{N: '1'}, {N: '3'}]}}
        """);
    Map<String, AttributeValue> values = item("{':a': {N: '2'}, ':b': {SS: ['a']}}");
    String expression = "set b.c=((c[1])+(b.a)),b.a = a,c[1] = a, c[4] = b.a - b.b, c[2] = b.c "
        + "add c[8] :b, c[6] :a";
    Map<String, AttributeValue> expected = item("""
        {pk: {S: 'doc'}, a: {S: 'k'}, b: {M: {a: {S: 'k'}, b: {N: '2'}, c: {N: '4'}}},
         c: {L: [{N: '1'}, {S: 'k'}, {N: '3'}, {N: '-1'}, {N: '2'}, {SS: ['a']}]}}
        """);
    Map<ReturnValue, Map<String, AttributeValue>> returned = Map.of(ReturnValue.ALL_OLD, old,
        ReturnValue.ALL_NEW, expected,
        ReturnValue.UPDATED_OLD, item("{b: {M: {a: {N: '1'}, c: {N: '3'}}}, c: {L: [{N: '3'}]}}"),
        ReturnValue.UPDATED_NEW,
        item("{b: {M: {a: {S: 'k'}, c: {N: '4'}}}, c: {L: [{S: 'k'}, {N: '3'}, {N: '2'}]}}"));
    for (ReturnValue mode : returned.keySet()) {
      client.putItem(r -> r.tableName(TABLE).item(old));
      UpdateItemResponse response = client.updateItem(r -> r.tableName(TABLE).key(Map.of("pk", old.get("pk")))
          .updateExpression(expression).expressionAttributeValues(values).returnValues(mode));
      assertReturned(response, returned.get(mode), expression + " ReturnValues=" + mode);
    }
    assertThat(canonical(client.getItem(r -> r.tableName(TABLE).key(Map.of("pk", old.get("pk")))).item()))
        .isEqualTo(canonical(expected));
  }
}
