package com.example.orders;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The application's own code: an asynchronous client on the SDK's Netty HTTP client, as production builds it. */
public final class Orders implements AutoCloseable {
  private final DynamoDbAsyncClient client;

  public Orders(URI endpoint) {
    this.client = DynamoDbAsyncClient.builder()
        .httpClient(NettyNioAsyncHttpClient.builder().build())
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("app", "app")))
        .build();
  }

  public CompletableFuture<Void> place(String id, int total) {
    return client.putItem(r -> r.tableName("orders")
        .item(Map.of("pk", AttributeValue.fromS(id), "total", AttributeValue.fromN(Integer.toString(total)))))
        .thenApply(response -> null);
  }

  public CompletableFuture<Integer> total(String id) {
    return client.getItem(r -> r.tableName("orders").key(Map.of("pk", AttributeValue.fromS(id))))
        .thenApply(response -> Integer.parseInt(response.item().get("total").n()));
  }

  @Override
  public void close() {
    client.close();
  }
}
