package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.DynamoDouble;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/** The real DAX client, pointed at a Dynamo Double's DAX endpoint. */
final class DaxClients {
  private DaxClients() {}

  static DynamoDbClient dax(DynamoDouble dynamo) {
    return dax(dynamo, "AKID", "SECRET");
  }

  /** A client signing its connections with this key. */
  static DynamoDbClient dax(DynamoDouble dynamo, String accessKeyId, String secret) {
    try {
      return build(dynamo, accessKeyId, secret);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A client signing its connections with what {@code credentials} gives at the time. */
  static DynamoDbClient dax(DynamoDouble dynamo, software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
    try {
      return build(dynamo, credentials);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static DynamoDbClient build(DynamoDouble dynamo, String accessKeyId, String secret)
      throws java.io.IOException {
    return build(dynamo, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)));
  }

  private static DynamoDbClient build(DynamoDouble dynamo,
      software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) throws java.io.IOException {
    return ClusterDaxClient.builder()
        .overrideConfiguration(Configuration.builder()
            .url(dynamo.daxEndpoint().toString())
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .requestTimeoutMillis(10_000)
            .writeRetries(0)
            .readRetries(0)
            .build())
        .build();
  }
}
