package dev.dynamodouble.junit5.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.junit5.DynamoDoubleTest;
import dev.dynamodouble.junit5.InRegion;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

@DynamoDoubleTest(clock = "2026-01-01T00:00:00Z")
class LegacyCartReplicationTest {
  static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("c1"));

  @Test
  void sameNamedTablesBecomeOneGlobalTable(DynamoDbClient virginia, @InRegion("eu-west-1") DynamoDbClient ireland,
                                           ManualClock clock) {
    for (DynamoDbClient region : new DynamoDbClient[] {virginia, ireland}) { // empty, same key, NEW_AND_OLD_IMAGES
      region.createTable(r -> r.tableName("carts").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }
    clock.advance(Duration.ZERO);                                                          // tables ACTIVE
    virginia.createGlobalTable(r -> r.globalTableName("carts")
        .replicationGroup(g -> g.regionName("us-east-1"), g -> g.regionName("eu-west-1")));
    clock.advance(Duration.ZERO);                                                          // CREATING -> ACTIVE
    assertThat(ireland.describeGlobalTable(r -> r.globalTableName("carts")).globalTableDescription()
        .globalTableStatus()).isEqualTo(GlobalTableStatus.ACTIVE);
    assertThat(ireland.describeTable(r -> r.tableName("carts")).table().globalTableVersion()).isEqualTo("2017.11.29");

    virginia.putItem(r -> r.tableName("carts").item(Map.of("id", AttributeValue.fromS("c1"))));
    assertThat(ireland.getItem(r -> r.tableName("carts").key(KEY)).hasItem()).isFalse();   // not there yet
    clock.advance(Duration.ofSeconds(1));                                                  // the default lag
    assertThat(ireland.getItem(r -> r.tableName("carts").key(KEY)).hasItem()).isTrue();

    virginia.updateGlobalTableSettings(r -> r.globalTableName("carts")                    // write capacity: every replica
        .globalTableBillingMode(BillingMode.PROVISIONED).globalTableProvisionedWriteCapacityUnits(10L));
    clock.advance(Duration.ZERO);
    assertThat(ireland.describeTable(r -> r.tableName("carts")).table().provisionedThroughput()
        .writeCapacityUnits()).isEqualTo(10L);
  }
}
