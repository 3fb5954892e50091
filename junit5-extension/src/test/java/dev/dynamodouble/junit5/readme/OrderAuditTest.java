package dev.dynamodouble.junit5.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.junit5.DynamoDoubleTest;
import dev.dynamodouble.junit5.DynamoInject;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.DynamoTrigger;
import dev.dynamodouble.junit5.StreamView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@DynamoDoubleTest(clock = "2024-01-01T00:00:00Z")
@DynamoTable(name = "orders", partitionKey = "pk", stream = StreamView.NEW_IMAGE)
@DynamoTable(name = "audit", partitionKey = "pk")
class OrderAuditTest {
  @DynamoInject
  DynamoDbClient dynamo;

  /** The team's Lambda function, unchanged: one audit entry per change of an order. */
  class AuditFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
      for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
        String order = record.getDynamodb().getKeys().get("pk").getS();
        dynamo.putItem(r -> r.tableName("audit").item(Map.of("pk", AttributeValue.fromS(order),
            "event", AttributeValue.fromS(record.getEventName()))));
      }
      return new StreamsEventResponse(List.of());
    }
  }

  @DynamoTrigger(table = "orders", batchSize = 10)
  final AuditFunction audit = new AuditFunction();

  @Test
  void everyNewOrderIsAudited(ManualClock clock, DynamoDbStreamsClient streams) {
    dynamo.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-1"))));
    clock.advance(Duration.ZERO); // delivers every due batch before it returns

    assertThat(dynamo.getItem(r -> r.tableName("audit").key(Map.of("pk", AttributeValue.fromS("o-1")))).item()
        .get("event").s()).isEqualTo("INSERT");

    // The stream itself, through the Streams API.
    String arn = dynamo.describeTable(r -> r.tableName("orders")).table().latestStreamArn();
    String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
    String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    List<Record> records = streams.getRecords(r -> r.shardIterator(iterator)).records();
    assertThat(records).singleElement().satisfies(record ->
        assertThat(record.dynamodb().newImage()).containsEntry("pk", AttributeValue.fromS("o-1")));
  }
}
