package dev.dynamodouble.core.auth;

import dev.dynamodouble.core.DynamoDouble;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SDK clients signed with given keys, retries off (one call, one request). */
final class AuthClients {
  private AuthClients() {}

  static DynamoDbClient client(DynamoDouble dynamo, String accessKey, String secret) {
    return client(dynamo, AwsBasicCredentials.create(accessKey, secret));
  }

  static DynamoDbClient client(DynamoDouble dynamo, String accessKey, String secret, String token) {
    return client(dynamo, AwsSessionCredentials.create(accessKey, secret, token));
  }

  static DynamoDbClient client(DynamoDouble dynamo, AwsCredentials credentials) {
    UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder();
    if (dynamo.tls() != null) {
      http.tlsTrustManagersProvider(() -> dynamo.tls().trustManagers());
    }
    return DynamoDbClient.builder()
        .endpointOverride(dynamo.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(http.build())
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }
}
