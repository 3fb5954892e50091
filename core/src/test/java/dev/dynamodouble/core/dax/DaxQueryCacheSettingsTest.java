package dev.dynamodouble.core.dax;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query cache's own TTL and size ({@code withQueryTtl}, {@code withMaxQueries}), for Scan and Query. */
class DaxQueryCacheSettingsTest extends DaxClusterTest {
  private final ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));

  @Override
  DynamoDouble.Builder endpoint() {
    return DynamoDouble.builder().clock(clock)
        .dax(DaxSettings.defaults().withQueryTtl(Duration.ofSeconds(20)).withMaxQueries(1));
  }

  @Override
  void tables() {
    SdkTestSupport.createTable(direct, "kvs", "k", null);
  }

  @BeforeEach
  void empty() {
    dynamo.daxCache().clear();
    direct.scan(r -> r.tableName("kvs")).items()
        .forEach(i -> direct.deleteItem(r -> r.tableName("kvs").key(Map.of("k", i.get("k")))));
  }

  private int scanned() {
    return dax.scan(r -> r.tableName("kvs")).count();
  }

  private int queried(String key) {
    return dax.query(r -> r.tableName("kvs").keyConditionExpression("k = :k")
        .expressionAttributeValues(Map.of(":k", item("k", key).get("k")))).count();
  }

  @Test
  void aCachedScanLastsTheConfiguredQueryTtl() {
    assertThat(scanned()).isZero();
    direct.putItem(r -> r.tableName("kvs").item(item("k", "a")));
    clock.advance(Duration.ofSeconds(19));
    assertThat(scanned()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(scanned()).isEqualTo(1);
  }

  @Test
  void aFullQueryCacheEvictsTheLeastRecentlyUsedResult() {
    assertThat(queried("a")).isZero();
    direct.putItem(r -> r.tableName("kvs").item(item("k", "a")));
    assertThat(queried("a")).isZero(); // cached
    assertThat(queried("b")).isZero(); // one entry only: evicts the query of a
    assertThat(queried("a")).isEqualTo(1);
  }
}
