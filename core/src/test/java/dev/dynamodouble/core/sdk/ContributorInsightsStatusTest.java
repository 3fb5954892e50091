package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.OnlineIndexTable.INDEX;
import static dev.dynamodouble.core.sdk.OnlineIndexTable.STATUS_DELAY;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * UpdateContributorInsights needs its table, and the global index it names, ACTIVE: the API
 * reference answers a resource whose "status might not be ACTIVE" with ResourceNotFoundException.
 * A table being created or updated, and an index being created (in either phase) or deleted, are
 * refused, ENABLE and DISABLE alike, and nothing changes; once ACTIVE, the same request is taken.
 */
class ContributorInsightsStatusTest {
  private final OnlineIndexTable table = OnlineIndexTable.provisioned();
  private final DynamoDbClient client = table.client;

  @AfterEach
  void stop() {
    table.close();
  }

  private static String notActive(String kind, String name, String status) {
    return "Requested resource not found: " + kind + ": " + name + " is not ACTIVE (" + status + ")";
  }

  private ContributorInsightsStatus enable(String tableName, String index) {
    return client.updateContributorInsights(r -> r.tableName(tableName).indexName(index)
        .contributorInsightsAction(ContributorInsightsAction.ENABLE)).contributorInsightsStatus();
  }

  private ContributorInsightsStatus described(String tableName, String index) {
    return client.describeContributorInsights(r -> r.tableName(tableName).indexName(index))
        .contributorInsightsStatus();
  }

  @Test
  void aTableStillBeingCreatedIsRefusedUntilItIsActive() {
    SdkTestSupport.createTable(client, "fresh", "pk", null);
    assertNotFound(() -> enable("fresh", null), notActive("Table", "fresh", "CREATING"));
    assertNotFound(() -> client.updateContributorInsights(r -> r.tableName("fresh")
        .contributorInsightsAction(ContributorInsightsAction.DISABLE)), notActive("Table", "fresh", "CREATING"));
    assertThat(described("fresh", null)).isEqualTo(ContributorInsightsStatus.DISABLED);

    table.clock.advance(STATUS_DELAY);
    assertThat(enable("fresh", null)).isEqualTo(ContributorInsightsStatus.ENABLING);
    assertThat(described("fresh", null)).isEqualTo(ContributorInsightsStatus.ENABLED);
  }

  @Test
  void aTableBeingUpdatedIsRefusedUntilItIsActiveAgain() {
    client.updateTable(r -> r.tableName("orders").provisionedThroughput(t -> t.readCapacityUnits(9L)
        .writeCapacityUnits(9L)));
    assertNotFound(() -> enable("orders", null), notActive("Table", "orders", "UPDATING"));

    table.clock.advance(STATUS_DELAY);
    assertThat(enable("orders", null)).isEqualTo(ContributorInsightsStatus.ENABLING);
  }

  @Test
  void anIndexBeingCreatedIsRefusedInBothPhasesItsTableOnceActiveAgain() {
    table.addIndex(); // allocating: the table is UPDATING, and refused first
    assertNotFound(() -> enable("orders", INDEX), notActive("Table", "orders", "UPDATING"));

    table.startBackfill(); // the table ACTIVE again, the index still CREATING
    assertThat(enable("orders", null)).isEqualTo(ContributorInsightsStatus.ENABLING);
    assertNotFound(() -> enable("orders", INDEX), notActive("Index", INDEX, "CREATING"));
    assertThat(described("orders", INDEX)).isEqualTo(ContributorInsightsStatus.DISABLED);

    table.activate();
    assertThat(enable("orders", INDEX)).isEqualTo(ContributorInsightsStatus.ENABLING);
    assertThat(described("orders", INDEX)).isEqualTo(ContributorInsightsStatus.ENABLED);
  }

  @Test
  void anIndexBeingDeletedIsRefusedWhereItsTableIsActive() {
    table.addIndex();
    table.startBackfill();
    table.activate();
    try (DynamoDbClient west = table.addReplica()) {
      table.deleteIndex(west); // DELETING in both replicas; us-east-1's table stays ACTIVE
      assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(table.describeIndex().indexStatus()).isEqualTo(IndexStatus.DELETING);
      assertNotFound(() -> client.updateContributorInsights(r -> r.tableName("orders").indexName(INDEX)
          .contributorInsightsAction(ContributorInsightsAction.DISABLE)), notActive("Index", INDEX, "DELETING"));
    }
  }
}
