package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.DdbJson.canonical;
import static dev.dynamodouble.core.sdk.DdbJson.item;
import static dev.dynamodouble.core.sdk.DdbJson.names;
import static dev.dynamodouble.core.sdk.DdbJson.used;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * ProjectionExpression through GetItem, Query, Scan and BatchGetItem: whole and nested
 * attributes, list elements compacted in index order, missing paths left out.
 */
class ExpressionProjectionSdkTest {
  static final String TABLE = "projections";
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  static final Map<String, AttributeValue> ITEM = item("""
      {pk: {S: 'p1'}, a: {S: 'x'}, n: {N: '7'}, status: {S: 'on'}, 'dot.ted': {S: 'flat'},
       dot: {M: {ted: {S: 'nested'}}}, ss: {SS: ['s1', 's2']},
       mylist: {L: [{S: 'zero'}, {S: 'one'}, {S: 'two'}, {S: 'three'}]},
       listOfMaps: {L: [{M: {val: {S: 'a0'}, x: {S: 'x0'}}}, {M: {val: {S: 'a1'}, x: {S: 'x1'}}},
                        {M: {val: {S: 'a2'}, x: {S: 'x2'}}}]},
       listWithNull: {L: [{S: 'keep0'}, {NULL: true}, {S: 'keep2'}]},
       deep: {M: {l1: {M: {l2: {M: {l3: {S: 'bottom'}, sib: {S: 's'}}}}}}},
       nestedList: {L: [{M: {inner: {L: [{S: 'i0'}, {S: 'i1'}]}}}]},
       e: {M: {a: {S: 'b1'}, d: {S: 'b1'}, z: {S: 'no'}}}, f: {L: [{S: 'd1'}, {S: 'd2'}, {S: 'd3'}]},
       matrix: {L: [{L: [{N: '1'}, {N: '2'}]}, {L: [{N: '3'}, {N: '4'}]}]}}
      """);
  static final Map<String, AttributeValue> KEY = Map.of("pk", ITEM.get("pk"));
  static final Map<String, String> NAMES = names("#i", "inner", "#f", "f", "#e", "e", "#a", "a",
      "#st", "status", "#dotted", "dot.ted", "#dot", "dot", "#ted", "ted");

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

  static Arguments p(String expression, String expected) {
    return Arguments.of(expression, expected);
  }

