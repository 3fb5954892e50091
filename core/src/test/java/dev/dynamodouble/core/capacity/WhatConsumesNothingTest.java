package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * README "Capacity and throttling", what consumes nothing: TTL deletions, GSI backfill and restores
 * leave the buckets and counts of every table and index as they were.
 */
class WhatConsumesNothingTest extends ManualEndpointTest {
  private static final int ITEMS = 20;

  @BeforeEach
  void tableOfTwentyItemsThatExpireInAnHour() {
    endpoint.createProvisioned("tbl", 1, 1);
    long inAnHour = clock.now().plus(Duration.ofHours(1)).getEpochSecond();
    dynamo.capacity().unmetered(() -> {
      for (int i = 0; i < ITEMS; i++) {
        String key = "k" + i;
        client.putItem(r -> r.tableName("tbl").item(item("pk", key, "status", "NEW",
            "expiresAt", n(Long.toString(inAnHour)))));
      }
    });
  }

  @Test
  void ttlDeletionsConsumeNoWriteCapacity() {
    client.updateTimeToLive(r -> r.tableName("tbl").timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt")));
    clock.advance(Duration.ofHours(2));

    assertThat(client.scan(r -> r.tableName("tbl")).count()).isZero();
    ThroughputUsage usage = endpoint.usage("tbl");
    assertThat(usage.consumedWrite()).isZero();
    assertThat(usage.admittedWrites()).isZero();
  }

  @Test
  void aNewIndexBackfillsWithoutConsumingItsWriteCapacity() {
    client.updateTable(r -> r.attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("status", ScalarAttributeType.S))
        .tableName("tbl").globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
            .indexName("byStatus").keySchema(hash("status")).projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))).build()));
    clock.advance(Duration.ofMinutes(1));

    assertThat(client.query(r -> r.tableName("tbl").indexName("byStatus").keyConditionExpression("#s = :s")
        .expressionAttributeNames(java.util.Map.of("#s", "status"))
        .expressionAttributeValues(item(":s", "NEW"))).count()).isEqualTo(ITEMS);
    assertThat(dynamo.capacity().usage("tbl", "byStatus").consumedWrite()).isZero();
  }

  @Test
  void aRestoredTableStartsWithNothingConsumed() {
    String backup = client.createBackup(r -> r.tableName("tbl").backupName("before")).backupDetails().backupArn();
    client.restoreTableFromBackup(r -> r.backupArn(backup).targetTableName("copy"));
    clock.advance(Duration.ofMinutes(1));

    assertThat(client.scan(r -> r.tableName("copy").consistentRead(true)).count()).isEqualTo(ITEMS);
    assertThat(endpoint.usage("copy").consumedWrite()).isZero();
    assertThat(endpoint.usage("tbl").consumedWrite()).isZero();
  }
}
