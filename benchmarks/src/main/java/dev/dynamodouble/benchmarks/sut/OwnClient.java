package dev.dynamodouble.benchmarks.sut;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A running system measured through a client of its own, not through an endpoint (DynamoDB Local embedded). */
public interface OwnClient {
  DynamoDbClient client();
}
