package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SearchResultItem;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexDescription;

/**
 * As OnlineIndexTable, for a vector index: the on-demand table "docs" (partition key pk) and the
 * vector index "vec" (vector attribute emb, 2 dimensions, euclidean, search schema HASH grp, a
 * number) to add to it online, through the phases of {@link PhasedIndexTable}.
 */
final class OnlineVectorIndexTable extends PhasedIndexTable {
  static final String INDEX = "vec";
  /** What a write of a 3-dimension vector is refused with while the index exists. */
  static final String DIMENSIONS = "One or more parameter values were invalid: Vector dimensions mismatch for vector "
      + "attribute emb: expected 2, got 3. IndexName: vec";

  OnlineVectorIndexTable() {
    SdkTestSupport.createTable(client, "docs", "pk", null);
    clock.advance(STATUS_DELAY); // ACTIVE: no status task left due for a write to run or wait behind
  }

  /** A vector of numbers. */
  static AttributeValue vector(int... values) {
    return AttributeValue.fromL(Arrays.stream(values).mapToObj(v -> n(String.valueOf(v))).toList());
  }

  /** An item of group 1 with the vector {@code x, y}. */
  static Map<String, AttributeValue> doc(String pk, int x, int y) {
    return item("pk", pk, "grp", n("1"), "emb", vector(x, y));
  }

  /** Adds vec through UpdateTable and answers the table's description from the UpdateTable. */
  TableDescription addIndex() {
    return client.updateTable(r -> r.tableName("docs").attributeDefinitions(attr("grp", ScalarAttributeType.N))
        .vectorIndexUpdates(u -> u.create(c -> c.indexName(INDEX).dimensions(2L)
            .distanceFunction(VectorDistanceFunction.EUCLIDEAN).vectorAttribute(v -> v.attributeName("emb"))
            .searchSchema(k -> k.attributeName("grp").searchSchemaElementType(SearchSchemaElementType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))))).tableDescription();
  }

  /** Deletes vec through UpdateTable and answers the table's description from the UpdateTable. */
  TableDescription deleteIndex() {
    return client.updateTable(r -> r.tableName("docs").vectorIndexUpdates(u -> u.delete(d -> d.indexName(INDEX))))
        .tableDescription();
  }

  @Override
  void assertPhase(TableStatus tableStatus, IndexStatus status, Boolean backfilling) {
    TableDescription described = describe();
    assertThat(described.tableStatus()).isEqualTo(tableStatus);
    VectorIndexDescription index = described.vectorIndexes().get(0);
    assertThat(index.indexStatus()).isEqualTo(status);
    assertThat(index.backfilling()).isEqualTo(backfilling);
  }

  TableDescription describe() {
    return client.describeTable(r -> r.tableName("docs")).table();
  }

  /** The pk of vec's items nearest {@code (x, y)} in group 1. */
  List<String> search(int x, int y) {
    return client.searchVectors(r -> r.tableName("docs").indexName(INDEX).topK(10).searchVector(vector(x, y).l())
            .searchConditionExpression("grp = :g").expressionAttributeValues(Map.of(":g", n("1"))))
        .searchResults().stream().map(SearchResultItem::item).map(i -> i.get("pk").s()).toList();
  }

  void put(Map<String, AttributeValue> item) {
    client.putItem(r -> r.tableName("docs").item(item));
  }
}
