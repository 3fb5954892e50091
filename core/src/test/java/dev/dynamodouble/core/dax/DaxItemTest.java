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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

  @ParameterizedTest
  @EnumSource(value = ReturnValue.class, names = {"NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"})
  void anUpdateWritesTheNewItemThroughWhateverItReturns(ReturnValue returnValues) {
    String pk = "w-" + returnValues;
    dax.putItem(r -> r.tableName("simple").item(item("pk", pk, "count", n("1"), "tag", "a")));
    var updated = dax.updateItem(r -> r.tableName("simple").key(item("pk", pk))
        .updateExpression("SET #c = #c + :one").expressionAttributeNames(java.util.Map.of("#c", "count"))
        .expressionAttributeValues(java.util.Map.of(":one", n("1"))).returnValues(returnValues));
    java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> expected = switch (returnValues) {
      case ALL_OLD -> item("pk", pk, "count", n("1"), "tag", "a");
      case UPDATED_OLD -> item("count", n("1"));
      case ALL_NEW -> item("pk", pk, "count", n("2"), "tag", "a");
      case UPDATED_NEW -> item("count", n("2"));
      default -> java.util.Map.of();
    };
    assertThat(updated.attributes()).isEqualTo(expected);
    // A direct write DAX does not see: the read below is served from the item cache, written through.
    direct.putItem(r -> r.tableName("simple").item(item("pk", pk, "count", n("99"))));
    assertThat(dax.getItem(r -> r.tableName("simple").key(item("pk", pk))).item())
        .isEqualTo(item("pk", pk, "count", n("2"), "tag", "a"));
  }
}
