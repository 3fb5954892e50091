package dev.dynamodouble.core.dax;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** GetItem, PutItem, UpdateItem and DeleteItem through the real DAX client, and the item cache. */
class DaxItemTest extends DaxClusterTest {
  private final ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));

  @Override
  DynamoDouble.Builder endpoint() {
    return DynamoDouble.builder().clock(clock);
  }

  @Override
  void tables() {
    SdkTestSupport.createTable(direct, "simple", "pk", null);
    SdkTestSupport.createTable(direct, "composite", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
  }

  @BeforeEach
  void cold() {
    dynamo.daxCache().clear();
  }

  @Test
  void readsWhatItWrites() {
    dax.putItem(r -> r.tableName("simple").item(item("pk", "a", "v", "1", "n", n("42"))));
    assertThat(dax.getItem(r -> r.tableName("simple").key(item("pk", "a"))).item())
        .isEqualTo(item("pk", "a", "v", "1", "n", n("42")));
    assertThat(direct.getItem(r -> r.tableName("simple").key(item("pk", "a"))).item())
        .isEqualTo(item("pk", "a", "v", "1", "n", n("42")));
  }

  @Test
  void aDirectWriteIsInvisibleUntilTheItemExpires() {
    direct.putItem(r -> r.tableName("composite").item(item("pk", "p", "sk", n("1.5"), "v", "old")));
    assertThat(dax.getItem(r -> r.tableName("composite").key(item("pk", "p", "sk", n("1.5")))).item())
        .containsEntry("v", item("v", "old").get("v"));
    direct.putItem(r -> r.tableName("composite").item(item("pk", "p", "sk", n("1.5"), "v", "new")));
    assertThat(dax.getItem(r -> r.tableName("composite").key(item("pk", "p", "sk", n("1.5")))).item())
        .containsEntry("v", item("v", "old").get("v"));
    assertThat(dax.getItem(r -> r.tableName("composite").key(item("pk", "p", "sk", n("1.5"))).consistentRead(true))
        .item()).containsEntry("v", item("v", "new").get("v"));
    clock.advance(Duration.ofMinutes(5));
    assertThat(dax.getItem(r -> r.tableName("composite").key(item("pk", "p", "sk", n("1.5")))).item())
        .containsEntry("v", item("v", "new").get("v"));
  }

  @Test
  void updatesAndDeletes() {
    dax.putItem(r -> r.tableName("simple").item(item("pk", "u", "count", n("1"))));
    var updated = dax.updateItem(r -> r.tableName("simple").key(item("pk", "u"))
        .updateExpression("SET #c = #c + :one").expressionAttributeNames(java.util.Map.of("#c", "count"))
        .expressionAttributeValues(java.util.Map.of(":one", n("1"))).returnValues(ReturnValue.ALL_NEW));
    assertThat(updated.attributes()).isEqualTo(item("pk", "u", "count", n("2")));
    assertThatThrownBy(() -> dax.putItem(r -> r.tableName("simple").item(item("pk", "u"))
        .conditionExpression("attribute_not_exists(pk)")))
        .isInstanceOf(ConditionalCheckFailedException.class);
    dax.deleteItem(r -> r.tableName("simple").key(item("pk", "u")));
    assertThat(dax.getItem(r -> r.tableName("simple").key(item("pk", "u"))).hasItem()).isFalse();
  }
}
