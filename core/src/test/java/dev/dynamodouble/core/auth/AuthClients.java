package dev.dynamodouble.core.auth;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

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
    DynamoDbClientBuilder builder = DynamoDbClient.builder();
    if (dynamo.tls() != null) { // the wire is the point: always HTTPS
      builder.endpointOverride(dynamo.endpoint()).httpClient(UrlConnectionHttpClient.builder()
          .tlsTrustManagersProvider(() -> dynamo.tls().trustManagers()).build());
    } else {
      SdkTestSupport.over(builder, dynamo);
    }
    return builder
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }
}
