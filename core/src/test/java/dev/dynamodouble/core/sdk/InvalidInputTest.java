package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Bad input that once reached the engine as an internal error: each is DynamoDB's ValidationException. */
class InvalidInputTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
    client.createTable(r -> r.tableName("tbl").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
            attr("g", ScalarAttributeType.S), attr("l", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi").keySchema(hash("g")).projection(all).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi").keySchema(hash("pk"), range("l"))
            .projection(all).build()));
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("a"), "sk", s("1"), "g", s("x"), "l", s("y"))));
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @Test
  void aParallelScanStartKeyWithoutTheKeyAttributes() {
    String message = "The provided starting key is invalid: The provided key element does not match the schema";
    for (String index : new String[] {null, "gsi", "lsi"}) {
      assertValidation(() -> client.scan(r -> r.tableName("tbl").indexName(index).segment(0).totalSegments(2)
          .exclusiveStartKey(Map.of())), message);
      assertValidation(() -> client.scan(r -> r.tableName("tbl").indexName(index).segment(1).totalSegments(2)
          .exclusiveStartKey(Map.of("sk", s("1")))), message);
    }
  }

  @Test
  void updateTableCreatingAnIndexWithABadAttributeTypeOrProjectionType() {
    assertValidation(() -> client.updateTable(r -> r.tableName("tbl")
            .attributeDefinitions(a -> a.attributeName("h").attributeType("X"))
            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byH").keySchema(hash("h"))
                .projection(p -> p.projectionType(ProjectionType.ALL))))),
        "1 validation error detected: Value 'X' at 'attributeDefinitions.1.member.attributeType' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [B, N, S]");
    assertValidation(() -> client.updateTable(r -> r.tableName("tbl")
            .attributeDefinitions(attr("h", ScalarAttributeType.S))
            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byH").keySchema(hash("h"))
                .projection(p -> p.projectionType("EVERYTHING"))))),
        "1 validation error detected: Value 'EVERYTHING' at "
            + "'globalSecondaryIndexUpdates.1.member.create.projection.projectionType' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [ALL, KEYS_ONLY, INCLUDE]");
    assertValidation(() -> client.updateTable(r -> r.tableName("tbl")
            .attributeDefinitions(a -> a.attributeName("h"))
            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byH").keySchema(hash("h"))
                .projection(p -> p.projectionType(ProjectionType.ALL))))),
        "1 validation error detected: Value null at 'attributeDefinitions.1.member.attributeType' failed to satisfy "
            + "constraint: Member must not be null");
  }

  @Test
  void streamViewTypeAndSseTypeAreEnums() {
    assertValidation(() -> client.updateTable(r -> r.tableName("tbl")
            .streamSpecification(s -> s.streamEnabled(true).streamViewType("ALL"))),
        "1 validation error detected: Value 'ALL' at 'streamSpecification.streamViewType' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
    assertValidation(() -> client.updateTable(r -> r.tableName("tbl")
            .sseSpecification(s -> s.enabled(true).sseType("DES"))),
        "1 validation error detected: Value 'DES' at 'sSESpecification.sSEType' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [AES256, KMS]");
  }
}
