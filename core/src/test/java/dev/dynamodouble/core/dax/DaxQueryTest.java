package dev.dynamodouble.core.dax;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
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
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan through the real DAX client, and the query cache. */
class DaxQueryTest extends DaxClusterTest {
  private final ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));

  @Override
  DynamoDouble.Builder endpoint() {
    return DynamoDouble.builder().clock(clock);
  }

  @Override
  void tables() {
    SdkTestSupport.createTable(direct, "orders", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
  }

  @BeforeEach
  void fresh() {
    dynamo.daxCache().clear();
    direct.deleteItem(r -> r.tableName("orders").key(item("pk", "c1", "sk", n("4"))));
    for (int i = 1; i <= 3; i++) {
      int sk = i;
      direct.putItem(r -> r.tableName("orders").item(item("pk", "c1", "sk", n(Integer.toString(sk)), "total", n(sk + "0"),
          "tags", item("a", "x").get("a"))));
    }
  }

  private QueryResponse orders() {
    return dax.query(r -> r.tableName("orders").keyConditionExpression("pk = :c AND sk >= :from")
        .expressionAttributeValues(Map.of(":c", s("c1"), ":from", n("2"))));
  }

  @Test
  void queriesAndScans() {
    QueryResponse page = orders();
    assertThat(page.items()).extracting(i -> i.get("sk").n()).containsExactly("2", "3");
    assertThat(page.items().get(0)).isEqualTo(item("pk", "c1", "sk", n("2"), "total", n("20"), "tags", s("x")));
    assertThat(page.count()).isEqualTo(2);
    QueryResponse first = dax.query(r -> r.tableName("orders").keyConditionExpression("pk = :c")
        .expressionAttributeValues(Map.of(":c", s("c1"))).limit(1).scanIndexForward(false));
    assertThat(first.items()).extracting(i -> i.get("sk").n()).containsExactly("3");
    assertThat(first.lastEvaluatedKey()).isEqualTo(item("pk", "c1", "sk", n("3")));
    QueryResponse next = dax.query(r -> r.tableName("orders").keyConditionExpression("pk = :c")
        .expressionAttributeValues(Map.of(":c", s("c1"))).limit(1).scanIndexForward(false)
        .exclusiveStartKey(first.lastEvaluatedKey()));
    assertThat(next.items()).extracting(i -> i.get("sk").n()).containsExactly("2");
    assertThat(dax.scan(r -> r.tableName("orders").filterExpression("#t > :min")
        .expressionAttributeNames(Map.of("#t", "total")).expressionAttributeValues(Map.of(":min", n("15"))))
        .items()).hasSize(2);
    QueryResponse counted = dax.query(r -> r.tableName("orders").keyConditionExpression("pk = :c")
        .expressionAttributeValues(Map.of(":c", s("c1"))).select(Select.COUNT));
    assertThat(counted.count()).isEqualTo(3);
    assertThat(counted.items()).isEmpty(); // the DAX client always gives a list
    assertThat(dax.query(r -> r.tableName("orders").keyConditionExpression("pk = :c")
        .expressionAttributeValues(Map.of(":c", s("c1"))).projectionExpression("total")).items())
        .containsExactly(item("total", n("10")), item("total", n("20")), item("total", n("30")));
  }

  @Test
  void theQueryCacheIgnoresWritesThroughDaxUntilItExpires() {
    assertThat(orders().count()).isEqualTo(2);
    dax.putItem(r -> r.tableName("orders").item(item("pk", "c1", "sk", n("4"), "total", n("40"))));
    // The item cache sees the write at once; the cached query result does not.
    assertThat(dax.getItem(r -> r.tableName("orders").key(item("pk", "c1", "sk", n("4")))).hasItem()).isTrue();
    assertThat(orders().count()).isEqualTo(2);
    assertThat(dax.query(r -> r.tableName("orders").keyConditionExpression("pk = :c AND sk >= :from")
        .expressionAttributeValues(Map.of(":c", s("c1"), ":from", n("2"))).consistentRead(true)).count()).isEqualTo(3);
    clock.advance(Duration.ofMinutes(5));
    assertThat(orders().count()).isEqualTo(3);
  }
}
