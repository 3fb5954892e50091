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
    try {
      return build(dynamo);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static DynamoDbClient build(DynamoDouble dynamo) throws java.io.IOException {
    return ClusterDaxClient.builder()
        .overrideConfiguration(Configuration.builder()
            .url(dynamo.daxEndpoint().toString())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET")))
            .requestTimeoutMillis(10_000)
            .writeRetries(0)
            .readRetries(0)
            .build())
        .build();
  }
}
