package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.b;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.repeat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** GetItem: found and missing items, consistent and eventually consistent reads, and key validation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetItemTest {
  private static final String KEY_MISMATCH = "The provided key element does not match the schema";
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "simple", "pk", null);
    SdkTestSupport.createTable(client, "composite", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
    client.putItem(r -> r.tableName("simple").item(item("pk", "a", "v", "1")));
    client.putItem(r -> r.tableName("composite").item(item("pk", "a", "sk", n("1"), "v", "one")));
    client.putItem(r -> r.tableName("composite").item(item("pk", "a", "sk", n("2"), "v", "two")));
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  private GetItemResponse get(String table, Map<String, AttributeValue> key) {
    return client.getItem(r -> r.tableName(table).key(key));
  }

  @Test
  void readsAnItem() {
    assertThat(get("simple", item("pk", "a")).item()).isEqualTo(item("pk", "a", "v", "1"));
    assertThat(get("composite", item("pk", "a", "sk", n("2"))).item()).isEqualTo(item("pk", "a", "sk", n("2"), "v", "two"));
    assertThat(client.getItem(r -> r.tableName("simple").key(item("pk", "a")).consistentRead(true)).item())
        .isEqualTo(item("pk", "a", "v", "1"));
    assertThat(client.getItem(r -> r.tableName("simple").key(item("pk", "a")).consistentRead(false)).item())
        .isEqualTo(item("pk", "a", "v", "1"));
  }

  @Test
  void aMissingItemIsNoItemAtAll() {
    GetItemResponse response = get("simple", item("pk", "missing"));
    assertThat(response.hasItem()).isFalse();
    assertThat(response.consumedCapacity()).isNull();
    assertThat(get("composite", item("pk", "a", "sk", n("3"))).hasItem()).isFalse();
  }

  @Test
  void theKeyMustMatchTheSchemaExactly() {
    assertValidation(() -> get("simple", item("pk", "a", "v", "1")), KEY_MISMATCH);
    assertValidation(() -> get("simple", item("other", "a")), KEY_MISMATCH);
    assertValidation(() -> get("simple", item("pk", n("1"))), KEY_MISMATCH);
    assertValidation(() -> get("composite", item("pk", "a")), KEY_MISMATCH);
    assertValidation(() -> get("composite", item("pk", "a", "sk", "1")), KEY_MISMATCH);
    assertValidation(() -> get("composite", item("pk", "a", "sk", n("1"), "v", "one")), KEY_MISMATCH);
    assertValidation(() -> get("simple", Map.of()), KEY_MISMATCH);
  }

  @Test
  void emptyAndOversizedKeyValues() {
    assertValidation(() -> get("simple", item("pk", "")), "One or more parameter values are not valid. The "
        + "AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
    assertValidation(() -> get("simple", item("pk", repeat('k', 2049))), "One or more parameter values were invalid: "
        + "Size of hashkey has exceeded the maximum size limit of2048 bytes");
    assertThat(get("simple", item("pk", repeat('k', 2048))).hasItem()).isFalse();
  }

  @Test
  void anUnknownTableIsNotFound() {
    assertNotFound(() -> get("nope", item("pk", "a")), "Requested resource not found");
  }

  @Test
  void requiredMembersAndEnums() {
    assertValidation(() -> client.getItem(r -> r.tableName("simple")), "1 validation error detected: Value null at "
        + "'key' failed to satisfy constraint: Member must not be null");
    assertValidation(() -> client.getItem(r -> r.key(item("pk", "a"))), "1 validation error detected: Value null at "
        + "'tableName' failed to satisfy constraint: Member must not be null");
    assertValidation(() -> client.getItem(r -> r.tableName("simple").key(item("pk", "a")).returnConsumedCapacity("X")),
        "1 validation error detected: Value 'X' at 'returnConsumedCapacity' failed to satisfy constraint: Member "
            + "must satisfy enum value set: [INDEXES, TOTAL, NONE]");
  }

  @Test
  void aBinaryKeyOfTheWrongTypeDoesNotMatch() {
    assertValidation(() -> get("simple", item("pk", b((byte) 1))), KEY_MISMATCH);
  }

  @Test
  void byTableArn() {
    assertThat(get("arn:aws:dynamodb:us-east-1:000000000000:table/simple", item("pk", "a")).item())
        .isEqualTo(item("pk", "a", "v", "1"));
  }
}
