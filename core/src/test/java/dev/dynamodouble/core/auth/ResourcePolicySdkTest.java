package dev.dynamodouble.core.auth;

import static dev.dynamodouble.core.auth.IamPolicySdkTest.policy;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Resource-based policies: the three operations, revision ids, and their evaluation with identity policies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourcePolicySdkTest {
  static final String ACCOUNT = "123456789012";
  static final String TABLE = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/shared";
  static final String BOB = "arn:aws:iam::" + ACCOUNT + ":role/bob";
  static final String CAROL = "arn:aws:iam::" + ACCOUNT + ":role/carol";
  static final String OUTSIDER = "arn:aws:iam::999999999999:role/outsider";

  private DynamoDouble dynamo;
  private DynamoDbClient admin;

  @BeforeAll
  void start() {
    String readAll = policy("""
        {"Effect": "Allow", "Action": ["dynamodb:GetItem"], "Resource": "*"}""");
    dynamo = DynamoDouble.builder().auth(AuthConfig.of(
        Identity.of("AKIDADMIN", "admin-secret", "arn:aws:iam::" + ACCOUNT + ":root"),
        Identity.of("AKIDBOB", "bob-secret", BOB),
        Identity.of("AKIDCAROL", "carol-secret", CAROL).withPolicy(readAll),
        Identity.of("AKIDOUT", "out-secret", OUTSIDER).withPolicy(readAll))).start();
    admin = AuthClients.client(dynamo, "AKIDADMIN", "admin-secret");
    admin.createTable(r -> r.tableName("shared").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .resourcePolicy(policy("""
            {"Effect": "Allow", "Principal": {"AWS": ["%s", "%s"]}, "Action": "dynamodb:GetItem", "Resource": "%s"}"""
            .formatted(BOB, OUTSIDER, TABLE), """
            {"Effect": "Deny", "Principal": {"AWS": "%s"}, "Action": "dynamodb:*", "Resource": "%s"}"""
            .formatted(CAROL, TABLE))));
    admin.putItem(r -> r.tableName("shared").item(item("pk", "1")));
  }

  @AfterAll
  void stop() {
    dynamo.close();
  }

  static Stream<Arguments> principals() {
    return Stream.of(
        Arguments.of("AKIDBOB", "bob-secret", null),
        Arguments.of("AKIDCAROL", "carol-secret", "User: " + CAROL + " is not authorized to perform: dynamodb:GetItem on "
            + "resource: " + TABLE + " with an explicit deny in a resource-based policy"),
        Arguments.of("AKIDOUT", "out-secret", null));
  }

  /** Bob: no identity policy, the resource policy allows him. Carol: allowed by hers, denied by the table's. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("principals")
  void evaluatedWithIdentityPolicies(String key, String secret, String denied) {
    try (DynamoDbClient client = AuthClients.client(dynamo, key, secret)) {
      if (denied == null) {
        assertThat(client.getItem(r -> r.tableName(TABLE).key(item("pk", "1"))).item()).isNotEmpty();
      } else {
        assertError(() -> client.getItem(r -> r.tableName("shared").key(item("pk", "1"))), "AccessDeniedException", denied);
      }
    }
  }

  @Test
  void anotherAccountNeedsBothPolicies() {
    admin.createTable(r -> r.tableName("private").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S)));
    String arn = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/private";
    try (DynamoDbClient outsider = AuthClients.client(dynamo, "AKIDOUT", "out-secret")) {
      assertError(() -> outsider.getItem(r -> r.tableName(arn).key(item("pk", "1"))), "AccessDeniedException",
          "User: " + OUTSIDER + " is not authorized to perform: dynamodb:GetItem on resource: " + arn
              + " because no resource-based policy allows the dynamodb:GetItem action");
    }
  }

  @Test
  void revisionsAndNotFound() {
    admin.createTable(r -> r.tableName("revisions").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S)));
    String arn = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/revisions";
    String document = policy("""
        {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "dynamodb:GetItem", "Resource": "%s"}"""
        .formatted(BOB, arn));
    assertError(() -> admin.getResourcePolicy(r -> r.resourceArn(arn)), "PolicyNotFoundException",
        "Resource-based policy not found for the provided ResourceArn: " + arn);
    assertError(() -> admin.putResourcePolicy(r -> r.resourceArn(arn).policy(document).expectedRevisionId("123")),
        "PolicyNotFoundException", null);
    String first = admin.putResourcePolicy(r -> r.resourceArn(arn).policy(document).expectedRevisionId("NO_POLICY")).revisionId();
    assertThat(admin.getResourcePolicy(r -> r.resourceArn(arn)).policy()).isEqualTo(document);
    assertError(() -> admin.putResourcePolicy(r -> r.resourceArn(arn).policy(document).expectedRevisionId("NO_POLICY")),
        "PolicyNotFoundException", null);
    String second = admin.putResourcePolicy(r -> r.resourceArn(arn).policy(document).expectedRevisionId(first)).revisionId();
    assertThat(Long.parseLong(second)).isGreaterThan(Long.parseLong(first));
    assertError(() -> admin.deleteResourcePolicy(r -> r.resourceArn(arn).expectedRevisionId(first)), "PolicyNotFoundException", null);
    assertThat(admin.deleteResourcePolicy(r -> r.resourceArn(arn).expectedRevisionId(second)).revisionId()).isEqualTo(second);
    assertError(() -> admin.deleteResourcePolicy(r -> r.resourceArn(arn)), "PolicyNotFoundException", null);
    assertError(() -> admin.putResourcePolicy(r -> r.resourceArn(arn).policy("{\"Statement\": {\"Effect\": \"Allow\","
        + " \"Action\": \"dynamodb:GetItem\", \"Resource\": \"" + arn + "\"}}")), "ValidationException",
        "Invalid resource-based policy document: every statement needs a Principal");
    assertError(() -> admin.getResourcePolicy(r -> r.resourceArn(arn + "x")), "ResourceNotFoundException", null);
  }

  @Test
  void anEngineSnapshotRestoresThePolicies() {
    var before = dynamo.engine().snapshot();
    assertThat(admin.getResourcePolicy(r -> r.resourceArn(TABLE)).policy()).isNotEmpty();
    admin.deleteResourcePolicy(r -> r.resourceArn(TABLE));
    dynamo.engine().restore(before);
    assertThat(admin.getResourcePolicy(r -> r.resourceArn(TABLE)).policy()).isNotEmpty();
  }

  @Test
  void aDeletedTableLosesItsPolicy() {
    admin.createTable(r -> r.tableName("gone").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .resourcePolicy(policy("{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"dynamodb:GetItem\", \"Resource\": \"*\"}")));
    String arn = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/gone";
    assertThat(admin.getResourcePolicy(r -> r.resourceArn(arn)).revisionId()).isNotEmpty();
    admin.deleteTable(r -> r.tableName("gone"));
    assertThat(dynamo.engine().resourcePolicies().get(arn)).isNull();
  }
}
