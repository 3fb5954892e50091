package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.DdbJson.item;
import static dev.dynamodouble.core.sdk.DdbJson.names;
import static dev.dynamodouble.core.sdk.DdbJson.used;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * KeyConditionExpression through Query on string, number and binary sort keys: each sort-key
 * operator, read forward and backward, in one page and in pages of two.
 */
class ExpressionKeyConditionSdkTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  /** Sort keys in DynamoDB's order: UTF-8 bytes, numeric value, unsigned bytes. */
  static final List<String> STRINGS = List.of("a", "ab", "abc", "b", "ba", "c", "é", "ｚ", "𝄞");
  static final List<String> NUMBERS = List.of("-10", "-1.5", "0", "2", "10", "100");
  static final List<String> BINARIES = List.of("00", "01", "0102", "7f", "80", "ff");

  static final Map<String, AttributeValue> VALUES = item("""
      {':p': {S: 'p'}, ':a': {S: 'a'}, ':ab': {S: 'ab'}, ':b': {S: 'b'}, ':c': {S: 'c'}, ':x': {S: 'x'},
       ':zz': {S: 'zz'}, ':fullz': {S: 'ｚ'}, ':clef': {S: '𝄞'},
       ':zero': {N: '0'}, ':two': {N: '2'}, ':twoz': {N: '2.00'}, ':ten': {N: '10'}, ':m2': {N: '-2'},
       ':m20': {N: '-20'}, ':b01': {B: 'AQ=='}, ':b7f': {B: 'fw=='}, ':b80': {B: 'gA=='}, ':bff': {B: '/w=='},
       ':b0102': {B: 'AQI='}}
      """);
  static final Map<String, String> NAMES = names("#k", "pk", "#s", "sk");

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "str", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
    SdkTestSupport.createTable(client, "num", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
    SdkTestSupport.createTable(client, "bin", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.B);
    // a neighbouring partition, inserted first, that no case may see
    for (String table : List.of("str", "num", "bin")) {
      List<String> sorts = sorts(table);
      for (String partition : List.of("q", "p")) {
        for (int i = sorts.size() - 1; i >= 0; i--) {
          String sort = sorts.get(i);
          client.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(partition),
              "sk", sortValue(table, sort), "part", AttributeValue.fromS(partition))));
        }
      }
    }
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static List<String> sorts(String table) {
    return table.equals("str") ? STRINGS : table.equals("num") ? NUMBERS : BINARIES;
  }

  static AttributeValue sortValue(String table, String sort) {
    switch (table) {
      case "str":
        return AttributeValue.fromS(sort);
      case "num":
        return AttributeValue.fromN(sort);
      default:
        return AttributeValue.fromB(SdkBytes.fromByteArray(HexFormat.of().parseHex(sort)));
    }
  }

  static String sortText(AttributeValue v) {
    if (v.s() != null) {
      return v.s();
    }
    if (v.n() != null) {
      return v.n();
    }
    return HexFormat.of().formatHex(v.b().asByteArray());
  }

  static Arguments k(String table, String expression, String... expected) {
    return Arguments.of(table, expression, List.of(expected));
  }

  static Stream<Arguments> keyConditions() {
    String[] allS = STRINGS.toArray(new String[0]);
    String[] allN = NUMBERS.toArray(new String[0]);
    String[] allB = BINARIES.toArray(new String[0]);
    return Stream.of(
        // string sort keys, ordered by UTF-8 bytes (so U+FF5A sorts before U+1D11E)
        k("str", "pk = :p", allS), k("str", "#k = :p", allS),
        k("str", "pk = :p AND sk = :b", "b"), k("str", "pk = :p AND sk = :zz"),
        k("str", "pk = :p AND sk < :b", "a", "ab", "abc"), k("str", "pk = :p AND sk <= :b", "a", "ab", "abc", "b"),
        k("str", "pk = :p AND sk > :b", "ba", "c", "é", "ｚ", "𝄞"),
        k("str", "pk = :p AND sk >= :b", "b", "ba", "c", "é", "ｚ", "𝄞"),
        k("str", "pk = :p AND sk > :c", "é", "ｚ", "𝄞"), k("str", "pk = :p AND sk < :a"),
        k("str", "pk = :p AND sk < :clef", "a", "ab", "abc", "b", "ba", "c", "é", "ｚ"),
        k("str", "pk = :p AND sk BETWEEN :ab AND :b", "ab", "abc", "b"),
        k("str", "pk = :p AND sk BETWEEN :b AND :b", "b"),
        k("str", "pk = :p AND sk BETWEEN :fullz AND :clef", "ｚ", "𝄞"),
        k("str", "pk = :p AND sk between :x and :zz"),
        k("str", "pk = :p AND begins_with(sk, :a)", "a", "ab", "abc"),
        k("str", "pk = :p AND begins_with(sk, :ab)", "ab", "abc"),
        k("str", "pk = :p AND begins_with(sk, :x)"),
        k("str", "pk = :p AND :b > sk", "a", "ab", "abc"),
        k("str", "pk = :p AND :b <= sk", "b", "ba", "c", "é", "ｚ", "𝄞"),
        k("str", "pk = :p AND :ab = sk", "ab"), k("str", ":p = pk AND :ab >= sk", "a", "ab"),
        k("str", "sk > :c AND pk = :p", "é", "ｚ", "𝄞"), k("str", "(#k = :p) AND (#s <= :ab)", "a", "ab"),
        k("str", "#k = :p and begins_with(#s, :b)", "b", "ba"),
        // number sort keys, ordered by value
        k("num", "pk = :p", allN), k("num", "pk = :p AND sk = :two", "2"), k("num", "pk = :p AND sk = :twoz", "2"),
        k("num", "pk = :p AND sk < :zero", "-10", "-1.5"), k("num", "pk = :p AND sk <= :zero", "-10", "-1.5", "0"),
        k("num", "pk = :p AND sk > :two", "10", "100"), k("num", "pk = :p AND sk >= :two", "2", "10", "100"),
        k("num", "pk = :p AND sk BETWEEN :m2 AND :ten", "-1.5", "0", "2", "10"),
        k("num", "pk = :p AND sk > :m20", allN), k("num", "pk = :p AND sk < :m20"),
        k("num", "pk = :p AND :ten < sk", "100"), k("num", "pk = :p AND sk BETWEEN :two AND :twoz", "2"),
        // binary sort keys, ordered as unsigned bytes
        k("bin", "pk = :p", allB), k("bin", "pk = :p AND sk = :b01", "01"),
        k("bin", "pk = :p AND sk < :b7f", "00", "01", "0102"),
        k("bin", "pk = :p AND sk <= :b7f", "00", "01", "0102", "7f"),
        k("bin", "pk = :p AND sk > :b7f", "80", "ff"), k("bin", "pk = :p AND sk >= :b80", "80", "ff"),
        k("bin", "pk = :p AND sk BETWEEN :b01 AND :b80", "01", "0102", "7f", "80"),
        k("bin", "pk = :p AND begins_with(sk, :b01)", "01", "0102"),
        k("bin", "pk = :p AND begins_with(sk, :b0102)", "0102"), k("bin", "pk = :p AND begins_with(sk, :bff)", "ff"),
        k("bin", "pk = :p AND :b80 > sk", "00", "01", "0102", "7f"));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("keyConditions")
  void queryBothWays(String table, String expression, List<String> ascending) {
    List<String> descending = new ArrayList<>(ascending);
    java.util.Collections.reverse(descending);
    for (boolean forward : new boolean[] {true, false}) {
      QueryRequest request = QueryRequest.builder().tableName(table).keyConditionExpression(expression)
          .expressionAttributeNames(used(NAMES, expression))
          .expressionAttributeValues(used(VALUES, expression))
          .scanIndexForward(forward).build();
      String what = "Query " + table + " \"" + expression + "\" ScanIndexForward=" + forward
          + " values=" + used(VALUES, expression);
      List<String> expected = forward ? ascending : descending;
      assertThat(sortKeys(client.query(request))).as(what).isEqualTo(expected);
      assertThat(pagesOfTwo(request)).as(what + " Limit=2").isEqualTo(expected);
    }
  }

  private static List<String> sortKeys(QueryResponse response) {
    List<String> keys = new ArrayList<>();
    for (Map<String, AttributeValue> item : response.items()) {
      assertThat(item.get("part").s()).isEqualTo("p");
      keys.add(sortText(item.get("sk")));
    }
    return keys;
  }

  private static List<String> pagesOfTwo(QueryRequest request) {
    List<String> keys = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    for (int page = 0; page < 20; page++) {
      Map<String, AttributeValue> from = start;
      QueryResponse response = client.query(request.toBuilder().limit(2).exclusiveStartKey(from).build());
      assertThat(response.count()).isLessThanOrEqualTo(2);
      keys.addAll(sortKeys(response));
      if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
        return keys;
      }
      start = response.lastEvaluatedKey();
    }
    throw new AssertionError("more than 20 pages: " + keys);
  }
}
