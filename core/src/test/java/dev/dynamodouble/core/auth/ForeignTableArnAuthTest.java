package dev.dynamodouble.core.auth;

import static dev.dynamodouble.core.auth.IamPolicySdkTest.policy;
import static dev.dynamodouble.core.auth.IamPolicySdkTest.role;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.createTable;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * IAM evaluates a request on the resource ARN it names: for a TableName that is another region's
 * table ARN (or an index's), that ARN as given, never this region's table of the same name; and as
 * the ARN names no table here, no key of this region's table is read for dynamodb:LeadingKeys. A
 * request the policies allow is then refused by the operation with its ValidationException.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignTableArnAuthTest {
  static final String ACCOUNT = IamPolicySdkTest.ACCOUNT;
  static final String HERE = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders";
  static final String ELSEWHERE = "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/orders";
  static final String INDEX = HERE + "/index/byStatus";

  private DynamoDouble dynamo;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().auth(AuthConfig.of(
        Identity.of("AKIDADMIN", "admin-secret", "arn:aws:iam::" + ACCOUNT + ":root"),
        role("here").withPolicy(policy("""
            {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "%s"}""".formatted(HERE))),
        role("elsewhere").withPolicy(policy("""
            {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "%s"}""".formatted(ELSEWHERE))),
        role("unblocked").withPolicy(policy("""
            {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}""", """
            {"Effect": "Deny", "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
             "Resource": "arn:aws:dynamodb:*:*:table/orders",
             "Condition": {"ForAnyValue:StringEquals": {"dynamodb:LeadingKeys": ["blocked"]}}}""")))).start();
    try (DynamoDbClient admin = AuthClients.client(dynamo, "AKIDADMIN", "admin-secret")) {
      createTable(admin, "orders", "pk", null);
    }
  }

  @AfterAll
  void stop() {
    dynamo.close();
  }

  private DynamoDbClient as(String role) {
    return AuthClients.client(dynamo, "AKID" + role.toUpperCase(), role + "-secret");
  }

  private static String invalidRegion(String arn) {
    return "1 validation error detected: Invalid AWS region in '" + arn + "'";
  }

  @Test
  void theResourceIsTheArnAsGivenNotThisRegionsTableOfItsName() {
    try (DynamoDbClient here = as("here"); DynamoDbClient elsewhere = as("elsewhere")) {
      var denied = assertError(() -> here.getItem(r -> r.tableName(ELSEWHERE).key(item("pk", "a"))),
          "AccessDeniedException", null);
      assertThat(denied.awsErrorDetails().errorMessage()).contains("dynamodb:GetItem on resource: " + ELSEWHERE + " ");
      var index = assertError(() -> here.getItem(r -> r.tableName(INDEX).key(item("pk", "a"))),
          "AccessDeniedException", null);
      assertThat(index.awsErrorDetails().errorMessage()).contains("on resource: " + INDEX + " ");

      // allowed on the ARN it names, the request reaches the operation, which refuses the region
      assertError(() -> elsewhere.getItem(r -> r.tableName(ELSEWHERE).key(item("pk", "a"))),
          "ValidationException", invalidRegion(ELSEWHERE));
      assertError(() -> elsewhere.getItem(r -> r.tableName("orders").key(item("pk", "a"))),
          "AccessDeniedException", null);
      assertThat(here.getItem(r -> r.tableName(HERE).key(item("pk", "a"))).hasItem()).isFalse();
    }
  }

  @Test
  void leadingKeysAreNotReadAgainstThisRegionsTableOfTheArnsName() {
    try (DynamoDbClient unblocked = as("unblocked")) {
      assertError(() -> unblocked.getItem(r -> r.tableName(HERE).key(item("pk", "blocked"))),
          "AccessDeniedException", null);
      assertError(() -> unblocked.getItem(r -> r.tableName(ELSEWHERE).key(item("pk", "blocked"))),
          "ValidationException", invalidRegion(ELSEWHERE));
      assertError(() -> unblocked.putItem(r -> r.tableName(ELSEWHERE).item(item("pk", "blocked"))),
          "ValidationException", invalidRegion(ELSEWHERE));
      assertError(() -> unblocked.query(r -> r.tableName(ELSEWHERE).keyConditionExpression("pk = :p")
          .expressionAttributeValues(Map.of(":p", s("blocked")))), "ValidationException", invalidRegion(ELSEWHERE));
    }
  }
}
