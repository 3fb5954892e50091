package dev.dynamodouble.core.auth;

import static dev.dynamodouble.core.auth.IamPolicySdkTest.policy;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The README's global condition keys not covered elsewhere — aws:RequestedRegion,
 * aws:PrincipalAccount, aws:PrincipalArn with the Arn operators, dynamodb:ReturnConsumedCapacity —
 * and {@code DynamoDouble.builder().accountId(...)} naming the ARNs' account, through the SDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlobalConditionKeysSdkTest {
  private static final String ACCOUNT = "111122223333";
  private static final String DENIED = "User: arn:aws:iam::" + ACCOUNT + ":role/%s is not authorized to perform: "
      + "dynamodb:%s on resource: arn:aws:dynamodb:%s:" + ACCOUNT + ":table/orders because no identity-based "
      + "policy allows the dynamodb:%s action";

  private DynamoDouble dynamo;

  private static Identity role(String name, String condition) {
    return Identity.of("AKID" + name.toUpperCase(), name + "-secret", "arn:aws:iam::" + ACCOUNT + ":role/" + name)
        .withPolicy(policy("""
            {"Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem"], "Resource": "*",
             "Condition": %s}""".formatted(condition)));
  }

  @BeforeAll
  void start() {
    // The first identity is a role of another account: the ARNs' account is the builder's.
    dynamo = DynamoDouble.builder().accountId(ACCOUNT).auth(AuthConfig.of(
        Identity.of("AKIDOTHER", "other-secret", "arn:aws:iam::444455556666:role/other"),
        Identity.of("AKIDROOT", "root-secret", "arn:aws:iam::" + ACCOUNT + ":root"),
        role("regional", "{\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}"),
        role("local", "{\"StringEquals\": {\"aws:PrincipalAccount\": \"" + ACCOUNT + "\"}}"),
        role("readers", "{\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/read*\"}}"),
        role("writers", "{\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/read*\"}}"),
        role("quiet", "{\"StringEqualsIfExists\": {\"dynamodb:ReturnConsumedCapacity\": \"NONE\"}}"))).start();
    try (DynamoDbClient root = client("AKIDROOT", "root-secret", "us-east-1");
         DynamoDbClient ireland = client("AKIDROOT", "root-secret", "eu-west-1")) {
      SdkTestSupport.createTable(root, "orders", "pk", null);
      SdkTestSupport.createTable(ireland, "orders", "pk", null);
    }
  }

  @AfterAll
  void stop() {
    dynamo.close();
  }

  private DynamoDbClient client(String key, String secret, String region) {
    software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder builder = DynamoDbClient.builder();
    SdkTestSupport.over(builder, dynamo);
    return builder.region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
  }

  private DynamoDbClient as(String role, String region) {
    return client("AKID" + role.toUpperCase(), role + "-secret", region);
  }

  private static void get(DynamoDbClient client) {
    client.getItem(r -> r.tableName("orders").key(item("pk", "a")));
  }

  @Test
  void requestedRegionIsTheSigningRegion() {
    try (DynamoDbClient ireland = as("regional", "eu-west-1"); DynamoDbClient virginia = as("regional", "us-east-1")) {
      get(ireland);
      assertError(() -> get(virginia), "AccessDeniedException",
          DENIED.formatted("regional", "GetItem", "us-east-1", "GetItem"));
    }
  }

  @Test
  void principalAccountAndPrincipalArnWithArnLike() {
    try (DynamoDbClient local = as("local", "us-east-1"); DynamoDbClient readers = as("readers", "us-east-1");
         DynamoDbClient writers = as("writers", "us-east-1")) {
      get(local);
      get(readers);
      assertError(() -> get(writers), "AccessDeniedException",
          DENIED.formatted("writers", "GetItem", "us-east-1", "GetItem"));
    }
  }

  @Test
  void returnConsumedCapacityIsAConditionKey() {
    try (DynamoDbClient quiet = as("quiet", "us-east-1")) {
      get(quiet);
      quiet.getItem(r -> r.tableName("orders").key(item("pk", "a")).returnConsumedCapacity(ReturnConsumedCapacity.NONE));
      assertError(() -> quiet.getItem(r -> r.tableName("orders").key(item("pk", "a"))
          .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)), "AccessDeniedException",
          DENIED.formatted("quiet", "GetItem", "us-east-1", "GetItem"));
    }
  }

  @Test
  void theBuildersAccountNamesTheTableArns() {
    try (DynamoDbClient root = client("AKIDROOT", "root-secret", "us-east-1")) {
      assertThat(root.describeTable(r -> r.tableName("orders")).table().tableArn())
          .isEqualTo("arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders");
    }
  }
}
