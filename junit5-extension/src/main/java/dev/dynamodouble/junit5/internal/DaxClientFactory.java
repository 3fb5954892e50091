package dev.dynamodouble.junit5.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/**
 * Builds the real DAX client. The only class of the extension that names the DAX library, which is
 * optional: the JVM loads it only when {@link Clients} has found the library on the classpath.
 */
final class DaxClientFactory {
  private DaxClientFactory() {}

  static DynamoDbClient build(URI cluster, String region, AwsCredentialsProvider credentials) {
    try {
      return ClusterDaxClient.builder()
          .overrideConfiguration(Configuration.builder()
              .url(cluster.toString())
              .region(Region.of(region))
              .credentialsProvider(credentials)
              .build())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
