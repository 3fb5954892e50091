package dev.dynamodouble.core.dax;

/* The README's DAX example, verbatim. */
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

class PriceCacheTest {
  @Test
  void aDirectWriteIsSeenThroughDaxOnlyAfterTheTtl() throws Exception {
    ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).daxPort(0).start();
         DynamoDbClient direct = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
             .region(Region.US_EAST_1).credentialsProvider(credentials).build();
         DynamoDbClient dax = ClusterDaxClient.builder().overrideConfiguration(Configuration.builder()
             .url(dynamo.daxEndpoint().toString()).region(Region.US_EAST_1)
             .credentialsProvider(credentials).build()).build()) {
      direct.createTable(t -> t.tableName("prices")
          .keySchema(k -> k.attributeName("sku").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("sku").attributeType(ScalarAttributeType.S))
          .billingMode("PAY_PER_REQUEST"));
      Map<String, AttributeValue> key = Map.of("sku", AttributeValue.fromS("A-1"));
      direct.putItem(p -> p.tableName("prices").item(Map.of(
          "sku", AttributeValue.fromS("A-1"), "cents", AttributeValue.fromN("100"))));

      assertThat(dax.getItem(g -> g.tableName("prices").key(key)).item().get("cents").n()).isEqualTo("100");
      direct.putItem(p -> p.tableName("prices").item(Map.of(
          "sku", AttributeValue.fromS("A-1"), "cents", AttributeValue.fromN("120"))));
      // DAX still answers from its item cache; a consistent read goes to the table.
      assertThat(dax.getItem(g -> g.tableName("prices").key(key)).item().get("cents").n()).isEqualTo("100");
      assertThat(dax.getItem(g -> g.tableName("prices").key(key).consistentRead(true)).item().get("cents").n())
          .isEqualTo("120");
      clock.advance(Duration.ofMinutes(5)); // the item cache's TTL
      assertThat(dax.getItem(g -> g.tableName("prices").key(key)).item().get("cents").n()).isEqualTo("120");
    }
  }
}
