package com.example.orders;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** A Spring Boot application whose DynamoDB client runs on the SDK's Netty HTTP client, as in production. */
@SpringBootApplication
public class OrdersApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrdersApplication.class, args);
  }

  @Bean(destroyMethod = "close")
  DynamoDbAsyncClient dynamoDb(@Value("${orders.dynamodb.endpoint}") URI endpoint) {
    return DynamoDbAsyncClient.builder()
        .httpClient(NettyNioAsyncHttpClient.builder().build())
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("app", "app")))
        .build();
  }

  @Bean
  OrderService orderService(DynamoDbAsyncClient dynamoDb) {
    return new OrderService(dynamoDb);
  }
}
