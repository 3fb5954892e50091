package dev.dynamodouble.core.auth;

import static dev.dynamodouble.core.auth.IamPolicySdkTest.policy;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Stream reads are authorized on the stream's ARN, the iterator's stream included. */
class StreamPolicySdkTest {
  private static DynamoDbStreamsClient streams(DynamoDouble dynamo, String key, String secret) {
    return DynamoDbStreamsClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
  }

  @Test
  void streamActionsNeedTheStreamArn() {
    String account = "123456789012";
    try (DynamoDouble dynamo = DynamoDouble.builder().auth(AuthConfig.of(
        Identity.of("AKIDADMIN", "admin-secret", "arn:aws:iam::" + account + ":root"),
        Identity.of("AKIDSTREAM", "stream-secret", "arn:aws:iam::" + account + ":role/reader").withPolicy(policy("""
            {"Effect": "Allow", "Action": ["dynamodb:DescribeStream", "dynamodb:GetShardIterator",
               "dynamodb:GetRecords"], "Resource": "arn:aws:dynamodb:*:*:table/orders/stream/*"}""")),
        Identity.of("AKIDTABLE", "table-secret", "arn:aws:iam::" + account + ":role/table").withPolicy(policy("""
            {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "arn:aws:dynamodb:*:*:table/orders"}""")))).start();
         DynamoDbClient admin = AuthClients.client(dynamo, "AKIDADMIN", "admin-secret");
         DynamoDbStreamsClient reader = streams(dynamo, "AKIDSTREAM", "stream-secret");
         DynamoDbStreamsClient tableOnly = streams(dynamo, "AKIDTABLE", "table-secret")) {
      String streamArn = admin.createTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
          .tableDescription().latestStreamArn();
      admin.putItem(r -> r.tableName("orders").item(item("pk", "1")));

      String shard = reader.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
      String iterator = reader.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      assertThat(reader.getRecords(r -> r.shardIterator(iterator)).records()).hasSize(1);

      assertError(() -> tableOnly.getRecords(r -> r.shardIterator(iterator)), "AccessDeniedException",
          "User: arn:aws:iam::" + account + ":role/table is not authorized to perform: dynamodb:GetRecords on resource: "
              + streamArn + " because no identity-based policy allows the dynamodb:GetRecords action");

      admin.putResourcePolicy(r -> r.resourceArn(streamArn).policy(policy("""
          {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:role/reader"},
           "Action": "dynamodb:GetRecords", "Resource": "%s"}""".formatted(streamArn))));
      assertError(() -> reader.getRecords(r -> r.shardIterator(iterator)), "AccessDeniedException",
          "User: arn:aws:iam::" + account + ":role/reader is not authorized to perform: dynamodb:GetRecords on resource: "
              + streamArn + " with an explicit deny in a resource-based policy");
      assertError(() -> admin.getResourcePolicy(r -> r.resourceArn(streamArn.substring(0, streamArn.lastIndexOf('/') + 1)
          + "2020-01-01T00:00:00.000")), "ResourceNotFoundException", null);
    }
  }
}
