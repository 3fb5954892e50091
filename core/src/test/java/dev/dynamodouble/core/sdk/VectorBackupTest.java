package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndex;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexInfo;

/**
 * Vector indexes through on-demand backups and restores, over the SDK: a backup records their
 * definitions (DescribeBackup's SourceTableFeatureDetails.VectorIndexes), a restore from a backup
 * or to a point in time keeps them and SearchVectors answers on the new table, VectorIndexOverride
 * keeps only (and may rename) indexes of the source, and a bad override creates no table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorBackupTest {
  private static final Duration DELAY = Duration.ofSeconds(5);
  private static final VectorIndex BY_COS = VectorIndex.builder().indexName("byCos").dimensions(2L)
      .distanceFunction(VectorDistanceFunction.COSINE).vectorAttribute(v -> v.attributeName("emb"))
      .searchSchema(k -> k.attributeName("cat").searchSchemaElementType(SearchSchemaElementType.HASH),
          k -> k.attributeName("lang").searchSchemaElementType(SearchSchemaElementType.INLINE_FILTER))
      .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build();
  private static final VectorIndex BY_EUC = VectorIndex.builder().indexName("byEuc").dimensions(2L)
      .distanceFunction(VectorDistanceFunction.EUCLIDEAN).vectorAttribute(v -> v.attributeName("emb"))
      .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("title")).build();
  private ManualClock clock;
  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private String backupArn;

  @BeforeAll
  void start() {
    clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    dynamo = DynamoDouble.builder().clock(clock).statusDelay(DELAY).start();
    client = SdkTestSupport.client(dynamo);
    createVectorTable("docs");
    clock.advance(DELAY);
    client.updateContinuousBackups(r -> r.tableName("docs")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    put("docs", "a", "x", "en", 1, 0);
    put("docs", "b", "x", "fr", 0, 1);
    put("docs", "c", "x", "en", 1, 2);
    put("docs", "d", "y", "en", -2, 0);
    put("docs", "e", "x", "en", 3, 4);
    backupArn = client.createBackup(r -> r.tableName("docs").backupName("withVectors")).backupDetails().backupArn();
    clock.advance(Duration.ofMinutes(10)); // the items are inside the PITR window's latest restorable time
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  private void createVectorTable(String name) {
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("cat", ScalarAttributeType.S),
            attr("lang", ScalarAttributeType.S))
        .vectorIndexes(BY_COS, BY_EUC));
  }

  private void put(String table, String pk, String cat, String lang, double x, double y) {
    client.putItem(r -> r.tableName(table).item(Map.of("pk", s(pk), "cat", s(cat), "lang", s(lang),
        "title", s("title " + pk), "emb", vector(x, y))));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue vector(double... values) {
    return AttributeValue.fromL(Arrays.stream(values).mapToObj(v -> AttributeValue.fromN(
        BigDecimal.valueOf(v).stripTrailingZeros().toPlainString())).toList());
  }

  /** The keys SearchVectors answers on {@code table}'s {@code index} for the query (1, 0), nearest first. */
  private List<String> nearest(String table, String index, boolean catX) {
    return client.searchVectors(r -> {
      r.tableName(table).indexName(index).topK(10).searchVector(vector(1, 0).l());
      if (catX) {
        r.searchConditionExpression("cat = :c").expressionAttributeValues(Map.of(":c", s("x")));
      }
    }).searchResults().stream().map(item -> item.item().get("pk").s()).toList();
  }

  private static List<String> names(TableDescription table) {
    return table.vectorIndexes().stream().map(VectorIndexDescription::indexName).toList();
  }

  private static List<String> definitions(TableDescription table) {
    return table.attributeDefinitions().stream().map(AttributeDefinition::attributeName).toList();
  }

  @Test
  void aBackupRecordsTheVectorIndexesAndARestoreFromItKeepsThemSearchable() {
    List<VectorIndexInfo> recorded = client.describeBackup(r -> r.backupArn(backupArn)).backupDescription()
        .sourceTableFeatureDetails().vectorIndexes();
    assertThat(recorded).extracting(VectorIndexInfo::indexName).containsExactly("byCos", "byEuc");
    assertThat(recorded.get(0)).satisfies(cos -> {
      assertThat(cos.dimensions()).isEqualTo(2L);
      assertThat(cos.distanceFunction()).isEqualTo(VectorDistanceFunction.COSINE);
      assertThat(cos.vectorAttribute().attributeName()).isEqualTo("emb");
      assertThat(cos.searchSchema()).isEqualTo(BY_COS.searchSchema());
      assertThat(cos.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    });
    assertThat(recorded.get(1).projection()).isEqualTo(BY_EUC.projection());
    assertThat(recorded.get(1).hasSearchSchema()).isFalse();

    TableDescription restoring = client.restoreTableFromBackup(r -> r.backupArn(backupArn)
        .targetTableName("fromBackup")).tableDescription();
    assertThat(names(restoring)).containsExactly("byCos", "byEuc");
    assertThat(restoring.vectorIndexes()).allSatisfy(index ->
        assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE)); // as the restored GSIs are
    assertThat(definitions(restoring)).containsExactlyInAnyOrder("pk", "cat", "lang");
    clock.advance(DELAY);
    assertThat(nearest("fromBackup", "byCos", true)).containsExactly("a", "e", "c", "b");
    assertThat(nearest("fromBackup", "byEuc", false)).containsExactly("a", "b", "c", "d", "e");
    assertThat(client.describeTable(r -> r.tableName("fromBackup")).table().vectorIndexes())
        .filteredOn(index -> index.indexName().equals("byEuc")).singleElement()
        .satisfies(index -> assertThat(index.itemCount()).isEqualTo(5));
  }

  @Test
  void aPointInTimeRestoreKeepsTheSourcesVectorIndexes() {
    TableDescription restoring = client.restoreTableToPointInTime(r -> r.sourceTableName("docs")
        .targetTableName("fromPitr").useLatestRestorableTime(true)).tableDescription();
    assertThat(names(restoring)).containsExactly("byCos", "byEuc");
    clock.advance(DELAY);
    assertThat(nearest("fromPitr", "byCos", true)).containsExactly("a", "e", "c", "b");
    assertThat(nearest("fromPitr", "byEuc", false)).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void vectorIndexOverrideKeepsOnlyTheListedIndexesUnderTheNamesItGives() {
    TableDescription renamed = client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("onlyCos")
        .vectorIndexOverride(BY_COS.toBuilder().indexName("cosine").build())).tableDescription();
    assertThat(names(renamed)).containsExactly("cosine");
    assertThat(definitions(renamed)).containsExactlyInAnyOrder("pk", "cat", "lang");
    clock.advance(DELAY); // the backup is in use until that restore is done
    TableDescription euclidean = client.restoreTableToPointInTime(r -> r.sourceTableName("docs")
        .targetTableName("onlyEuc").useLatestRestorableTime(true).vectorIndexOverride(BY_EUC)).tableDescription();
    assertThat(names(euclidean)).containsExactly("byEuc");
    assertThat(definitions(euclidean)).containsExactly("pk"); // the search schema's definitions go with its index
    TableDescription none = client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("noVectors")
        .vectorIndexOverride(List.of())).tableDescription();
    assertThat(none.vectorIndexes()).isEmpty();
    clock.advance(DELAY);

    assertThat(nearest("onlyCos", "cosine", true)).containsExactly("a", "e", "c", "b");
    assertValidation(() -> nearest("onlyCos", "byEuc", false), "The table does not have the specified index: byEuc");
    assertThat(nearest("onlyEuc", "byEuc", false)).containsExactly("a", "b", "c", "d", "e");
    assertValidation(() -> nearest("noVectors", "byCos", true), "The table does not have the specified index: byCos");
    assertThat(client.scan(r -> r.tableName("noVectors")).count()).isEqualTo(5);
  }

  @Test
  void aBadVectorIndexOverrideCreatesNoTable() {
    assertValidation(() -> client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("bad1")
            .vectorIndexOverride(BY_COS.toBuilder().dimensions(3L).build())),
        "Invalid Request: Vector index byCos does not match a vector index that existed in the source table and "
            + "cannot be created during the restore operation");
    assertValidation(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("docs").targetTableName("bad2")
            .useLatestRestorableTime(true).vectorIndexOverride(BY_EUC.toBuilder().dimensions(0L).build())),
        "1 validation error detected: Value '0' at 'vectorIndexOverride.1.member.dimensions' failed to satisfy "
            + "constraint: Member must have value greater than or equal to 1");
    assertValidation(() -> client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("bad3")
            .vectorIndexOverride(BY_COS.toBuilder().indexName("same").build(),
                BY_EUC.toBuilder().indexName("same").build())),
        "One or more parameter values were invalid: Duplicate index name: same");
    assertValidation(() -> client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("bad4")
            .vectorIndexOverride(BY_EUC, BY_EUC)),
        "Invalid Request: Vector index byEuc does not match a vector index that existed in the source table and "
            + "cannot be created during the restore operation"); // an index of the source is kept once
    assertValidation(() -> client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("bad5")
            .billingModeOverride(BillingMode.PROVISIONED)
            .provisionedThroughputOverride(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))),
        "One or more parameter values were invalid: Vector indexes are only supported on tables with BillingMode "
            + "PAY_PER_REQUEST");
    assertThat(client.listTables().tableNames()).doesNotContain("bad1", "bad2", "bad3", "bad4", "bad5");
    // without its vector indexes, a provisioned restore is fine
    TableDescription provisioned = client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("prov")
        .billingModeOverride(BillingMode.PROVISIONED).vectorIndexOverride(List.of())
        .provisionedThroughputOverride(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))).tableDescription();
    assertThat(provisioned.vectorIndexes()).isEmpty();
    clock.advance(DELAY); // the backup is free again for the other tests
  }

  @Test
  void theSystemBackupOfADeletedTableKeepsItsVectorIndexes() {
    createVectorTable("doomed");
    clock.advance(DELAY);
    client.updateContinuousBackups(r -> r.tableName("doomed")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    put("doomed", "a", "x", "en", 1, 0);
    client.deleteTable(r -> r.tableName("doomed"));
    String system = client.listBackups(r -> r.backupType(BackupTypeFilter.SYSTEM).tableName("doomed"))
        .backupSummaries().get(0).backupArn();
    TableDescription restored = client.restoreTableFromBackup(r -> r.backupArn(system).targetTableName("revived"))
        .tableDescription();
    assertThat(names(restored)).containsExactly("byCos", "byEuc");
    clock.advance(DELAY);
    assertThat(nearest("revived", "byCos", true)).containsExactly("a");
  }
}
