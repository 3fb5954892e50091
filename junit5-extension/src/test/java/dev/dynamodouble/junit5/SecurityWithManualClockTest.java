package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** With auth on, the injected clients sign on the engine clock: a clock in the past, or moved days ahead, is fine. */
@DynamoDoubleTest(clock = "2024-01-01T00:00:00Z")
@DynamoTable(name = "orders", partitionKey = "tenant")
@DynamoIdentity(accessKeyId = "WRITER", principal = "arn:aws:iam::123456789012:user/writer",
    policy = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"dynamodb:PutItem\", \"Resource\": \"*\"}}")
class SecurityWithManualClockTest {
  @Test
  void signaturesFollowTheEngineClock(ManualClock clock, DynamoDbClient admin,
                                      @DynamoInject(identity = "WRITER") DynamoDbClient writer) {
    writer.putItem(r -> r.tableName("orders").item(Map.of("tenant", AttributeValue.fromS("a"))));
    clock.advance(Duration.ofDays(2));
    writer.putItem(r -> r.tableName("orders").item(Map.of("tenant", AttributeValue.fromS("b"))));
    assertThat(admin.scan(r -> r.tableName("orders")).count()).isEqualTo(2);
  }
}
