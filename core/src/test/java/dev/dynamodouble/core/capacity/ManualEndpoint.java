package dev.dynamodouble.core.capacity;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Instant;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/** An endpoint on a manual clock (2026-03-01T10:00:00Z) with a client that never retries, for capacity tests. */
final class ManualEndpoint implements AutoCloseable {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  final ManualClock clock = DynamoClock.manual(START);
  final DynamoDouble dynamo;
  final DynamoDbClient client;

  ManualEndpoint(UnaryOperator<DynamoDouble.Builder> settings) {
    dynamo = settings.apply(DynamoDouble.builder().clock(clock)).start();
    client = SdkTestSupport.client(dynamo);
  }

  ManualEndpoint() {
    this(builder -> builder);
  }

  /** Creates a provisioned table keyed by string {@code pk}. */
  void createProvisioned(String table, long read, long write) {
    client.createTable(r -> r.tableName(table).keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write)));
  }

  /** How many of {@code n} small puts (keys prefix0, prefix1, ...) get through; throttled ones are counted out. */
  int puts(String table, String prefix, int n) {
    int admitted = 0;
    for (int i = 0; i < n; i++) {
      String key = prefix + i;
      try {
        client.putItem(r -> r.tableName(table).item(item("pk", key)));
        admitted++;
      } catch (ProvisionedThroughputExceededException | ThrottlingException throttled) {
        lastThrottle = throttled;
      }
    }
    return admitted;
  }

  /** The last throttle {@link #puts} saw, or null. */
  SdkServiceException lastThrottle;

  /**
   * Creates a provisioned table keyed by strings pk and sk with GSI {@code index} whose (possibly
   * multi-attribute) partition key is the string attributes {@code indexKey}, ALL-projected, with
   * 10,000 read and write units for both.
   */
  void createWithIndex(String table, String index, String... indexKey) {
    java.util.List<software.amazon.awssdk.services.dynamodb.model.AttributeDefinition> attributes =
        new java.util.ArrayList<>(java.util.List.of(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S)));
    java.util.List<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement> key = new java.util.ArrayList<>();
    for (String name : indexKey) {
      attributes.add(attr(name, ScalarAttributeType.S));
      key.add(hash(name));
    }
    client.createTable(r -> r.tableName(table).keySchema(hash("pk"), SdkTestSupport.range("sk"))
        .attributeDefinitions(attributes)
        .provisionedThroughput(p -> p.readCapacityUnits(10_000L).writeCapacityUnits(10_000L))
        .globalSecondaryIndexes(software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex.builder()
            .indexName(index).keySchema(key)
            .projection(p -> p.projectionType(software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL))
            .provisionedThroughput(p -> p.readCapacityUnits(10_000L).writeCapacityUnits(10_000L)).build()));
  }

  ThroughputUsage usage(String table) {
    return dynamo.capacity().usage(table);
  }

  @Override
  public void close() {
    client.close();
    dynamo.close();
  }
}
