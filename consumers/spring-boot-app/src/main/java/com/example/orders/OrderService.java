package com.example.orders;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Orders in the "orders" table, through the application's asynchronous client. */
public class OrderService {
  private final DynamoDbAsyncClient dynamoDb;

  public OrderService(DynamoDbAsyncClient dynamoDb) {
    this.dynamoDb = dynamoDb;
  }

  public CompletableFuture<Void> place(String id, int total) {
    return dynamoDb.putItem(r -> r.tableName("orders")
        .item(Map.of("pk", AttributeValue.fromS(id), "total", AttributeValue.fromN(Integer.toString(total)))))
        .thenApply(response -> null);
  }

  public CompletableFuture<Integer> total(String id) {
    return dynamoDb.getItem(r -> r.tableName("orders").key(Map.of("pk", AttributeValue.fromS(id))))
        .thenApply(response -> Integer.parseInt(response.item().get("total").n()));
  }
}
