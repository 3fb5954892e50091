package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.core.trigger.TriggerMapping;
import dev.dynamodouble.core.trigger.Triggers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Streams and a real Lambda handler as a trigger, through the extension, on a manual clock. */
@DynamoDoubleTest(clock = "2024-01-01T00:00:00Z")
@DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk", fixtures = "orders.json",
    stream = StreamView.NEW_AND_OLD_IMAGES)
@DynamoTable(name = "totals", partitionKey = "customer")
class StreamsAndTriggersTest {
  @DynamoInject
  DynamoDbClient dynamo;

  /** A team's real Lambda function: projects each new order into a per-customer counter. */
  final class OrderProjector implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
      List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
      for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
        if (!"INSERT".equals(record.getEventName())) {
          continue;
        }
        var image = record.getDynamodb().getNewImage();
        if ("BROKEN".equals(image.get("status").getS())) {
          failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
          continue;
        }
        dynamo.updateItem(r -> r.tableName("totals").key(Map.of("customer", AttributeValue.fromS(image.get("pk").getS())))
            .updateExpression("ADD orders :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
      }
      return new StreamsEventResponse(failures);
    }
  }

  @DynamoTrigger(table = "orders", reportBatchItemFailures = true, maximumRetryAttempts = 1)
  final OrderProjector projector = new OrderProjector();

  private static List<Record> records(DynamoDbStreamsClient streams, DynamoDbClient dynamo) {
    String arn = dynamo.describeTable(r -> r.tableName("orders")).table().latestStreamArn();
    List<Record> records = new ArrayList<>();
    for (Shard shard : streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
      String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      records.addAll(streams.getRecords(r -> r.shardIterator(iterator)).records());
    }
    return records;
  }

  private void order(String customer, String id, String status) {
    dynamo.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS(customer),
        "sk", AttributeValue.fromS(id), "status", AttributeValue.fromS(status))));
  }

  private String count(String customer) {
    var item = dynamo.getItem(r -> r.tableName("totals").key(Map.of("customer", AttributeValue.fromS(customer))))
        .item();
    return item.isEmpty() ? null : item.get("orders").n();
  }

  @Test
  void fixturesMakeNoRecordsAndATestSeesOnlyItsOwn(DynamoDbStreamsClient streams) {
    assertThat(records(streams, dynamo)).isEmpty();
    order("customer#9", "order#9", "NEW");
    assertThat(records(streams, dynamo)).singleElement()
        .satisfies(r -> assertThat(r.dynamodb().keys().get("sk").s()).isEqualTo("order#9"));
  }

  @Test
  void theLambdaHandlerRunsWhenTheClockMoves(ManualClock clock, DynamoDbStreamsClient streams) {
    assertThat(records(streams, dynamo)).isEmpty();
    order("customer#1", "order#10", "NEW");
    order("customer#1", "order#11", "NEW");
    assertThat(count("customer#1")).isNull();
    clock.advance(Duration.ZERO);
    assertThat(count("customer#1")).isEqualTo("2");
  }

  @Test
  void reportedItemFailuresAreRetriedThenGoToTheDestination(ManualClock clock, Triggers triggers) {
    order("customer#3", "order#20", "BROKEN");
    order("customer#3", "order#21", "NEW");
    clock.advance(Duration.ZERO);
    TriggerMapping mapping = triggers.mappings().get(0);
    assertThat(mapping.failures()).isEmpty();
    clock.advance(Duration.ofSeconds(1)); // the one retry, from the broken record on, fails again
    assertThat(mapping.failures()).singleElement().satisfies(failed -> {
      assertThat(failed.condition()).isEqualTo("RetryAttemptsExhausted");
      assertThat(failed.records()).extracting(r -> r.newImage().get("sk").toString()).hasSize(2);
    });
    assertThat(count("customer#3")).isEqualTo("2"); // order#21 was projected in both tries
  }

  @Test
  @InjectFault(table = "orders", triggerFailure = "Runtime.ExitError", times = 1)
  void anInjectedTriggerFailureIsRetried(ManualClock clock, Triggers triggers) {
    order("customer#4", "order#30", "NEW");
    clock.advance(Duration.ZERO);
    assertThat(count("customer#4")).isNull(); // the first invocation failed before the handler ran
    clock.advance(Duration.ofSeconds(1));
    assertThat(count("customer#4")).isEqualTo("1");
    assertThat(triggers.mappings().get(0).invocations()).isEqualTo(2);
  }

  @Test
  @InjectFault(table = "orders", streamDelay = "3s")
  void anInjectedStreamDelayHidesRecords(ManualClock clock, DynamoDbStreamsClient streams) {
    order("customer#5", "order#40", "NEW");
    assertThat(records(streams, dynamo)).isEmpty();
    clock.advance(Duration.ofSeconds(3));
    assertThat(records(streams, dynamo)).hasSize(1);
    assertThat(count("customer#5")).isEqualTo("1");
  }
}
