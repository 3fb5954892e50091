package dev.dynamodouble.core.dax;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Negative caching, a configured TTL, LRU eviction, the engine reset, and DAX's errors. */
class DaxCacheSemanticsTest extends DaxClusterTest {
  private final ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private EngineSnapshot empty;

  @Override
  DynamoDouble.Builder endpoint() {
    return DynamoDouble.builder().clock(clock)
        .dax(DaxSettings.defaults().withItemTtl(Duration.ofSeconds(30)).withMaxItems(2));
  }

  @Override
  void tables() {
    SdkTestSupport.createTable(direct, "kvs", "k", null);
    empty = dynamo.engine().snapshot();
  }

  @BeforeEach
  void reset() {
    dynamo.engine().restore(empty);
  }

  private boolean daxSees(String key) {
    return dax.getItem(r -> r.tableName("kvs").key(item("k", key))).hasItem();
  }

  @Test
  void aMissIsCachedUntilTheConfiguredTtl() {
    assertThat(daxSees("m")).isFalse();
    direct.putItem(r -> r.tableName("kvs").item(item("k", "m")));
    assertThat(daxSees("m")).isFalse();
    clock.advance(Duration.ofSeconds(29));
    assertThat(daxSees("m")).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(daxSees("m")).isTrue();
  }

  @Test
  void theLeastRecentlyUsedItemIsEvictedWhenTheCacheIsFull() {
    assertThat(daxSees("a")).isFalse();
    assertThat(daxSees("b")).isFalse();
    assertThat(daxSees("a")).isFalse(); // a is now more recent than b
    direct.putItem(r -> r.tableName("kvs").item(item("k", "a")));
    direct.putItem(r -> r.tableName("kvs").item(item("k", "b")));
    assertThat(daxSees("c")).isFalse(); // the cache holds two entries: caching c evicts b, not a
    assertThat(daxSees("a")).isFalse(); // still the cached miss
    assertThat(daxSees("b")).isTrue(); // fetched afresh
  }

  @Test
  void anEngineResetEmptiesTheCaches() {
    dax.putItem(r -> r.tableName("kvs").item(item("k", "r", "v", n("1"))));
    assertThat(daxSees("r")).isTrue();
    dynamo.engine().restore(empty);
    assertThat(daxSees("r")).isFalse();
  }

  @Test
  void errorsAreDynamoDbsAsTheDaxClientSurfacesThem() {
    assertThatThrownBy(() -> dax.getItem(r -> r.tableName("missing").key(item("k", "x"))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> dax.updateItem(r -> r.tableName("kvs").key(item("k", "x"))
        .updateExpression("SET v = :v").expressionAttributeValues(java.util.Map.of(":v", n("1")))
        .conditionExpression("size(v) > :v")))
        .isInstanceOf(DynamoDbException.class);
  }
}
