package dev.dynamodouble.core.auth;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.createTable;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** IAM identity policies through the SDK: each operation allowed and denied, LeadingKeys per tenant, attributes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamPolicySdkTest {
  static final String ACCOUNT = "123456789012";
  static final String ORDERS = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders";
  static final String AUDIT = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/audit";

  private DynamoDouble dynamo;
  private DynamoDbClient admin;

  static String policy(String... statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}";
  }

  static Identity role(String name) {
    return Identity.of("AKID" + name.toUpperCase().replace("-", ""), name + "-secret",
        "arn:aws:iam::" + ACCOUNT + ":role/" + name);
  }

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().auth(AuthConfig.of(
        Identity.of("AKIDADMIN", "admin-secret", "arn:aws:iam::" + ACCOUNT + ":root"),
        role("tenant-a").withPolicy(policy("""
            {"Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
               "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
               "dynamodb:ConditionCheckItem"],
             "Resource": "arn:aws:dynamodb:*:*:table/orders",
             "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${aws:PrincipalTag/tenant}"]}}}""")).withTag("tenant", "tenant-a"),
        role("reader").withPolicy(policy("""
            {"Effect": "Allow", "Action": ["dynamodb:Get*", "dynamodb:Query", "dynamodb:Scan", "dynamodb:Describe*",
               "dynamodb:BatchGetItem"],
             "Resource": ["arn:aws:dynamodb:us-east-1:123456789012:table/orders",
                          "arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/*"]}""", """
            {"Effect": "Deny", "Action": "dynamodb:Scan", "Resource": "*"}""")),
        role("almost-admin").withPolicy(policy("""
            {"Effect": "Allow", "NotAction": ["dynamodb:DeleteTable", "dynamodb:DeleteItem"], "Resource": "*"}""")),
        role("not-audit").withPolicy(policy("""
            {"Effect": "Allow", "Action": "dynamodb:*", "NotResource": "arn:aws:dynamodb:*:*:table/audit"}""")),
        role("columns").withPolicy(policy("""
            {"Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
             "Resource": "arn:aws:dynamodb:*:*:table/orders",
             "Condition": {"ForAllValues:StringEquals": {"dynamodb:Attributes": ["tenant", "id", "status"]},
                           "StringEqualsIfExists": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES",
                                                    "dynamodb:ReturnValues": ["NONE", "UPDATED_NEW"]}}}""")),
        role("nothing"))).start();
    admin = AuthClients.client(dynamo, "AKIDADMIN", "admin-secret");
    createTable(admin, "orders", "tenant", "id");
    createTable(admin, "audit", "id", null);
    admin.putItem(r -> r.tableName("orders").item(item("tenant", "tenant-a", "id", "1", "status", "new", "secret", "x")));
    admin.putItem(r -> r.tableName("orders").item(item("tenant", "tenant-b", "id", "1", "status", "new")));
  }

  @AfterAll
  void stop() {
    dynamo.close();
  }

  private DynamoDbClient as(String role) {
    return AuthClients.client(dynamo, "AKID" + role.toUpperCase().replace("-", ""), role + "-secret");
  }

  static Stream<Arguments> cases() {
    Consumer<DynamoDbClient> getA = c -> c.getItem(r -> r.tableName("orders").key(item("tenant", "tenant-a", "id", "1")));
    Consumer<DynamoDbClient> getB = c -> c.getItem(r -> r.tableName("orders").key(item("tenant", "tenant-b", "id", "1")));
    Consumer<DynamoDbClient> putA = c -> c.putItem(r -> r.tableName("orders").item(item("tenant", "tenant-a", "id", "2")));
    Consumer<DynamoDbClient> putB = c -> c.putItem(r -> r.tableName("orders").item(item("tenant", "tenant-b", "id", "2")));
    Consumer<DynamoDbClient> queryA = c -> c.query(r -> r.tableName("orders").keyConditionExpression("tenant = :t")
        .expressionAttributeValues(Map.of(":t", s("tenant-a"))));
    Consumer<DynamoDbClient> queryB = c -> c.query(r -> r.tableName("orders").keyConditionExpression("#t = :t")
        .expressionAttributeNames(Map.of("#t", "tenant")).expressionAttributeValues(Map.of(":t", s("tenant-b"))));
    Consumer<DynamoDbClient> scan = c -> c.scan(r -> r.tableName("orders"));
    Consumer<DynamoDbClient> describe = c -> c.describeTable(r -> r.tableName("orders"));
    Consumer<DynamoDbClient> listTables = DynamoDbClient::listTables;
    Consumer<DynamoDbClient> deleteItem = c -> c.deleteItem(r -> r.tableName("orders").key(item("tenant", "tenant-a", "id", "9")));
    Consumer<DynamoDbClient> putAudit = c -> c.putItem(r -> r.tableName("audit").item(item("id", "1")));
    Consumer<DynamoDbClient> batchGetAB = c -> c.batchGetItem(r -> r.requestItems(Map.of("orders",
        KeysAndAttributes.builder().keys(item("tenant", "tenant-a", "id", "1"), item("tenant", "tenant-b", "id", "1")).build())));
    Consumer<DynamoDbClient> batchWriteTwoTables = c -> c.batchWriteItem(r -> r.requestItems(Map.of(
        "orders", List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(item("tenant", "tenant-a", "id", "3")).build()).build()),
        "audit", List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(item("id", "3")).build()).build()))));
    Consumer<DynamoDbClient> transactAB = c -> c.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("tenant", "tenant-a", "id", "4"))).build(),
        TransactWriteItem.builder().conditionCheck(p -> p.tableName("orders").key(item("tenant", "tenant-b", "id", "1"))
            .conditionExpression("attribute_exists(id)")).build()));
    Consumer<DynamoDbClient> getProjected = c -> c.getItem(r -> r.tableName("orders").key(item("tenant", "tenant-a", "id", "1"))
        .projectionExpression("tenant, id, #s").expressionAttributeNames(Map.of("#s", "status")));
    Consumer<DynamoDbClient> getSecret = c -> c.getItem(r -> r.tableName("orders").key(item("tenant", "tenant-a", "id", "1"))
        .projectionExpression("secret"));
    Consumer<DynamoDbClient> updateStatus = c -> c.updateItem(r -> r.tableName("orders").key(item("tenant", "tenant-a", "id", "1"))
        .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":s", s("paid"))).returnValues("UPDATED_NEW"));
    Consumer<DynamoDbClient> updateAllOld = c -> c.updateItem(r -> r.tableName("orders").key(item("tenant", "tenant-a", "id", "1"))
        .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":s", s("paid"))).returnValues("ALL_OLD"));
    Consumer<DynamoDbClient> updateSecret = c -> c.updateItem(r -> r.tableName("orders").key(item("tenant", "tenant-a", "id", "1"))
        .updateExpression("SET secret = :s").expressionAttributeValues(Map.of(":s", s("y"))));

    String role = "arn:aws:iam::" + ACCOUNT + ":role/";
    return Stream.of(
        allowed("tenant-a", "GetItem own partition", getA),
        denied("tenant-a", "GetItem other tenant", getB, "GetItem", ORDERS, null),
        allowed("tenant-a", "PutItem own partition", putA),
        denied("tenant-a", "PutItem other tenant", putB, "PutItem", ORDERS, null),
        allowed("tenant-a", "Query own partition", queryA),
        denied("tenant-a", "Query other tenant", queryB, "Query", ORDERS, null),
        denied("tenant-a", "Scan", scan, "Scan", ORDERS, null),
        denied("tenant-a", "BatchGetItem across tenants", batchGetAB, "BatchGetItem", ORDERS, null),
        denied("tenant-a", "BatchWriteItem on a second table", batchWriteTwoTables, "BatchWriteItem", AUDIT, null),
        denied("tenant-a", "TransactWriteItems checking another tenant", transactAB, "ConditionCheckItem", ORDERS, null),
        allowed("reader", "GetItem", getA),
        allowed("reader", "Query", queryB),
        allowed("reader", "DescribeTable", describe),
        denied("reader", "explicitly denied Scan", scan, "Scan", ORDERS, "with an explicit deny in an identity-based policy"),
        denied("reader", "PutItem", putA, "PutItem", ORDERS, null),
        denied("reader", "ListTables", listTables, "ListTables", "*", null),
        allowed("almost-admin", "PutItem", putA),
        allowed("almost-admin", "ListTables", listTables),
        denied("almost-admin", "DeleteItem (NotAction)", deleteItem, "DeleteItem", ORDERS, null),
        allowed("not-audit", "PutItem orders", putA),
        denied("not-audit", "PutItem audit (NotResource)", putAudit, "PutItem", AUDIT, null),
        allowed("columns", "GetItem with allowed attributes", getProjected),
        denied("columns", "GetItem of another attribute", getSecret, "GetItem", ORDERS, null),
        denied("columns", "GetItem of all attributes (Select)", getA, "GetItem", ORDERS, null),
        allowed("columns", "UpdateItem of an allowed attribute", updateStatus),
        denied("columns", "UpdateItem returning ALL_OLD", updateAllOld, "UpdateItem", ORDERS, null),
        denied("columns", "UpdateItem of another attribute", updateSecret, "UpdateItem", ORDERS, null),
        denied("nothing", "GetItem without any policy", getA, "GetItem", ORDERS, null))
        .map(a -> {
          Object[] args = a.get();
          if (args[3] != null && !((String) args[3]).startsWith("User:")) {
            String why = args[5] != null ? (String) args[5]
                : "because no identity-based policy allows the dynamodb:" + args[3] + " action";
            args[3] = "User: " + role + args[0] + " is not authorized to perform: dynamodb:" + args[3]
                + " on resource: " + args[4] + " " + why;
          }
          return Arguments.of(args[0], args[1], args[2], args[3]);
        });
  }

  private static Arguments allowed(String role, String name, Consumer<DynamoDbClient> call) {
    return Arguments.of(role, name, call, null, null, null);
  }

  private static Arguments denied(String role, String name, Consumer<DynamoDbClient> call, String action, String resource,
                                  String why) {
    return Arguments.of(role, name, call, action, resource, why);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void policies(String role, String name, Consumer<DynamoDbClient> call, String deniedMessage) {
    try (DynamoDbClient client = as(role)) {
      if (deniedMessage == null) {
        call.accept(client);
      } else {
        assertError(() -> call.accept(client), "AccessDeniedException", deniedMessage);
      }
    }
  }

  @Test
  void aDeniedWriteChangesNothing() {
    try (DynamoDbClient client = as("tenant-a")) {
      assertError(() -> client.putItem(r -> r.tableName("orders").item(item("tenant", "tenant-b", "id", "1", "status", "stolen"))),
          "AccessDeniedException", null);
    }
    assertThat(admin.getItem(r -> r.tableName("orders").key(item("tenant", "tenant-b", "id", "1"))).item())
        .containsEntry("status", s("new"));
  }
}
