package dev.dynamodouble.junit5.readme;

/* The README's DAX-with-the-extension example, verbatim. */
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.junit5.Dax;
import dev.dynamodouble.junit5.DynamoDoubleTest;
import dev.dynamodouble.junit5.DynamoTable;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoDoubleTest(clock = "manual")
@Dax(itemTtl = "PT1M") // a DAX cluster for this class, in front of its tables
@DynamoTable(name = "prices", partitionKey = "sku")
class PriceServiceTest {
  static final Map<String, AttributeValue> KEY = Map.of("sku", AttributeValue.fromS("A-1"));

  @Dax
  DynamoDbClient dax; // the real ClusterDaxClient, connected to the cluster

  static Map<String, AttributeValue> price(int cents) {
    return Map.of("sku", AttributeValue.fromS("A-1"), "cents", AttributeValue.fromN(Integer.toString(cents)));
  }

  String cents() {
    return dax.getItem(g -> g.tableName("prices").key(KEY)).item().get("cents").n();
  }

  @Test
  void aPriceChangedBehindDaxsBackShowsOnlyAfterTheTtl(DynamoDbClient dynamo, ManualClock clock) {
    dynamo.putItem(p -> p.tableName("prices").item(price(100)));
    assertThat(cents()).isEqualTo("100");
    dynamo.putItem(p -> p.tableName("prices").item(price(120))); // straight to the table
    assertThat(cents()).isEqualTo("100"); // DAX answers from its item cache
    clock.advance(Duration.ofMinutes(1));
    assertThat(cents()).isEqualTo("120");
  }

  @Test
  void aWriteThroughDaxIsReadBackAtOnce() {
    dax.putItem(p -> p.tableName("prices").item(price(90)));
    assertThat(cents()).isEqualTo("90"); // and every test starts with empty caches
  }
}
