package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.b;
import static dev.dynamodouble.core.sdk.SdkTestSupport.bytes;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.repeat;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The ten attribute types, DynamoDB's number rules, sets, empty values, nesting and the item size limit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValuesTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private RawClient raw;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    raw = new RawClient(dynamo);
    SdkTestSupport.createTable(client, "values", "pk", null);
    SdkTestSupport.createTable(client, "numbers", "pk", ScalarAttributeType.N, null, null);
    SdkTestSupport.createTable(client, "binaries", "pk", ScalarAttributeType.B, "sk", ScalarAttributeType.B);
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  private Map<String, AttributeValue> roundTrip(String pk, Map<String, AttributeValue> attributes) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", s(pk));
    item.putAll(attributes);
    client.putItem(r -> r.tableName("values").item(item));
    return client.getItem(r -> r.tableName("values").key(item("pk", pk)).consistentRead(true)).item();
  }

  private void put(String attribute, AttributeValue value) {
    client.putItem(r -> r.tableName("values").item(item("pk", "x", attribute, value)));
  }

  @Test
  void allTenTypesRoundTrip() {
    Map<String, AttributeValue> nested = new LinkedHashMap<>();
    nested.put("inner", s("deep"));
    nested.put("list", AttributeValue.fromL(List.of(n("1"), AttributeValue.fromBool(false),
        AttributeValue.fromM(Map.of("x", AttributeValue.fromNul(true))))));
    Map<String, AttributeValue> sent = new LinkedHashMap<>();
    sent.put("s", s("text é 😀"));
    sent.put("n", n("42"));
    sent.put("b", b((byte) 0, (byte) 0xff, (byte) 0x80));
    sent.put("bool", AttributeValue.fromBool(true));
    sent.put("null", AttributeValue.fromNul(true));
    sent.put("m", AttributeValue.fromM(nested));
    sent.put("l", AttributeValue.fromL(List.of(s("a"), n("2"), AttributeValue.fromL(List.of()),
        AttributeValue.fromM(Map.of()), AttributeValue.fromSs(List.of("z")))));
    sent.put("ss", AttributeValue.fromSs(List.of("a", "b", "c")));
    sent.put("ns", AttributeValue.fromNs(List.of("1", "2.5", "-3")));
    sent.put("bs", AttributeValue.fromBs(List.of(bytes("x"), bytes("y"))));

    Map<String, AttributeValue> got = roundTrip("all-types", sent);

    assertThat(got).hasSize(11);
    assertThat(got.get("pk")).isEqualTo(s("all-types"));
    for (String name : List.of("s", "n", "b", "bool", "null", "m", "l")) {
      assertThat(got.get(name)).as(name).isEqualTo(sent.get(name));
    }
    // Sets have no order in DynamoDB.
    assertThat(got.get("ss").ss()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(got.get("ns").ns()).containsExactlyInAnyOrder("1", "2.5", "-3");
    assertThat(got.get("bs").bs()).containsExactlyInAnyOrder(bytes("x"), bytes("y"));
  }

  @ParameterizedTest(name = "{0} is returned as {1}")
  @CsvSource({
      "1.50, 1.5",
      "0100, 100",
      "1E+2, 100",
      "1e2, 100",
      "-0, 0",
      "0.000, 0",
      "0e1000, 0",
      "+3, 3",
      ".123, 0.123",
      "0001.23, 1.23",
      "1e-5, 0.00001",
      "-17e5, -1700000",
      "-7.1234, -7.1234",
      "123.4560, 123.456",
  })
  void numbersComeBackNormalised(String sent, String returned) {
    assertThat(roundTrip("num-" + sent, Map.of("v", n(sent))).get("v")).isEqualTo(n(returned));
  }

  @Test
  void numberSetsAreNormalisedToo() {
    assertThat(roundTrip("ns-norm", Map.of("v", AttributeValue.fromNs(List.of("1.50", "0100")))).get("v").ns())
        .containsExactlyInAnyOrder("1.5", "100");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "12345678901234567890123456789012345678",
      "3.1415926535897932384626433832795028841",
      "31415926535897932384626433832795028841e30",
      "1E+125",
      "-9.9999999999999999999999999999999999999E+125",
      "1E-130",
      "-1E-130",
  })
  void numbersWithinTheLimitsAreStored(String number) {
    Map<String, AttributeValue> got = roundTrip("limit-" + number, Map.of("v", n(number)));
    assertThat(new java.math.BigDecimal(got.get("v").n())).isEqualByComparingTo(new java.math.BigDecimal(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456789012345678901234567890123456789", "-1.23456789012345678901234567890123456789",
      "3.14159265358979323846264338327950288419"})
  void moreThan38SignificantDigitsAreRejected(String number) {
    assertValidation(() -> put("v", n(number)), "Attempting to store more than 38 significant digits in a Number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E+126", "11E+125", "-1E+126"})
  void numbersTooLargeOverflow(String number) {
    assertValidation(() -> put("v", n(number)),
        "Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E-131", "0.9E-130", "-1E-131"})
  void numbersTooSmallUnderflow(String number) {
    assertValidation(() -> put("v", n(number)),
        "Number underflow. Attempting to store a number with magnitude smaller than supported range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "NaN", "Infinity", "-Infinity", " 1", "1 ", "1..2", "0x10"})
  void textThatIsNotANumberIsRejected(String text) {
    assertValidation(() -> put("v", n(text)), "The parameter cannot be converted to a numeric value: " + text);
  }

  @Test
  void anEmptyNumberIsRejected() {
    assertValidation(() -> put("v", n("")), "The parameter cannot be converted to a numeric value");
    assertValidation(() -> put("v", AttributeValue.fromNs(List.of("1", ""))),
        "The parameter cannot be converted to a numeric value");
  }

  @Test
  void numericKeysMatchByValueNotByText() {
    client.putItem(r -> r.tableName("numbers").item(item("pk", n("1.50"), "v", "x")));
    assertThat(client.getItem(r -> r.tableName("numbers").key(item("pk", n("1.5")))).item())
        .isEqualTo(item("pk", n("1.5"), "v", "x"));
    assertThat(client.getItem(r -> r.tableName("numbers").key(item("pk", n("15E-1")))).item()).containsKey("v");
  }

  @Test
  void binaryKeysRoundTrip() {
    AttributeValue pk = b((byte) 0, (byte) 0xfe);
    AttributeValue sk = b((byte) 0x7f);
    client.putItem(r -> r.tableName("binaries").item(item("pk", pk, "sk", sk, "v", "x")));
    assertThat(client.getItem(r -> r.tableName("binaries").key(item("pk", pk, "sk", sk))).item())
        .isEqualTo(item("pk", pk, "sk", sk, "v", "x"));
  }

  @Test
  void emptySetsAreRejected() {
    assertValidation(() -> put("v", AttributeValue.fromSs(List.of())),
        "One or more parameter values were invalid: An string set  may not be empty");
    assertValidation(() -> put("v", AttributeValue.fromNs(List.of())),
        "One or more parameter values were invalid: An number set  may not be empty");
    assertValidation(() -> put("v", AttributeValue.fromBs(List.of())),
        "One or more parameter values were invalid: Binary sets should not be empty");
  }

  @Test
  void duplicateSetMembersAreRejected() {
    assertValidation(() -> put("v", AttributeValue.fromSs(List.of("a", "b", "a"))),
        "One or more parameter values were invalid: Input collection [a, b, a] contains duplicates.");
    assertValidation(() -> put("v", AttributeValue.fromSs(List.of("", ""))),
        "One or more parameter values were invalid: Input collection [, ] contains duplicates.");
    assertValidation(() -> put("v", AttributeValue.fromNs(List.of("1", "1"))), "Input collection contains duplicates");
    assertValidation(() -> put("v", AttributeValue.fromNs(List.of("2", "2.0"))),
        "Input collection contains duplicates");
    assertValidation(() -> put("v", AttributeValue.fromBs(List.of(bytes("b"), bytes("b")))),
        "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.");
  }

  @Test
  void emptyStringsAndBinariesAreAllowedOutsideKeys() {
    Map<String, AttributeValue> sent = new LinkedHashMap<>();
    sent.put("s", s(""));
    sent.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])));
    sent.put("ss", AttributeValue.fromSs(List.of("", "a")));
    sent.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[0]))));
    sent.put("m", AttributeValue.fromM(Map.of("e", s(""))));
    sent.put("l", AttributeValue.fromL(List.of(s(""))));
    Map<String, AttributeValue> got = roundTrip("empties", sent);
    assertThat(got.get("s")).isEqualTo(s(""));
    assertThat(got.get("b").b().asByteArray()).isEmpty();
    assertThat(got.get("ss").ss()).containsExactlyInAnyOrder("", "a");
    assertThat(got.get("bs").bs()).hasSize(1);
    assertThat(got.get("m")).isEqualTo(sent.get("m"));
    assertThat(got.get("l")).isEqualTo(sent.get("l"));
  }

  @Test
  void emptyStringsAndBinariesAreRejectedInKeys() {
    assertValidation(() -> client.putItem(r -> r.tableName("values").item(item("pk", ""))),
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
            + "empty string value. Key: pk");
    assertValidation(() -> client.getItem(r -> r.tableName("values").key(item("pk", ""))),
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
            + "empty string value. Key: pk");
    assertValidation(() -> client.putItem(r -> r.tableName("binaries").item(item("pk", b(), "sk", b((byte) 1)))),
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
            + "empty binary value. Key: pk");
    assertValidation(() -> client.getItem(r -> r.tableName("binaries").key(item("pk", b((byte) 1), "sk", b()))),
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
            + "empty binary value. Key: sk");
  }

  @Test
  void nullMustBeTrue() {
    assertValidation(() -> put("v", AttributeValue.fromNul(false)),
        "One or more parameter values were invalid: Null attribute value types must have the value of true");
  }

  @Test
  void anAttributeValueHoldsExactlyOneType() {
    assertValidation(() -> put("v", AttributeValue.builder().build()),
        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    assertValidation(() -> put("v", AttributeValue.builder().s("a").n("1").build()),
        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported "
            + "datatypes");
  }

  /** {@code depth} single-key maps around a string: depth 1 is {@code {M: {n: {S: leaf}}}}. */
  private static AttributeValue deepMap(int depth) {
    AttributeValue v = s("leaf");
    for (int i = 0; i < depth; i++) {
      v = AttributeValue.fromM(Map.of("n", v));
    }
    return v;
  }

  private static AttributeValue deepList(int depth) {
    AttributeValue v = s("leaf");
    for (int i = 0; i < depth; i++) {
      v = AttributeValue.fromL(List.of(v));
    }
    return v;
  }

  @Test
  void documentsNestUpTo32Levels() {
    assertThat(roundTrip("deep-31", Map.of("d", deepMap(31))).get("d")).isEqualTo(deepMap(31));
    assertThat(roundTrip("deep-list-31", Map.of("d", deepList(31))).get("d")).isEqualTo(deepList(31));
    String message = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
        + "beyond supported limit";
    assertValidation(() -> put("d", deepMap(32)), message);
    assertValidation(() -> put("d", deepList(32)), message);
  }

  @Test
  void itemsUpTo400KbAreStored() {
    // "pk" + "x" + "v" = 4 bytes of names and key; the rest is the value.
    String value = repeat('a', 400 * 1024 - 4);
    client.putItem(r -> r.tableName("values").item(item("pk", "x", "v", value)));
    assertThat(client.getItem(r -> r.tableName("values").key(item("pk", "x"))).item().get("v").s()).hasSize(value.length());
  }

  @Test
  void itemsOver400KbAreRejected() {
    assertValidation(() -> client.putItem(r -> r.tableName("values").item(item("pk", "x", "v", repeat('a', 400 * 1024 - 3)))),
        "Item size has exceeded the maximum allowed size");
    // Multi-byte characters count by their UTF-8 length: é is two bytes.
    assertValidation(() -> client.putItem(r -> r.tableName("values").item(item("pk", "x", "v", repeat('é', 200 * 1024)))),
        "Item size has exceeded the maximum allowed size");
  }

  @Test
  void binariesAreStrictBase64() {
    String item = "{\"TableName\":\"values\",\"Item\":{\"pk\":{\"S\":\"x\"},\"v\":{\"B\":\"%s\"}}}";
    RawClient.Response unpadded = raw.call("PutItem", String.format(item, "YWJj="));
    assertThat(unpadded.errorType()).isEqualTo("SerializationException");
    assertThat(unpadded.message()).isEqualTo("'YWJj=' can not be converted to a Blob: Base64 encoded length is expected "
        + "a multiple of 4 bytes but found: 5");
    RawClient.Response badCharacter = raw.call("PutItem", String.format(item, "YW-j"));
    assertThat(badCharacter.message()).isEqualTo("'YW-j' can not be converted to a Blob: Invalid Base64 character: '-'");
    RawClient.Response notCanonical = raw.call("PutItem", String.format(item, "YR=="));
    assertThat(notCanonical.message()).isEqualTo("'YR==' can not be converted to a Blob: Invalid last non-pad Base64 "
        + "character dectected");
    assertThat(raw.call("PutItem", String.format(item, "YWJj")).status()).isEqualTo(200);
    assertThat(raw.call("PutItem", String.format(item, "")).status()).isEqualTo(200);
  }

  @Test
  void aNumberSentAsAJsonNumberIsASerializationError() {
    RawClient.Response response = raw.call("PutItem",
        "{\"TableName\":\"values\",\"Item\":{\"pk\":{\"S\":\"x\"},\"v\":{\"N\":5}}}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("SerializationException");
    assertThat(response.message()).isEqualTo("NUMBER_VALUE cannot be converted to String");
  }
}
