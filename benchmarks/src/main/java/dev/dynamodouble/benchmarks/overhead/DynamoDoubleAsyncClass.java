package dev.dynamodouble.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynamodouble.benchmarks.BenchData;
import dev.dynamodouble.junit5.DynamoTable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoDoubleClass} with the injected asynchronous client: the same table and fixture,
 * the same read, through {@code DynamoDbAsyncClient}.
 */
@DynamoTable(name = BenchData.TABLE, partitionKey = BenchData.PK, sortKey = BenchData.SK,
    fixtures = "hundred-items.json")
public class DynamoDoubleAsyncClass {

  @Test
  void readsAFixtureItem(DynamoDbAsyncClient dynamo) {
    assertTrue(dynamo.getItem(r -> r.tableName(BenchData.TABLE).key(Map.of(
        BenchData.PK, AttributeValue.fromS("c#7"),
        BenchData.SK, AttributeValue.fromS("o#007")))).join().hasItem());
  }
}
