package dev.dynamodouble.core.auth;

import static dev.dynamodouble.core.auth.IamPolicySdkTest.policy;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Every operation, allowed and denied: one identity may do one action only (on any resource), so
 * each operation is refused, naming its action and resource, until that action is the one allowed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryOperationSdkTest {
  static final String ACCOUNT = "123456789012";
  static final String T = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/things";

  private DynamoDouble dynamo;
  private DynamoDbClient admin;
  private DynamoDbClient nobody;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().auth(AuthConfig.of(
        Identity.of("AKIDADMIN", "admin-secret", "arn:aws:iam::" + ACCOUNT + ":root"),
        Identity.of("AKIDNOBODY", "nobody-secret", "arn:aws:iam::" + ACCOUNT + ":user/nobody").withPolicy(policy("""
            {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}""", """
            {"Effect": "Deny", "Action": "dynamodb:*", "Resource": "*"}""")))).start();
    admin = AuthClients.client(dynamo, "AKIDADMIN", "admin-secret");
    nobody = AuthClients.client(dynamo, "AKIDNOBODY", "nobody-secret");
    admin.createTable(r -> r.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(p -> p.projectionType("ALL")))
        .vectorIndexes(v -> v.indexName("byV").dimensions(2L).distanceFunction("EUCLIDEAN")
            .vectorAttribute(a -> a.attributeName("emb")).projection(p -> p.projectionType("KEYS_ONLY"))));
  }

  @AfterAll
  void stop() {
    dynamo.close();
  }

  static Stream<Arguments> operations() {
    return Stream.of(
        op("CreateTable", "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/other", c -> c.createTable(r -> r
            .tableName("other").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S)))),
        op("DescribeTable", T, c -> c.describeTable(r -> r.tableName("things"))),
        op("UpdateTable", T, c -> c.updateTable(r -> r.tableName("things").deletionProtectionEnabled(false))),
        op("DeleteTable", T, c -> c.deleteTable(r -> r.tableName("things"))),
        op("ListTables", "*", DynamoDbClient::listTables),
        op("PutItem", T, c -> c.putItem(r -> r.tableName("things").item(item("pk", "1")))),
        op("GetItem", T, c -> c.getItem(r -> r.tableName("things").key(item("pk", "1")))),
        op("UpdateItem", T, c -> c.updateItem(r -> r.tableName("things").key(item("pk", "1")))),
        op("DeleteItem", T, c -> c.deleteItem(r -> r.tableName("things").key(item("pk", "1")))),
        op("Query", T + "/index/byG", c -> c.query(r -> r.tableName("things").indexName("byG")
            .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("x"))))),
        op("Scan", T, c -> c.scan(r -> r.tableName("things"))),
        op("SearchVectors", T + "/index/byV", c -> c.searchVectors(r -> r.tableName("things").indexName("byV")
            .topK(1).searchVector(AttributeValue.fromN("1"), AttributeValue.fromN("0")))),
        op("BatchGetItem", T, c -> c.batchGetItem(r -> r.requestItems(Map.of("things",
            KeysAndAttributes.builder().keys(item("pk", "1")).build())))),
        op("BatchWriteItem", T, c -> c.batchWriteItem(r -> r.requestItems(Map.of("things", List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", "2")).build()).build()))))),
        op("GetItem", T, c -> c.transactGetItems(r -> r.transactItems(
            TransactGetItem.builder().get(g -> g.tableName("things").key(item("pk", "1"))).build()))),
        op("UpdateItem", T, c -> c.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().update(u -> u.tableName("things").key(item("pk", "1"))
                .updateExpression("SET a = :a").expressionAttributeValues(Map.of(":a", s("x")))).build()))),
        op("TagResource", T, c -> c.tagResource(r -> r.resourceArn(T).tags(t -> t.key("k").value("v")))),
        op("ListTagsOfResource", T, c -> c.listTagsOfResource(r -> r.resourceArn(T))),
        op("UntagResource", T, c -> c.untagResource(r -> r.resourceArn(T).tagKeys("k"))),
        op("UpdateTimeToLive", T, c -> c.updateTimeToLive(r -> r.tableName("things")
            .timeToLiveSpecification(t -> t.attributeName("ttl").enabled(true)))),
        op("DescribeTimeToLive", T, c -> c.describeTimeToLive(r -> r.tableName("things"))),
        op("DescribeContinuousBackups", T, c -> c.describeContinuousBackups(r -> r.tableName("things"))),
        op("CreateBackup", T, c -> c.createBackup(r -> r.tableName("things").backupName("snap"))),
        op("ListBackups", "*", DynamoDbClient::listBackups),
        op("GetResourcePolicy", T, c -> c.getResourcePolicy(r -> r.resourceArn(T))),
        op("PutResourcePolicy", T, c -> c.putResourcePolicy(r -> r.resourceArn(T).policy(policy("""
            {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:user/x"}, "Action": "dynamodb:*",
             "Resource": "*"}""")))),
        op("DeleteResourcePolicy", T, c -> c.deleteResourcePolicy(r -> r.resourceArn(T))));
  }


  private static Arguments op(String action, String resource, Consumer<DynamoDbClient> call) {
    return Arguments.of(action, resource, call);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("operations")
  void deniedNamingItsActionAndResourceThenAllowed(String action, String resource, Consumer<DynamoDbClient> call) {
    assertError(() -> call.accept(nobody), "AccessDeniedException", "User: arn:aws:iam::" + ACCOUNT
        + ":user/nobody is not authorized to perform: dynamodb:" + action + " on resource: " + resource
        + " with an explicit deny in an identity-based policy");
    Identity only = Identity.of("AKIDONLY", "only-secret", "arn:aws:iam::" + ACCOUNT + ":user/only")
        .withPolicy(policy("{\"Effect\": \"Allow\", \"Action\": \"dynamodb:" + action + "\", \"Resource\": \"*\"}"));
    try (DynamoDouble allowed = DynamoDouble.builder().auth(AuthConfig.of(only)).start();
         DynamoDbClient client = AuthClients.client(allowed, "AKIDONLY", "only-secret")) {
      try {
        call.accept(client);
      } catch (DynamoDbException e) { // past authorization: the table does not exist there, and so on
        assertThat(e.awsErrorDetails().errorCode()).isNotEqualTo("AccessDeniedException");
      }
    }
  }
}
