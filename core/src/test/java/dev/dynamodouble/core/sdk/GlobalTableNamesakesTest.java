package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Tables are regional: a table named like a global table, in a region outside it, is a table of
 * its own. Turning it into a global table (UpdateTable ReplicaUpdates, version 2019.11.21) forms a
 * replica set from it alone, beside the other global table of that name, whether either is MRSC
 * or eventually consistent (MREC); a replica that would land on a region where a table of that
 * name exists is refused as DynamoDB refuses it, and nothing changes.
 */
class GlobalTableNamesakesTest {
  private static final String COLLISION = "Failed to create a the new replica of table with name: 'orders' "
      + "because one or more replicas already existed as tables.";

  private final ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private DynamoDouble dynamo;
  private DynamoDbClient east;
  private DynamoDbClient ohio;
  private DynamoDbClient ireland;
  private DynamoDbClient london;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().clock(clock).start();
    east = SdkTestSupport.client(dynamo, "us-east-1");
    ohio = SdkTestSupport.client(dynamo, "us-east-2");
    ireland = SdkTestSupport.client(dynamo, "eu-west-1");
    london = SdkTestSupport.client(dynamo, "eu-west-2");
    SdkTestSupport.createTable(east, "orders", "pk", null);
    SdkTestSupport.createTable(ireland, "orders", "pk", null);
    clock.advance(Duration.ZERO);
  }

  @AfterEach
  void stop() {
    east.close();
    ohio.close();
    ireland.close();
    london.close();
    dynamo.close();
  }

  /** The global table of us-east-1: with us-east-2 and us-west-2 (MRSC), or with us-east-2 alone. */
  private void eastGlobalTable(boolean strong) {
    if (strong) {
      east.updateTable(r -> r.tableName("orders").multiRegionConsistency("STRONG").replicaUpdates(
          u -> u.create(c -> c.regionName("us-east-2")), u -> u.create(c -> c.regionName("us-west-2"))));
    } else {
      east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("us-east-2"))));
    }
    clock.advance(Duration.ZERO);
  }

  private void irelandGlobalTable(boolean strong) {
    UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName("orders");
    if (strong) {
      request.multiRegionConsistency("STRONG").replicaUpdates(
          u -> u.create(c -> c.regionName("eu-west-2")), u -> u.create(c -> c.regionName("eu-west-3")));
    } else {
      request.replicaUpdates(u -> u.create(c -> c.regionName("eu-west-2")));
    }
    ireland.updateTable(request.build());
    clock.advance(Duration.ZERO);
  }

  @Test
  void aPlainTableBesideAnMrscGlobalTableFormsAnEventualGlobalTableOfItsOwn() {
    eastGlobalTable(true);
    irelandGlobalTable(false);

    assertGlobalTable(east, "STRONG", "us-east-2", "us-west-2");
    assertGlobalTable(ohio, "STRONG", "us-east-1", "us-west-2");
    assertGlobalTable(ireland, null, "eu-west-2");
    assertGlobalTable(london, null, "eu-west-1");
    assertWritesStayInTheirGlobalTable();
  }

  @Test
  void aPlainTableBesideAnMrscGlobalTableFormsAnMrscGlobalTableOfItsOwn() {
    eastGlobalTable(true);
    irelandGlobalTable(true);

    assertGlobalTable(east, "STRONG", "us-east-2", "us-west-2");
    assertGlobalTable(ireland, "STRONG", "eu-west-2", "eu-west-3");
    assertGlobalTable(london, "STRONG", "eu-west-1", "eu-west-3");
    assertWritesStayInTheirGlobalTable();

    // A write the one global table has in flight is no conflict for the other.
    dynamo.replication().pause("us-east-1", "us-east-2");
    put(east, "k", "east");
    put(ireland, "k", "ireland");
    put(london, "k", "london");
    assertThat(get(ireland, "k")).containsEntry("by", AttributeValue.fromS("london"));
    assertThat(get(east, "k")).containsEntry("by", AttributeValue.fromS("east"));
  }

  @Test
  void aPlainTableBesideAnEventualGlobalTableFormsOneOfItsOwn() {
    eastGlobalTable(false);
    irelandGlobalTable(false);

    assertGlobalTable(east, null, "us-east-2");
    assertGlobalTable(ohio, null, "us-east-1");
    assertGlobalTable(ireland, null, "eu-west-2");
    assertWritesStayInTheirGlobalTable();
  }

  @Test
  void anEventualGlobalTableBesideAnMrscOneStaysEventual() {
    irelandGlobalTable(false);
    eastGlobalTable(true);

    assertGlobalTable(ireland, null, "eu-west-2");
    assertGlobalTable(east, "STRONG", "us-east-2", "us-west-2");
    assertWritesStayInTheirGlobalTable();
  }

  @Test
  void aReplicaWhereATableOfThatNameIsIsRefused() {
    for (boolean strong : new boolean[] {true, false}) {
      eastGlobalTable(strong);
      assertValidation(() -> ireland.updateTable(r -> r.tableName("orders")
          .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")))), COLLISION);
      assertValidation(() -> ireland.updateTable(r -> r.tableName("orders").multiRegionConsistency("STRONG")
          .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-2")), u -> u.create(c -> c.regionName("us-east-2")))),
          COLLISION);
      assertThat(ireland.describeTable(r -> r.tableName("orders")).table().hasReplicas()).isFalse();
      assertThat(london.listTables().tableNames()).isEmpty();
      if (strong) {
        assertGlobalTable(east, "STRONG", "us-east-2", "us-west-2");
        east.updateTable(r -> r.tableName("orders").replicaUpdates(
            u -> u.delete(d -> d.regionName("us-east-2")), u -> u.delete(d -> d.regionName("us-west-2"))));
        clock.advance(Duration.ZERO);
      } else {
        assertGlobalTable(east, null, "us-east-2");
      }
    }
  }

  @Test
  void aChangeOnItsWayToADeletedReplicaDoesNotReachTheNextTableOfThatName() {
    eastGlobalTable(false);
    dynamo.replication().lag("us-east-1", "us-east-2", Duration.ofSeconds(10));
    put(east, "late", "east");
    east.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.delete(d -> d.regionName("us-east-2"))));
    clock.advance(Duration.ZERO);
    assertThat(ohio.listTables().tableNames()).isEmpty();

    SdkTestSupport.createTable(ohio, "orders", "pk", null);
    clock.advance(Duration.ZERO);
    ohio.updateTable(r -> r.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-2"))));
    clock.advance(Duration.ofSeconds(10));

    assertThat(get(ohio, "late")).isNull();
    assertThat(get(london, "late")).isNull();
    assertGlobalTable(ohio, null, "eu-west-2");
    assertThat(east.describeTable(r -> r.tableName("orders")).table().hasReplicas()).isFalse();
  }

  @Test
  void aResetPutsBackEachGlobalTableOfTheName() {
    eastGlobalTable(true);
    var before = dynamo.engine().snapshot();
    irelandGlobalTable(true);
    dynamo.engine().restore(before);

    assertGlobalTable(east, "STRONG", "us-east-2", "us-west-2");
    assertThat(ireland.describeTable(r -> r.tableName("orders")).table().hasReplicas()).isFalse();
    assertThat(london.listTables().tableNames()).isEmpty();
    irelandGlobalTable(false);
    assertGlobalTable(ireland, null, "eu-west-2");
    assertWritesStayInTheirGlobalTable();
  }

  /** Writes reach the replicas of their own global table only. */
  private void assertWritesStayInTheirGlobalTable() {
    put(east, "e", "east");
    put(ireland, "i", "ireland");
    clock.advance(Duration.ofSeconds(2));
    assertThat(get(ohio, "e")).isNotNull();
    assertThat(get(london, "i")).isNotNull();
    assertThat(get(ireland, "e")).isNull();
    assertThat(get(london, "e")).isNull();
    assertThat(get(east, "i")).isNull();
    assertThat(get(ohio, "i")).isNull();
  }

  private static void assertGlobalTable(DynamoDbClient client, String consistency, String... others) {
    TableDescription table = client.describeTable(r -> r.tableName("orders")).table();
    assertThat(table.multiRegionConsistencyAsString()).isEqualTo(consistency);
    assertThat(table.replicas()).extracting(ReplicaDescription::regionName).containsExactlyInAnyOrder(others);
  }

  private static void put(DynamoDbClient client, String pk, String by) {
    client.putItem(r -> r.tableName("orders").item(item("pk", pk, "by", by)));
  }

  private static Map<String, AttributeValue> get(DynamoDbClient client, String pk) {
    return SdkTestSupport.consistentItem(client, "orders", item("pk", pk));
  }
}
