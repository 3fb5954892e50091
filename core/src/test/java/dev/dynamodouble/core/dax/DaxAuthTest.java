package dev.dynamodouble.core.dax;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.auth.AuthConfig;
import dev.dynamodouble.core.auth.Identity;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * With auth on, DAX clients authorize their connections with SigV4 (service {@code dax}) against
 * the endpoint's identities, and each request is authorized as a {@code dax:} action on the
 * cluster's ARN by the same IAM policies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaxAuthTest {
  private static final String ACCOUNT = "123456789012";
  private static final String CLUSTER = "arn:aws:dax:us-east-1:" + ACCOUNT + ":cache/orders-cache";

  private DynamoDouble dynamo;
  private DynamoDbClient admin;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().dax(DaxSettings.defaults().withClusterName("orders-cache")).daxPort(0)
        .auth(AuthConfig.of(
            Identity.of("AKIDADMIN", "admin-secret", "arn:aws:iam::" + ACCOUNT + ":root"),
            Identity.of("AKIDREADER", "reader-secret", "arn:aws:iam::" + ACCOUNT + ":user/reader").withPolicy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": ["dax:GetItem", "dax:Query"], "Resource": "%s"}]}""".formatted(CLUSTER)),
            Identity.of("AKIDWRITER", "writer-secret", "arn:aws:iam::" + ACCOUNT + ":user/writer").withPolicy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "dax:*", "Resource": "arn:aws:dax:*:%s:cache/*"},
                  {"Effect": "Deny", "Action": "dax:DeleteItem", "Resource": "*"}]}""".formatted(ACCOUNT)),
            Identity.of("AKIDTABLE", "table-secret", "arn:aws:iam::" + ACCOUNT + ":user/table").withPolicy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:*",
                  "Resource": "*"}]}"""),
            Identity.of("AKIDLOCAL", "local-secret", "arn:aws:iam::" + ACCOUNT + ":user/local").withPolicy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "dax:GetItem", "Resource": "*", "Condition": {
                    "IpAddress": {"aws:SourceIp": "127.0.0.0/8"},
                    "DateLessThan": {"aws:CurrentTime": "2100-01-01T00:00:00Z"}}},
                  {"Effect": "Allow", "Action": "dax:PutItem", "Resource": "*", "Condition": {
                    "IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}""")))
        .start();
    admin = SdkTestSupport.over(DynamoDbClient.builder(), dynamo).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDADMIN", "admin-secret")))
        .build();
    SdkTestSupport.createTable(admin, "orders", "pk", null);
    admin.putItem(r -> r.tableName("orders").item(item("pk", "o1", "total", "10")));
  }

  @AfterAll
  void stop() {
    admin.close();
    dynamo.close();
  }

  @Test
  void aSignedConnectionReadsAndWritesWhatItsPoliciesAllow() {
    try (DynamoDbClient writer = DaxClients.dax(dynamo, "AKIDWRITER", "writer-secret")) {
      writer.putItem(r -> r.tableName("orders").item(item("pk", "o2", "total", "20")));
      assertThat(writer.getItem(r -> r.tableName("orders").key(item("pk", "o2"))).item())
          .isEqualTo(item("pk", "o2", "total", "20"));
      writer.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
          .put(p -> p.tableName("orders").item(item("pk", "o3"))).build()));
      assertThatThrownBy(() -> writer.deleteItem(r -> r.tableName("orders").key(item("pk", "o2"))))
          .isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).endsWith("User: arn:aws:iam::" + ACCOUNT
                + ":user/writer is not authorized to perform: dax:DeleteItem on resource: " + CLUSTER
                + " with an explicit deny in an identity-based policy");
          });
      assertThatThrownBy(() -> writer.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
          .delete(d -> d.tableName("orders").key(item("pk", "o3"))).build())))
          .isInstanceOfSatisfying(DynamoDbException.class,
              e -> assertThat(e.awsErrorDetails().errorMessage()).contains("dax:DeleteItem"));
    }
  }

  @Test
  void addressAndDateConditionsSeeTheConnectionsAddressAndTheEngineClock() {
    try (DynamoDbClient local = DaxClients.dax(dynamo, "AKIDLOCAL", "local-secret")) {
      assertThat(local.getItem(r -> r.tableName("orders").key(item("pk", "o1"))).item()).containsKey("total");
      assertThatThrownBy(() -> local.putItem(r -> r.tableName("orders").item(item("pk", "l1"))))
          .isInstanceOfSatisfying(DynamoDbException.class,
              e -> assertThat(e.awsErrorDetails().errorMessage()).contains("dax:PutItem"));
    }
  }

  @Test
  void actionsTheIdentityMayNotPerformAreDenied() {
    try (DynamoDbClient reader = DaxClients.dax(dynamo, "AKIDREADER", "reader-secret")) {
      assertThat(reader.getItem(r -> r.tableName("orders").key(item("pk", "o1"))).item()).containsKey("total");
      assertThatThrownBy(() -> reader.putItem(r -> r.tableName("orders").item(item("pk", "r1"))))
          .isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).endsWith("User: arn:aws:iam::" + ACCOUNT
                + ":user/reader is not authorized to perform: dax:PutItem on resource: " + CLUSTER
                + " because no identity-based policy allows the dax:PutItem action");
          });
    }
    try (DynamoDbClient tableOnly = DaxClients.dax(dynamo, "AKIDTABLE", "table-secret")) {
      // Allowed on the table is not allowed on the cluster: DAX's IAM actions are its own.
      assertThatThrownBy(() -> tableOnly.getItem(r -> r.tableName("orders").key(item("pk", "o1"))))
          .isInstanceOfSatisfying(DynamoDbException.class,
              e -> assertThat(e.awsErrorDetails().errorMessage()).contains("dax:GetItem on resource: " + CLUSTER));
    }
  }

  @Test
  void aTransactionsConditionCheckIsAuthorizedAsDaxConditionCheckItem() {
    try (DynamoDbClient reader = DaxClients.dax(dynamo, "AKIDREADER", "reader-secret")) {
      assertThatThrownBy(() -> reader.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
          .conditionCheck(c -> c.tableName("orders").key(item("pk", "o1")).conditionExpression("attribute_exists(pk)"))
          .build())))
          .isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).endsWith("User: arn:aws:iam::" + ACCOUNT
                + ":user/reader is not authorized to perform: dax:ConditionCheckItem on resource: " + CLUSTER
                + " because no identity-based policy allows the dax:ConditionCheckItem action");
          });
    }
  }

  @Test
  void aClientWithoutValidCredentialsFindsNoCluster() {
    // Discovering the cluster needs an authorized connection too; the client logs the refusal's reason.
    for (List<String> key : List.of(List.of("AKIDREADER", "not-the-secret"), List.of("AKIDNOBODY", "whatever"))) {
      try (DynamoDbClient stranger = DaxClients.dax(dynamo, key.get(0), key.get(1))) {
        assertThatThrownBy(() -> stranger.getItem(r -> r.tableName("orders").key(item("pk", "o1"))))
            .isInstanceOf(SdkClientException.class).hasMessageContaining("No endpoints available");
      }
    }
  }

  @Test
  void aConnectionAuthorizedWithWrongCredentialsIsRefusedWithTheReason() {
    AtomicReference<AwsCredentials> credentials =
        new AtomicReference<>(AwsBasicCredentials.create("AKIDREADER", "reader-secret"));
    try (DynamoDbClient client = DaxClients.dax(dynamo, credentials::get)) {
      assertThat(client.getItem(r -> r.tableName("orders").key(item("pk", "o1"))).hasItem()).isTrue();
      // A new key makes the client authorize its connections again, before its next request.
      credentials.set(AwsBasicCredentials.create("AKIDNOBODY", "whatever"));
      assertThatThrownBy(() -> client.getItem(r -> r.tableName("orders").key(item("pk", "o1"))))
          .isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(e.getMessage()).contains("The security token included in the request is invalid.");
          });
      credentials.set(AwsBasicCredentials.create("AKIDWRITER", "not-the-secret"));
      assertThatThrownBy(() -> client.getItem(r -> r.tableName("orders").key(item("pk", "o1"))))
          .isInstanceOfSatisfying(AwsServiceException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
      credentials.set(AwsBasicCredentials.create("AKIDWRITER", "writer-secret"));
      assertThat(client.getItem(r -> r.tableName("orders").key(item("pk", "o1"))).hasItem()).isTrue();
    }
  }

  @Test
  void theRootOfTheAccountMayDoEverything() {
    try (DynamoDbClient root = DaxClients.dax(dynamo, "AKIDADMIN", "admin-secret")) {
      root.putItem(r -> r.tableName("orders").item(item("pk", "a1")));
      root.deleteItem(r -> r.tableName("orders").key(item("pk", "a1")));
      assertThat(root.scan(r -> r.tableName("orders")).items()).extracting(i -> i.get("pk").s()).contains("o1");
      assertThat(root.batchGetItem(r -> r.requestItems(Map.of("orders",
          software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(item("pk", "o1")).build())))
          .responses().get("orders")).hasSize(1);
    }
  }
}
