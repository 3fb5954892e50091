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

  /**
   * A client signing its connections with what {@code credentials} gives at the time. The DAX
   * client keeps the last access key it saw once for all its connections, and re-authorizes only
   * the connection whose request first sees a new one: its background health checks and cluster
   * refreshes would take that turn now and then (a request then goes out on a connection still
   * authorized with the old key), so this client makes none during a test.
   */
  static DynamoDbClient dax(DynamoDouble dynamo, software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
    try {
      return build(dynamo, credentials, Configuration.builder().enableHealthChecks(false)
          .clusterUpdateIntervalMillis(Integer.MAX_VALUE));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static DynamoDbClient build(DynamoDouble dynamo, String accessKeyId, String secret)
      throws java.io.IOException {
    return build(dynamo, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)),
        Configuration.builder());
  }

  private static DynamoDbClient build(DynamoDouble dynamo,
      software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials, Configuration.Builder configuration)
      throws java.io.IOException {
    return ClusterDaxClient.builder()
        .overrideConfiguration(configuration
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
