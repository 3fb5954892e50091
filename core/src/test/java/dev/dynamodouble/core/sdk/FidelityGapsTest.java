package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.repeat;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** Smaller differences from DynamoDB, each through the SDK (or raw JSON where the SDK cannot send it). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FidelityGapsTest {
  private static final String L = "\"L\":[{\"S\":\"x\"}]";
  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private String arn;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().clock(DynamoClock.manual(Instant.parse("2025-12-01T00:00:00Z"))).start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("gaps").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g"))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
    arn = client.describeTable(r -> r.tableName("gaps")).table().tableArn();
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  void anotherAccountsTableArnIsAccessDenied() {
    String foreign = arn.replace(":000000000000:", ":111122223333:");
    assertError(() -> client.listTagsOfResource(r -> r.resourceArn(foreign)), "AccessDeniedException",
        "User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:ListTagsOfResource on resource: "
            + foreign + " because no resource-based policy allows the dynamodb:ListTagsOfResource action");
  }

  @Test
  void tagKeysAndValuesTakeOnlyTagCharacters() {
    client.tagResource(r -> r.resourceArn(arn).tags(tag("team name_1.a:b/c=d+e-f@g", "é 1")));
    assertValidation(() -> client.tagResource(r -> r.resourceArn(arn).tags(tag("->>;-)])", "ok"))),
        "The Tag Key provided is invalid, Key: ->>;-)])");
    assertValidation(() -> client.tagResource(r -> r.resourceArn(arn).tags(tag("ok", "#!%"))),
        "The Tag Value provided is invalid, Value: #!%");
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  @Test
  void emptyAttributeNamesAreRefused() {
    assertValidation(() -> client.putItem(r -> r.tableName("gaps").item(item("pk", s("1"), "", s("x")))),
        "Empty attribute name");
    assertValidation(() -> client.getItem(r -> r.tableName("gaps").key(item("pk", s("1"))).attributesToGet("")),
        "Empty attribute name");
    assertValidation(() -> client.getItem(r -> r.tableName("gaps").key(item("pk", s("1")))
            .projectionExpression("#a").expressionAttributeNames(Map.of("#a", ""))),
        "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a");
  }

  @Test
  void oneUpdatePerGlobalIndexInOneRequest() {
    assertValidation(() -> client.updateTable(r -> r.tableName("gaps")
            .attributeDefinitions(attr("g", ScalarAttributeType.S))
            .globalSecondaryIndexUpdates(
                u -> u.create(c -> c.indexName("byG").keySchema(hash("g"))
                    .projection(p -> p.projectionType(ProjectionType.ALL))),
                u -> u.delete(d -> d.indexName("byG")))),
        "Only one global secondary index update per index is allowed simultaneously.");
  }

  @Test
  void aNewIndexsKeysMustBeDefinedByTheRequest() {
    assertValidation(() -> client.updateTable(r -> r.tableName("gaps")
            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byPkUndefined").keySchema(hash("pk"))
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))),
        "Invalid KeySchema: Some index key attribute have no definition");
    assertValidation(() -> client.updateTable(r -> r.tableName("gaps")
            .attributeDefinitions(attr("other", ScalarAttributeType.S))
            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byPkUndefined").keySchema(hash("pk"))
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))),
        "One or more parameter values were invalid: Some index key attributes are not defined in "
            + "AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]");
  }

  @Test
  void aRedeclaredTypeIsIgnoredAndTheTablesTypeKept() {
    client.updateTable(r -> r.tableName("gaps")
        .attributeDefinitions(attr("pk", ScalarAttributeType.N))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byPk").keySchema(hash("pk"))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
    assertThat(client.describeTable(r -> r.tableName("gaps")).table().attributeDefinitions())
        .contains(attr("pk", ScalarAttributeType.S));
    dynamo.clock().advance(java.time.Duration.ofMinutes(10));
    client.updateTable(r -> r.tableName("gaps").globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byPk"))));
  }

  @Test
  void listAppendOnlyAsAWholeSetValue() {
    String misused = "Invalid UpdateExpression: The function is not allowed to be used this way in an expression; "
        + "function: list_append";
    Map<String, AttributeValue> list = Map.of(":a", AttributeValue.fromL(List.of(s("x"))),
        ":n", AttributeValue.fromN("1"));
    for (String expression : List.of("SET l = list_append(list_append(:a, :a), :a)",
        "SET l = if_not_exists(l, list_append(:a, :a))", "SET n = list_append(:a, :a) + :n")) {
      assertValidation(() -> client.updateItem(r -> r.tableName("gaps").key(item("pk", s("1")))
          .updateExpression(expression).expressionAttributeValues(used(list, expression))), misused);
    }
    client.updateItem(r -> r.tableName("gaps").key(item("pk", s("1")))
        .updateExpression("SET l = list_append(if_not_exists(l, :a), :a)")
        .expressionAttributeValues(Map.of(":a", AttributeValue.fromL(List.of(s("x"))))));
  }

  private static Map<String, AttributeValue> used(Map<String, AttributeValue> values, String expression) {
    Map<String, AttributeValue> used = new java.util.HashMap<>();
    values.forEach((k, v) -> {
      if (expression.contains(k)) {
        used.put(k, v);
      }
    });
    return used;
  }

  @Test
  void anAttributeDefinitionNameOver255IsAMemberConstraint() {
    String name = repeat('k', 256);
    assertValidation(() -> client.createTable(r -> r.tableName("longName").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(hash("pk")).attributeDefinitions(attr(name, ScalarAttributeType.S))),
        "1 validation error detected: Value '" + name + "' at 'attributeDefinitions.1.member.attributeName' failed "
            + "to satisfy constraint: Member must have length less than or equal to 255");
  }

  @Test
  void membersNotBuiltOrNotKnownAreRefusedNotDropped() {
    assertValidation(() -> client.createTable(r -> r.tableName("fromSource").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
            .globalTableSourceArn(arn)),
        "CreateTable's GlobalTableSourceArn is not supported by Dynamo Double yet: creating a replica from a source "
            + "table's ARN is not built; use UpdateTable ReplicaUpdates");
    assertThat(client.listTables().tableNames()).doesNotContain("fromSource");
    RawClient.Response response = new RawClient(dynamo).call("GetItem",
        "{\"TableName\":\"gaps\",\"Key\":{\"pk\":{\"S\":\"1\"}},\"ReadFromTheFuture\":true}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("ValidationException");
    assertThat(response.message()).isEqualTo("Unknown member ReadFromTheFuture in a GetItem request: Dynamo Double "
        + "refuses members it does not know rather than ignore them (the API as of AWS SDK for Java 2.59)");
  }

  @Test
  void whatAwsSdk259AddedAndIsNotBuiltIsRefusedByName() {
    String bulk = "is not supported by Dynamo Double yet: bulk operations (items put from S3) are not built";
    assertValidation(() -> client.startBulkPutItems(r -> r.tableName("gaps").clientToken("t")
        .inputS3Configuration(s3 -> s3.s3Bucket("b"))), "StartBulkPutItems " + bulk);
    assertValidation(() -> client.describeBulkOperation(r -> r.bulkOperationArn(arn + "/bulk-operation/1")),
        "DescribeBulkOperation " + bulk);
    assertValidation(() -> client.listBulkOperations(r -> r.maxResults(1)), "ListBulkOperations " + bulk);
    assertValidation(() -> client.cancelBulkOperation(r -> r.bulkOperationArn(arn + "/bulk-operation/1")),
        "CancelBulkOperation " + bulk);
    assertValidation(() -> client.updateTable(r -> r.tableName("gaps").disassociationProtectionEnabled(true)),
        "UpdateTable's DisassociationProtectionEnabled is not supported by Dynamo Double yet: disassociating a "
            + "global table's replicas is not built");
    assertValidation(() -> client.updateTable(r -> r.tableName("gaps").replicaUpdates(u -> u.disassociate(
            d -> d.regionName("eu-west-1")))),
        "ReplicaUpdates' Disassociate is not supported by Dynamo Double yet: disassociating a global table's "
            + "replicas is not built");
    // SearchVectors (2.59) is built: a table without vector indexes answers by name, not UnknownOperationException
    assertValidation(() -> client.searchVectors(r -> r.tableName("gaps").indexName("vec").topK(1)
            .searchVector(AttributeValue.fromN("1"))),
        "The table does not have the specified index: vec");
    assertThat(client.describeTable(r -> r.tableName("gaps")).table().replicas()).isEmpty();
  }
}
