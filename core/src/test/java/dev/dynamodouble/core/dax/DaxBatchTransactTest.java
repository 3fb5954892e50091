package dev.dynamodouble.core.dax;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem, BatchWriteItem, TransactGetItems and TransactWriteItems through the real DAX client. */
class DaxBatchTransactTest extends DaxClusterTest {

  @Override
  DynamoDouble.Builder endpoint() {
    return DynamoDouble.builder();
  }

  @Override
  void tables() {
    SdkTestSupport.createTable(direct, "accounts", "id", null);
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(r -> r.item(item)).build();
  }

  @Test
  void batchesWriteThroughAndReadFromTheCache() {
    dax.batchWriteItem(r -> r.requestItems(Map.of("accounts", List.of(
        put(item("id", "b1", "balance", n("10"))), put(item("id", "b2", "balance", n("20")))))));
    var read = dax.batchGetItem(r -> r.requestItems(Map.of("accounts", KeysAndAttributes.builder()
        .keys(item("id", "b1"), item("id", "b2"), item("id", "missing")).build())));
    assertThat(read.responses().get("accounts")).containsExactlyInAnyOrder(
        item("id", "b1", "balance", n("10")), item("id", "b2", "balance", n("20")));
    assertThat(read.unprocessedKeys()).isEmpty();
    dax.batchWriteItem(r -> r.requestItems(Map.of("accounts", List.of(
        WriteRequest.builder().deleteRequest(d -> d.key(item("id", "b2"))).build()))));
    assertThat(dax.getItem(r -> r.tableName("accounts").key(item("id", "b2"))).hasItem()).isFalse();
    var projected = dax.batchGetItem(r -> r.requestItems(Map.of("accounts", KeysAndAttributes.builder()
        .keys(item("id", "b1")).projectionExpression("balance").build())));
    assertThat(projected.responses().get("accounts")).containsExactly(item("balance", n("10")));
  }

  @Test
  void transactions() {
    dax.transactWriteItems(r -> r.transactItems(
        t -> t.put(p -> p.tableName("accounts").item(item("id", "t1", "balance", n("100")))),
        t -> t.put(p -> p.tableName("accounts").item(item("id", "t2", "balance", n("0"))))));
    dax.transactWriteItems(r -> r.transactItems(
        t -> t.update(u -> u.tableName("accounts").key(item("id", "t1")).updateExpression("SET balance = balance - :x")
            .conditionExpression("balance >= :x").expressionAttributeValues(Map.of(":x", n("30")))),
        t -> t.update(u -> u.tableName("accounts").key(item("id", "t2")).updateExpression("SET balance = balance + :x")
            .expressionAttributeValues(Map.of(":x", n("30"))))));
    var got = dax.transactGetItems(r -> r.transactItems(
        t -> t.get(g -> g.tableName("accounts").key(item("id", "t1"))),
        t -> t.get(g -> g.tableName("accounts").key(item("id", "t2")))));
    assertThat(got.responses()).extracting(i -> i.item().get("balance").n()).containsExactly("70", "30");
    assertThatThrownBy(() -> dax.transactWriteItems(r -> r.transactItems(
        t -> t.conditionCheck(c -> c.tableName("accounts").key(item("id", "t1")).conditionExpression("balance > :x")
            .expressionAttributeValues(Map.of(":x", n("1000")))),
        t -> t.put(p -> p.tableName("accounts").item(item("id", "t3", "balance", s("x")))))))
        .isInstanceOf(TransactionCanceledException.class);
    assertThat(direct.getItem(r -> r.tableName("accounts").key(item("id", "t3"))).hasItem()).isFalse();
  }

  @Test
  void aTransactionsUpdateIsWrittenThroughWhole() {
    direct.putItem(r -> r.tableName("accounts").item(item("id", "t-up", "balance", n("5"), "owner", "ann")));
    dax.transactWriteItems(r -> r.transactItems(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
        .update(u -> u.tableName("accounts").key(item("id", "t-up")).updateExpression("SET balance = balance + :one")
            .expressionAttributeValues(Map.of(":one", n("1")))).build()));
    direct.putItem(r -> r.tableName("accounts").item(item("id", "t-up", "balance", n("99"))));
    assertThat(dax.getItem(r -> r.tableName("accounts").key(item("id", "t-up"))).item())
        .as("the item the transaction left, from the item cache")
        .isEqualTo(item("id", "t-up", "balance", n("6"), "owner", "ann"));
  }
}
