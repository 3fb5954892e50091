package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReplicatedWriteConflictException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** An MRSC global table declared on @DynamoTable (strongConsistency, witness), and the per-test reset of it. */
class StrongConsistencyExtensionTest {

  @Test
  void strongReplicasWitnessAndReset() {
    TestKit.assertAllPassed(TestKit.execute(Strong.class));
  }

  @TestKitOnly
  @DynamoDoubleTest(clock = "2026-01-01T00:00:00Z")
  @DynamoTable(name = "accounts", partitionKey = "id", replicas = "us-east-2", strongConsistency = true,
      witness = "us-west-2")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Strong {
    private static Map<String, AttributeValue> key(String id) {
      return Map.of("id", AttributeValue.fromS(id));
    }

    @Test
    @Order(1)
    void aWriteIsReadStronglyInTheOtherRegionAtOnce(DynamoDbClient home, @InRegion("us-east-2") DynamoDbClient ohio,
        DynamoDouble dynamo) {
      TableDescription table = ohio.describeTable(r -> r.tableName("accounts")).table();
      assertThat(table.multiRegionConsistencyAsString()).isEqualTo("STRONG");
      assertThat(table.globalTableWitnesses()).singleElement().satisfies(w -> assertThat(w.regionName()).isEqualTo("us-west-2"));
      home.putItem(r -> r.tableName("accounts").item(key("a1")));
      assertThat(ohio.getItem(r -> r.tableName("accounts").key(key("a1")).consistentRead(true)).hasItem()).isTrue();

      dynamo.replication().pause("us-east-1", "us-east-2");
      home.putItem(r -> r.tableName("accounts").item(key("a2")));
      assertThat(catchThrowableOfType(ReplicatedWriteConflictException.class,
          () -> ohio.deleteItem(r -> r.tableName("accounts").key(key("a2"))))).isNotNull();
    }

    @Test
    @Order(2)
    void theResetCoversTheReplicasAndWhatWasInFlight(@InRegion("us-east-2") DynamoDbClient ohio, DynamoDouble dynamo) {
      assertThat(ohio.scan(r -> r.tableName("accounts")).count()).isZero();
      assertThat(dynamo.replication().pending()).isZero();
      ohio.putItem(r -> r.tableName("accounts").item(key("a2"))); // no conflict left over
      TableDescription table = ohio.describeTable(r -> r.tableName("accounts")).table();
      assertThat(table.multiRegionConsistencyAsString()).isEqualTo("STRONG");
    }
  }
}
