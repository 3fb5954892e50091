package dev.dynamodouble.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynamodouble.benchmarks.BenchData;
import dev.dynamodouble.junit5.DynamoTable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A test class as a user writes it with the extension: the bench table and the 100 items of
 * {@code hundred-items.json} exist before the test, which reads one through the injected client.
 */
@DynamoTable(name = BenchData.TABLE, partitionKey = BenchData.PK, sortKey = BenchData.SK,
    fixtures = "hundred-items.json")
public class DynamoDoubleClass {

  @Test
  void readsAFixtureItem(DynamoDbClient dynamo) {
    assertTrue(dynamo.getItem(r -> r.tableName(BenchData.TABLE).key(Map.of(
        BenchData.PK, AttributeValue.fromS("c#7"),
        BenchData.SK, AttributeValue.fromS("o#007")))).hasItem());
  }
}
