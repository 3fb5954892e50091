package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.OnlineVectorIndexTable.vector;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndex;

/** With the default status delay of zero, a vector index is ACTIVE by the next request however it was created. */
class VectorIndexDefaultDelayTest {
  private static final VectorIndex INDEX = VectorIndex.builder().indexName("vec").dimensions(2L)
      .distanceFunction(VectorDistanceFunction.EUCLIDEAN).vectorAttribute(a -> a.attributeName("emb"))
      .projection(p -> p.projectionType(ProjectionType.ALL)).build();

  @Test
  void anIndexCreatedWithItsTableIsActiveByTheNextRequest() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      TableDescription created = client.createTable(r -> r.tableName("docs").billingMode("PAY_PER_REQUEST")
          .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S)).vectorIndexes(INDEX))
          .tableDescription();
      assertThat(created.vectorIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
      assertSearchable(client);
    }
  }

  @Test
  void anIndexAddedOnlineIsActiveByTheNextRequest() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "docs", "pk", null);
      TableDescription answer = client.updateTable(r -> r.tableName("docs")
          .vectorIndexUpdates(u -> u.create(c -> c.indexName(INDEX.indexName()).dimensions(INDEX.dimensions())
              .distanceFunction(INDEX.distanceFunction()).vectorAttribute(INDEX.vectorAttribute())
              .projection(INDEX.projection())))).tableDescription();
      assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
      assertSearchable(client);
    }
  }

  private static void assertSearchable(DynamoDbClient client) {
    TableDescription table = client.describeTable(r -> r.tableName("docs")).table();
    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(table.vectorIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(table.vectorIndexes().get(0).backfilling()).isNull();
    client.putItem(r -> r.tableName("docs").item(item("pk", "p", "emb", vector(3, 4))));
    assertThat(client.searchVectors(r -> r.tableName("docs").indexName("vec").topK(1).searchVector(vector(0, 0).l()))
        .searchResults()).hasSize(1);
  }
}