  static Stream<Arguments> projections() {
    return Stream.of(
        // whole attributes, the key among them only when asked for
        p("a", "{a: {S: 'x'}}"), p("a, pk", "{a: {S: 'x'}, pk: {S: 'p1'}}"), p("pk", "{pk: {S: 'p1'}}"),
        p("a, n, ss", "{a: {S: 'x'}, n: {N: '7'}, ss: {SS: ['s1', 's2']}}"), p("nope", "{}"),
        p("a, nope", "{a: {S: 'x'}}"), p("#st", "{status: {S: 'on'}}"),
        p("#dotted", "{'dot.ted': {S: 'flat'}}"), p("dot.ted", "{dot: {M: {ted: {S: 'nested'}}}}"),
        p("#dot.#ted, #dotted", "{dot: {M: {ted: {S: 'nested'}}}, 'dot.ted': {S: 'flat'}}"),
        // list elements: kept in index order, compacted, whatever order they are asked in
        p("mylist[0], mylist[2]", "{mylist: {L: [{S: 'zero'}, {S: 'two'}]}}"),
        p("mylist[2], mylist[0]", "{mylist: {L: [{S: 'zero'}, {S: 'two'}]}}"),
        p("mylist[1], mylist[3]", "{mylist: {L: [{S: 'one'}, {S: 'three'}]}}"),
        p("mylist[3]", "{mylist: {L: [{S: 'three'}]}}"), p("mylist[9]", "{}"),
        p("mylist[3], mylist[9]", "{mylist: {L: [{S: 'three'}]}}"),
        p("listWithNull", "{listWithNull: {L: [{S: 'keep0'}, {NULL: true}, {S: 'keep2'}]}}"),
        p("listWithNull[1]", "{listWithNull: {L: [{NULL: true}]}}"),
        p("listWithNull[0], listWithNull[2]", "{listWithNull: {L: [{S: 'keep0'}, {S: 'keep2'}]}}"),
        p("matrix[1][0], matrix[0][1]", "{matrix: {L: [{L: [{N: '2'}]}, {L: [{N: '3'}]}]}}"),
        p("matrix[1]", "{matrix: {L: [{L: [{N: '3'}, {N: '4'}]}]}}"),
        // nested maps, and maps inside lists
        p("deep.l1.l2.l3", "{deep: {M: {l1: {M: {l2: {M: {l3: {S: 'bottom'}}}}}}}}"),
        p("deep.l1.l2", "{deep: {M: {l1: {M: {l2: {M: {l3: {S: 'bottom'}, sib: {S: 's'}}}}}}}}"),
        p("deep.l1.l2.l3, deep.l1.l2.sib", "{deep: {M: {l1: {M: {l2: {M: {l3: {S: 'bottom'}, sib: {S: 's'}}}}}}}}"),
        p("e.a, e.z", "{e: {M: {a: {S: 'b1'}, z: {S: 'no'}}}}"),
        p("listOfMaps[0].val, listOfMaps[2].val",
            "{listOfMaps: {L: [{M: {val: {S: 'a0'}}}, {M: {val: {S: 'a2'}}}]}}"),
        p("listOfMaps[1]", "{listOfMaps: {L: [{M: {val: {S: 'a1'}, x: {S: 'x1'}}}]}}"),
        p("listOfMaps[1].x, listOfMaps[0].val",
            "{listOfMaps: {L: [{M: {val: {S: 'a0'}}}, {M: {x: {S: 'x1'}}}]}}"),
        p("nestedList[0].#i[1]", "{nestedList: {L: [{M: {inner: {L: [{S: 'i1'}]}}}]}}"),
        p("f[2], f[0], e.d, e.a, nope", "{f: {L: [{S: 'd1'}, {S: 'd3'}]}, e: {M: {d: {S: 'b1'}, a: {S: 'b1'}}}}"),
        p("#f[2],#f[0],#e.d,e.#a,d", "{f: {L: [{S: 'd1'}, {S: 'd3'}]}, e: {M: {d: {S: 'b1'}, a: {S: 'b1'}}}}"),
        // paths that lead nowhere: into scalars, sets, maps by index, lists by name, missing keys
        p("a.b", "{}"), p("a[0]", "{}"), p("ss[0]", "{}"), p("e.nope", "{}"), p("f.x", "{}"),
        p("e[1]", "{}"), p("deep.l1.nope", "{}"), p("listOfMaps[5].val", "{}"),
        p("listOfMaps[0].nope, a", "{a: {S: 'x'}}"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("projections")
  void getItem(String expression, String expected) {
    Map<String, String> names = used(NAMES, expression);
    Map<String, AttributeValue> got = client.getItem(r -> r.tableName(TABLE).key(KEY)
        .projectionExpression(expression).expressionAttributeNames(names)).item();
    assertThat(canonical(got)).as(describe("GetItem", expression, names)).isEqualTo(canonical(item(expected)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("projections")
  void query(String expression, String expected) {
    Map<String, String> names = used(NAMES, expression);
    QueryResponse response = client.query(r -> r.tableName(TABLE).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", ITEM.get("pk")))
        .projectionExpression(expression).expressionAttributeNames(names));
    String what = describe("Query", expression, names);
    assertThat(response.count()).as(what).isEqualTo(1);
    assertThat(canonical(response.items().get(0))).as(what).isEqualTo(canonical(item(expected)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("projections")
  void scan(String expression, String expected) {
    Map<String, String> names = used(NAMES, expression);
    ScanResponse response = client.scan(r -> r.tableName(TABLE)
        .projectionExpression(expression).expressionAttributeNames(names));
    String what = describe("Scan", expression, names);
    assertThat(response.count()).as(what).isEqualTo(1);
    assertThat(canonical(response.items().get(0))).as(what).isEqualTo(canonical(item(expected)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("projections")
  void batchGetItem(String expression, String expected) {
    Map<String, String> names = used(NAMES, expression);
    BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(Map.of(TABLE,
        KeysAndAttributes.builder().keys(List.of(KEY)).projectionExpression(expression)
            .expressionAttributeNames(names).build())));
    String what = describe("BatchGetItem", expression, names);
    List<Map<String, AttributeValue>> items = response.responses().get(TABLE);
    assertThat(items).as(what).isNotNull();
    if (!item(expected).isEmpty()) {
      assertThat(items).as(what).hasSize(1);
    }
    for (Map<String, AttributeValue> got : items) {
      assertThat(canonical(got)).as(what).isEqualTo(canonical(item(expected)));
    }
  }

  static String describe(String where, String expression, Map<String, String> names) {
    return where + " ProjectionExpression \"" + expression + "\" names=" + names + " item=" + ITEM;
  }
}
