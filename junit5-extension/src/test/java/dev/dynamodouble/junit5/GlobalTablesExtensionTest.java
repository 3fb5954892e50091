package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Replicas declared on @DynamoTable, clients per region with @InRegion, and the per-test reset of both. */
class GlobalTablesExtensionTest {

  @Test
  void replicasClientsAndReset() {
    TestKit.assertAllPassed(TestKit.execute(Replicated.class));
  }

  @Test
  void faultRulesDriveReplication() {
    TestKit.assertAllPassed(TestKit.execute(Faulted.class));
  }

  @TestKitOnly
  @DynamoDoubleTest(clock = "2026-01-01T00:00:00Z")
  @DynamoTable(name = "carts", partitionKey = "id", replicas = "eu-west-1")
  static class Faulted {
    @Test
    @InjectFault(table = "carts", region = "eu-west-1", replicationLag = "5s")
    void aLaggingLink(DynamoDbClient home, @InRegion("eu-west-1") DynamoDbClient europe, ManualClock clock) {
      home.putItem(r -> r.tableName("carts").item(Map.of("id", AttributeValue.fromS("c1"))));
      clock.advance(Duration.ofSeconds(4));
      assertThat(europe.getItem(r -> r.tableName("carts").key(Replicated.key("c1"))).hasItem()).isFalse();
      clock.advance(Duration.ofSeconds(1));
      assertThat(europe.getItem(r -> r.tableName("carts").key(Replicated.key("c1"))).hasItem()).isTrue();
    }

    @Test
    @InjectFault(table = "carts", region = "eu-west-1", replicationPaused = true)
    void aPausedLink(DynamoDbClient home, @InRegion("eu-west-1") DynamoDbClient europe, ManualClock clock) {
      home.putItem(r -> r.tableName("carts").item(Map.of("id", AttributeValue.fromS("c1"))));
      clock.advance(Duration.ofMinutes(5));
      assertThat(europe.getItem(r -> r.tableName("carts").key(Replicated.key("c1"))).hasItem()).isFalse();
    }

    @Test
    void theRuleOfTheTestBeforeIsGone(DynamoDbClient home, @InRegion("eu-west-1") DynamoDbClient europe,
        ManualClock clock) {
      home.putItem(r -> r.tableName("carts").item(Map.of("id", AttributeValue.fromS("c2"))));
      clock.advance(Duration.ofSeconds(1));
      assertThat(europe.getItem(r -> r.tableName("carts").key(Replicated.key("c2"))).hasItem()).isTrue();
    }
  }

  @TestKitOnly
  @DynamoDoubleTest(clock = "2026-01-01T00:00:00Z")
  @DynamoTable(name = "carts", partitionKey = "id", replicas = {"eu-west-1", "ap-southeast-2"})
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Replicated {
    private static Map<String, AttributeValue> key(String id) {
      return Map.of("id", AttributeValue.fromS(id));
    }

    @Test
    @Order(1)
    void aWriteReachesTheReplicasAfterTheLag(DynamoDbClient home, @InRegion("eu-west-1") DynamoDbClient europe,
        @InRegion("ap-southeast-2") DynamoDbClient sydney, ManualClock clock, DynamoDouble dynamo) {
      home.putItem(r -> r.tableName("carts").item(Map.of("id", AttributeValue.fromS("c1"))));
      assertThat(europe.getItem(r -> r.tableName("carts").key(key("c1"))).hasItem()).isFalse();
      clock.advance(Duration.ofSeconds(1));
      assertThat(europe.getItem(r -> r.tableName("carts").key(key("c1"))).hasItem()).isTrue();
      dynamo.replication().pause("us-east-1", "ap-southeast-2");
      home.putItem(r -> r.tableName("carts").item(Map.of("id", AttributeValue.fromS("c2"))));
      clock.advance(Duration.ofSeconds(5));
      assertThat(sydney.getItem(r -> r.tableName("carts").key(key("c2"))).hasItem()).isFalse();
    }

    @Test
    @Order(2)
    void theResetCoversEveryReplicaAndTheQueue(@InRegion("eu-west-1") DynamoDbClient europe,
        @InRegion("ap-southeast-2") DynamoDbClient sydney, DynamoDouble dynamo) {
      assertThat(europe.scan(r -> r.tableName("carts")).count()).isZero();
      assertThat(sydney.scan(r -> r.tableName("carts")).count()).isZero();
      assertThat(dynamo.replication().pending()).isZero();
      assertThat(dynamo.replication().isPaused("us-east-1", "ap-southeast-2")).isFalse();
    }
  }
}
