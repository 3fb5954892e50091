package dev.dynamodouble.benchmarks;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import dev.dynamodouble.benchmarks.sut.DynamoDoubleInProcess;
import dev.dynamodouble.benchmarks.sut.RunningEndpoint;

/**
 * The AWS SDK v2 sync client every system is measured with: same HTTP client, credentials,
 * region and settings for all. Retries are off so a failure is seen at once (nothing retries on
 * the success path either way).
 *
 * <p>The HTTP client is the Apache 5 one, the SDK's current default for sync clients (the Apache
 * 4 client is deprecated). The URLConnection client is available but not the default: on JDK 17
 * the JDK checks every kept-alive connection before reusing it with a read that waits for a 1 ms
 * timeout, which adds about a millisecond to every call and hides the servers' differences.
 */
public final class Clients {

  /** {@code -Dbench.http=apache5} (default) or {@code urlconnection}. */
  public static final String HTTP_PROPERTY = "bench.http";

  private Clients() {}

  public static String httpClientName() {
    return System.getProperty(HTTP_PROPERTY, "apache5");
  }

  public static DynamoDbClient create(URI endpoint) {
    return create(endpoint, httpClientName());
  }

  /**
   * A client of {@code endpoint}: the system's own client if it has one (DynamoDB Local embedded),
   * through the endpoint's own HTTP client if it has one (in process), else over HTTP.
   */
  public static DynamoDbClient create(RunningEndpoint endpoint) {
    if (endpoint instanceof dev.dynamodouble.benchmarks.sut.OwnClient own) {
      return own.client(); // the system's own client (no HTTP); closing it is the system's close()
    }
    if (endpoint instanceof DynamoDoubleInProcess.OwnHttpClient own) {
      return configure(DynamoDbClient.builder().httpClient(own.httpClient()), endpoint.endpoint());
    }
    return create(endpoint.endpoint());
  }

  public static DynamoDbClient create(URI endpoint, String http) {
    SdkHttpClient.Builder<?> httpClient;
    switch (http) {
      case "urlconnection":
        httpClient = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(30));
        break;
      case "apache5":
        httpClient = Apache5HttpClient.builder()
            .maxConnections(32)
            .connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(30));
        break;
      default:
        throw new IllegalArgumentException("-D" + HTTP_PROPERTY + "=" + http
            + ": expected apache5 or urlconnection");
    }
    return configure(DynamoDbClient.builder().httpClientBuilder(httpClient), endpoint);
  }

  /** The settings every system's client shares. */
  static DynamoDbClient configure(DynamoDbClientBuilder builder, URI endpoint) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .overrideConfiguration(o -> o
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallTimeout(Duration.ofSeconds(60)))
        .build();
  }
}
