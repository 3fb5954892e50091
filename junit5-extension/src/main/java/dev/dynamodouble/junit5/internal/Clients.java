package dev.dynamodouble.junit5.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The SDK clients of one endpoint, configured for it (endpoint, region, dummy credentials), built
 * once and shared by everything injected from it; the asynchronous and enhanced ones are built on
 * first use. Closing closes every client built.
 */
public final class Clients implements AutoCloseable {
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("dynamo-double", "dynamo-double"));

  private final URI endpoint;
  private final Region region;
  private final DynamoDbClient sync;
  private DynamoDbAsyncClient async;
  private DynamoDbStreamsClient streams;
  private DynamoDbEnhancedClient enhanced;
  private DynamoDbEnhancedAsyncClient enhancedAsync;
  private boolean closed;

  public Clients(URI endpoint, String region) {
    this.endpoint = endpoint;
    this.region = Region.of(region);
    this.sync = DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(this.region)
        .credentialsProvider(CREDENTIALS)
        .httpClientBuilder(httpClientBuilder())
        .build();
  }

  /**
   * The Apache 5 client when the application has it on the classpath (about four times faster per
   * request than the URL-connection client, which loading fixtures notices), else the
   * URL-connection client. Either way the SDK client owns it and closes it.
   */
  private static SdkHttpClient.Builder<?> httpClientBuilder() {
    try {
      Class<?> apache5 = Class.forName("software.amazon.awssdk.http.apache5.Apache5HttpClient", false,
          Clients.class.getClassLoader());
      return (SdkHttpClient.Builder<?>) apache5.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return UrlConnectionHttpClient.builder();
    }
  }

  public DynamoDbClient sync() {
    return sync;
  }

  public synchronized DynamoDbAsyncClient async() {
    if (async == null) {
      requireOpen();
      async = DynamoDbAsyncClient.builder()
          .endpointOverride(endpoint)
          .region(region)
          .credentialsProvider(CREDENTIALS)
          .build();
    }
    return async;
  }

  public synchronized DynamoDbStreamsClient streams() {
    if (streams == null) {
      requireOpen();
      streams = DynamoDbStreamsClient.builder()
          .endpointOverride(endpoint)
          .region(region)
          .credentialsProvider(CREDENTIALS)
          .httpClientBuilder(httpClientBuilder())
          .build();
    }
    return streams;
  }

  public synchronized DynamoDbEnhancedClient enhanced() {
    if (enhanced == null) {
      requireOpen();
      enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(sync).build();
    }
    return enhanced;
  }

  public synchronized DynamoDbEnhancedAsyncClient enhancedAsync() {
    if (enhancedAsync == null) {
      enhancedAsync = DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(async()).build();
    }
    return enhancedAsync;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the clients of " + endpoint + " are closed: the test class has ended");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<RuntimeException> failures = new ArrayList<>();
    for (AutoCloseable client : new AutoCloseable[] {async, streams, sync}) {
      if (client == null) {
        continue;
      }
      try {
        client.close();
      } catch (Exception e) {
        failures.add(new IllegalStateException("cannot close " + client, e));
      }
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }
}
