package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.kinesis.KinesisRecord;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ApproximateCreationDateTimePrecision;
import software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;

/** Kinesis streaming destinations through the SDK: the lifecycle, the records, validation, reset. */
class KinesisDestinationTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00.123456Z");
  private static final String STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/orders-cdc";
  private static final String OTHER = "arn:aws:kinesis:us-east-1:000000000000:stream/audit";

  private final ManualClock clock = DynamoClock.manual(START);
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().clock(clock).statusDelay(Duration.ofSeconds(1)).start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "orders", "pk", null);
    clock.advance(Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private List<KinesisDataStreamDestination> destinations() {
    return client.describeKinesisStreamingDestination(r -> r.tableName("orders")).kinesisDataStreamDestinations();
  }

  private void enable(String stream) {
    client.enableKinesisStreamingDestination(r -> r.tableName("orders").streamArn(stream));
    clock.advance(Duration.ofSeconds(1));
  }

  @Test
  void aDestinationIsEnablingThenActiveAndDescribed() {
    assertThat(destinations()).isEmpty();
    EnableKinesisStreamingDestinationResponse enabled = client.enableKinesisStreamingDestination(r -> r
        .tableName("orders").streamArn(STREAM));
    assertThat(enabled.destinationStatus()).isEqualTo(DestinationStatus.ENABLING);
    assertThat(enabled.tableName()).isEqualTo("orders");
    assertThat(enabled.streamArn()).isEqualTo(STREAM);
    assertThat(enabled.enableKinesisStreamingConfiguration().approximateCreationDateTimePrecision())
        .isEqualTo(ApproximateCreationDateTimePrecision.MICROSECOND);
    assertThat(destinations()).singleElement().satisfies(d -> assertThat(d.destinationStatus())
        .isEqualTo(DestinationStatus.ENABLING));

    clock.advance(Duration.ofSeconds(1));
    DescribeKinesisStreamingDestinationResponse described =
        client.describeKinesisStreamingDestination(r -> r.tableName("orders"));
    assertThat(described.tableName()).isEqualTo("orders");
    assertThat(described.kinesisDataStreamDestinations()).singleElement().satisfies(d -> {
      assertThat(d.streamArn()).isEqualTo(STREAM);
      assertThat(d.destinationStatus()).isEqualTo(DestinationStatus.ACTIVE);
      assertThat(d.approximateCreationDateTimePrecision()).isEqualTo(ApproximateCreationDateTimePrecision.MICROSECOND);
    });
  }

  @Test
  void everyChangeWhileActiveBecomesOneRecordWithBothImages() {
    client.putItem(r -> r.tableName("orders").item(item("pk", s("before"), "n", n("0"))));
    enable(STREAM);
    client.putItem(r -> r.tableName("orders").item(item("pk", s("o1"), "n", n("1"))));
    client.updateItem(r -> r.tableName("orders").key(item("pk", s("o1"))).updateExpression("SET n = :two")
        .expressionAttributeValues(java.util.Map.of(":two", n("2"))));
    client.deleteItem(r -> r.tableName("orders").key(item("pk", s("o1"))));
    client.deleteItem(r -> r.tableName("orders").key(item("pk", s("absent")))); // no change, no record

    List<KinesisRecord> records = dynamo.kinesis().records(STREAM);
    assertThat(records).hasSize(3);
    assertThat(records).extracting(KinesisRecord::sequenceNumber).isSorted().doesNotHaveDuplicates();
    JsonObject insert = (JsonObject) Json.parse(records.get(0).data());
    JsonObject modify = (JsonObject) Json.parse(records.get(1).data());
    JsonObject remove = (JsonObject) Json.parse(records.get(2).data());
    assertThat(insert.get("eventName")).isEqualTo("INSERT");
    assertThat(modify.get("eventName")).isEqualTo("MODIFY");
    assertThat(remove.get("eventName")).isEqualTo("REMOVE");
    assertThat(insert.get("tableName")).isEqualTo("orders");
    assertThat(insert.get("eventSource")).isEqualTo("aws:dynamodb");
    assertThat(insert.get("recordFormat")).isEqualTo("application/json");
    assertThat(insert.get("awsRegion")).isEqualTo("us-east-1");
    JsonObject change = (JsonObject) modify.get("dynamodb");
    assertThat(Json.toJson(change.get("Keys"))).isEqualTo("{\"pk\":{\"S\":\"o1\"}}");
    assertThat(Json.toJson(change.get("OldImage"))).contains("\"n\":{\"N\":\"1\"}");
    assertThat(Json.toJson(change.get("NewImage"))).contains("\"n\":{\"N\":\"2\"}");
    assertThat(change.get("ApproximateCreationDateTimePrecision")).isEqualTo("MICROSECOND");
    Instant at = clock.now();
    long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    assertThat(((Number) change.get("ApproximateCreationDateTime")).longValue()).isEqualTo(micros);
    assertThat(((JsonObject) remove.get("dynamodb")).get("NewImage")).isNull();
  }

  @Test
  void precisionUpdatesGoThroughUpdatingAndDisabledStreamsGetNothingMore() {
    enable(STREAM);
    var updated = client.updateKinesisStreamingDestination(r -> r.tableName("orders").streamArn(STREAM)
        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(
            ApproximateCreationDateTimePrecision.MILLISECOND)));
    assertThat(updated.destinationStatus()).isEqualTo(DestinationStatus.UPDATING);
    clock.advance(Duration.ofSeconds(1));
    assertThat(destinations()).singleElement().satisfies(d -> assertThat(d.approximateCreationDateTimePrecision())
        .isEqualTo(ApproximateCreationDateTimePrecision.MILLISECOND));
    client.putItem(r -> r.tableName("orders").item(item("pk", s("o1"))));
    JsonObject change = (JsonObject) ((JsonObject) Json.parse(dynamo.kinesis().records(STREAM).get(0).data()))
        .get("dynamodb");
    assertThat(((Number) change.get("ApproximateCreationDateTime")).longValue()).isEqualTo(clock.now().toEpochMilli());

    var disabled = client.disableKinesisStreamingDestination(r -> r.tableName("orders").streamArn(STREAM));
    assertThat(disabled.destinationStatus()).isEqualTo(DestinationStatus.DISABLING);
    clock.advance(Duration.ofSeconds(1));
    assertThat(destinations()).singleElement().satisfies(d -> assertThat(d.destinationStatus())
        .isEqualTo(DestinationStatus.DISABLED));
    client.putItem(r -> r.tableName("orders").item(item("pk", s("o2"))));
    assertThat(dynamo.kinesis().records(STREAM)).hasSize(1);
    enable(STREAM); // a disabled destination may be enabled again
    assertThat(destinations()).singleElement().satisfies(d -> assertThat(d.destinationStatus())
        .isEqualTo(DestinationStatus.ACTIVE));
  }

  @Test
  void twoDestinationsEachGetEveryChange() {
    enable(STREAM);
    enable(OTHER);
    client.putItem(r -> r.tableName("orders").item(item("pk", s("o1"))));
    assertThat(dynamo.kinesis().records(STREAM)).hasSize(1);
    assertThat(dynamo.kinesis().records(OTHER)).hasSize(1);
    assertThat(destinations()).extracting(KinesisDataStreamDestination::streamArn).containsExactly(STREAM, OTHER);
  }

  @Test
  void badRequestsAreRefused() {
    assertNotFound(() -> client.enableKinesisStreamingDestination(r -> r.tableName("missing").streamArn(STREAM)),
        "Requested resource not found: Table: missing not found");
    assertValidation(() -> client.enableKinesisStreamingDestination(r -> r.tableName("orders").streamArn("arn:s")),
        "1 validation error detected: Value 'arn:s' at 'streamArn' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 37");
    String notKinesis = "arn:aws:sqs:us-east-1:000000000000:queue-with-a-long-enough-name";
    assertValidation(() -> client.enableKinesisStreamingDestination(r -> r.tableName("orders").streamArn(notKinesis)),
        "Invalid StreamArn: " + notKinesis + " is not the ARN of a Kinesis data stream");
    enable(STREAM);
    assertError(() -> client.enableKinesisStreamingDestination(r -> r.tableName("orders").streamArn(STREAM)),
        "ValidationException", "Table orders is already streaming to the Kinesis data stream " + STREAM + " (ACTIVE)");
    assertValidation(() -> client.disableKinesisStreamingDestination(r -> r.tableName("orders").streamArn(OTHER)),
        "Cannot disable the Kinesis streaming destination " + OTHER + " of table orders: it is not enabled, not ACTIVE");
    assertValidation(() -> client.updateKinesisStreamingDestination(r -> r.tableName("orders").streamArn(STREAM)
        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(
            ApproximateCreationDateTimePrecision.MICROSECOND))),
        "Invalid Request: Precision is already set to the desired value of MICROSECOND for this Kinesis "
            + "streaming destination.");
  }

  @Test
  void aResetPutsBackDestinationsAndStreams() {
    enable(STREAM);
    client.putItem(r -> r.tableName("orders").item(item("pk", s("o1"))));
    EngineSnapshot snapshot = dynamo.engine().snapshot();
    client.putItem(r -> r.tableName("orders").item(item("pk", s("o2"))));
    client.disableKinesisStreamingDestination(r -> r.tableName("orders").streamArn(STREAM));
    dynamo.engine().restore(snapshot);
    assertThat(dynamo.kinesis().records(STREAM)).hasSize(1);
    assertThat(destinations()).singleElement().satisfies(d -> assertThat(d.destinationStatus())
        .isEqualTo(DestinationStatus.ACTIVE));
  }

  @Test
  void theControlApiServesEachStreamsRecords() throws Exception {
    enable(STREAM);
    client.putItem(r -> r.tableName("orders").item(item("pk", s("o1"))));
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        dynamo.endpoint() + "/_dynamodouble/kinesis/records?streamArn=" + STREAM)).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonObject body = (JsonObject) Json.parse(answer.body());
    assertThat(body.get("StreamArn")).isEqualTo(STREAM);
    JsonObject record = (JsonObject) ((List<?>) body.get("Records")).get(0);
    assertThat(((JsonObject) record.get("Data")).get("eventName")).isEqualTo("INSERT");
    assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(dynamo.endpoint()
        + "/_dynamodouble/kinesis/records")).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(400);
  }
}
