package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.stream.StreamSettings;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams through the SDK's DynamoDbStreamsClient, on a manual clock. */
class StreamsTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private ManualClock clock;
  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private DynamoDbStreamsClient streams;

  @BeforeEach
  void start() {
    clock = DynamoClock.manual(START);
    dynamo = DynamoDouble.builder().clock(clock).start();
    client = SdkTestSupport.client(dynamo);
    streams = streamsClient(dynamo);
  }

  @AfterEach
  void stop() {
    dynamo.close();
  }

  static DynamoDbStreamsClient streamsClient(DynamoDouble dynamo) {
    return SdkTestSupport.over(DynamoDbStreamsClient.builder(), dynamo).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
  }

  private String createStreamTable(String name, StreamViewType view) {
    SdkTestSupport.createTable(client, name, "pk", null);
    return client.updateTable(r -> r.tableName(name).streamSpecification(s -> s.streamEnabled(true).streamViewType(view)))
        .tableDescription().latestStreamArn();
  }

  private List<Record> readAll(String streamArn) {
    return readAll(streams, streamArn);
  }

  /** Every record of every shard of the stream, from its trim horizon. */
  static List<Record> readAll(DynamoDbStreamsClient streams, String streamArn) {
    List<Record> records = new ArrayList<>();
    for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
      String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current));
        records.addAll(page.records());
        if (page.records().isEmpty()) {
          break;
        }
        iterator = page.nextShardIterator();
      }
    }
    return records;
  }

  @Test
  void describeTableShowsTheStreamAndCreateTableCanEnableIt() {
    TableDescription created = client.createTable(r -> r.tableName("tbl").billingMode("PAY_PER_REQUEST")
        .keySchema(SdkTestSupport.hash("pk")).attributeDefinitions(SdkTestSupport.attr("pk",
            software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))).tableDescription();
    assertThat(created.streamSpecification().streamEnabled()).isTrue();
    assertThat(created.latestStreamArn()).isEqualTo(created.tableArn() + "/stream/2024-01-01T00:00:00.000");
    assertThat(created.latestStreamLabel()).isEqualTo("2024-01-01T00:00:00.000");
    TableDescription described = client.describeTable(r -> r.tableName("tbl")).table();
    assertThat(described.streamSpecification().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
    assertThat(streams.listStreams(r -> r.tableName("tbl")).streams()).singleElement()
        .satisfies(s -> assertThat(s.streamArn()).isEqualTo(created.latestStreamArn()));
  }

  @Test
  void specificationErrors() {
    SdkTestSupport.createTable(client, "tbl", "pk", null);
    assertThat(catchThrowableOfType(DynamoDbException.class, () -> client.updateTable(r -> r.tableName("tbl")
        .streamSpecification(s -> s.streamEnabled(true).streamViewType("EVERYTHING")))).getMessage())
        .startsWith("1 validation error detected: Value 'EVERYTHING' at 'streamSpecification.streamViewType' failed to "
            + "satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, "
            + "KEYS_ONLY]");
    DynamoDbException notEnabled = catchThrowableOfType(DynamoDbException.class,
        () -> client.updateTable(r -> r.tableName("tbl").streamSpecification(s -> s.streamEnabled(false))));
    assertThat(notEnabled.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    client.updateTable(r -> r.tableName("tbl").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.NEW_IMAGE)));
    DynamoDbException twice = catchThrowableOfType(DynamoDbException.class, () -> client.updateTable(r -> r
        .tableName("tbl").streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.OLD_IMAGE))));
    assertThat(twice.awsErrorDetails().errorMessage()).isEqualTo("Table already has an enabled stream: TableName: tbl");
  }

  @Test
  void recordsCarryImagesPerViewTypeInCommitOrder() {
    String arn = createStreamTable("tbl", StreamViewType.NEW_AND_OLD_IMAGES);
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("a"), "v", s("1"))));
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("a"), "v", s("1")))); // no change: no record
    client.updateItem(r -> r.tableName("tbl").key(Map.of("pk", s("a"))).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", s("2"))));
    client.deleteItem(r -> r.tableName("tbl").key(Map.of("pk", s("a"))));
    client.deleteItem(r -> r.tableName("tbl").key(Map.of("pk", s("missing")))); // no change
    List<Record> records = readAll(arn);
    assertThat(records).extracting(Record::eventName)
        .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
    Record modify = records.get(1);
    assertThat(modify.eventSource()).isEqualTo("aws:dynamodb");
    assertThat(modify.eventVersion()).isEqualTo("1.1");
    assertThat(modify.awsRegion()).isEqualTo("us-east-1");
    assertThat(modify.dynamodb().keys()).isEqualTo(Map.of("pk", s("a")));
    assertThat(modify.dynamodb().oldImage()).isEqualTo(Map.of("pk", s("a"), "v", s("1")));
    assertThat(modify.dynamodb().newImage()).isEqualTo(Map.of("pk", s("a"), "v", s("2")));
    assertThat(modify.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(modify.dynamodb().approximateCreationDateTime()).isEqualTo(START);
    assertThat(modify.dynamodb().sizeBytes()).isPositive();
    assertThat(modify.userIdentity()).isNull();
    assertThat(records.get(0).dynamodb().sequenceNumber()).hasSizeGreaterThanOrEqualTo(21)
        .isLessThan(records.get(1).dynamodb().sequenceNumber());
    assertThat(records.get(0).dynamodb().oldImage()).isEmpty();
    assertThat(records.get(2).dynamodb().newImage()).isEmpty();
  }

  @Test
  void keysOnlyAndBatchAndTransactionGetOneRecordPerItem() {
    String arn = createStreamTable("tbl", StreamViewType.KEYS_ONLY);
    client.batchWriteItem(r -> r.requestItems(Map.of("tbl", List.of(
        WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s("a")))).build(),
        WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s("b")))).build()))));
    client.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(Put.builder().tableName("tbl").item(Map.of("pk", s("c"), "x", s("1"))).build())
            .build(),
        TransactWriteItem.builder().put(Put.builder().tableName("tbl").item(Map.of("pk", s("a"), "x", s("1"))).build())
            .build()));
    List<Record> records = readAll(arn);
    assertThat(records).hasSize(4);
    assertThat(records).allSatisfy(r -> {
      assertThat(r.dynamodb().newImage()).isEmpty();
      assertThat(r.dynamodb().oldImage()).isEmpty();
    });
    assertThat(records).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("a", "b", "c", "a");
  }

  @Test
  void ttlDeletionsCarryTheServiceIdentity() {
    String arn = createStreamTable("tbl", StreamViewType.OLD_IMAGE);
    client.updateTimeToLive(r -> r.tableName("tbl").timeToLiveSpecification(TimeToLiveSpecification.builder()
        .enabled(true).attributeName("exp").build()));
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("a"), "exp",
        AttributeValue.fromN(Long.toString(START.getEpochSecond() + 10)))));
    clock.advance(Duration.ofSeconds(12));
    List<Record> records = readAll(arn);
    assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.REMOVE);
    assertThat(records.get(1).userIdentity().type()).isEqualTo("Service");
    assertThat(records.get(1).userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    assertThat(records.get(1).dynamodb().oldImage()).containsKey("exp");
  }

  @Test
  void shardIteratorTypesAndPaging() {
    String arn = createStreamTable("tbl", StreamViewType.NEW_IMAGE);
    for (int i = 0; i < 5; i++) {
      String pk = "k" + i;
      client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s(pk))));
    }
    String shardId = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
    GetRecordsResponse first = streams.getRecords(r -> r.limit(2).shardIterator(streams.getShardIterator(i -> i
        .streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()));
    assertThat(first.records()).hasSize(2);
    GetRecordsResponse rest = streams.getRecords(r -> r.shardIterator(first.nextShardIterator()));
    assertThat(rest.records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("k2", "k3", "k4");
    String second = first.records().get(1).dynamodb().sequenceNumber();
    assertThat(streams.getRecords(r -> r.shardIterator(streams.getShardIterator(i -> i.streamArn(arn).shardId(shardId)
        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(second)).shardIterator())).records())
        .first().satisfies(r -> assertThat(r.dynamodb().sequenceNumber()).isEqualTo(second));
    assertThat(streams.getRecords(r -> r.shardIterator(streams.getShardIterator(i -> i.streamArn(arn).shardId(shardId)
        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(second)).shardIterator())).records())
        .hasSize(3);
    String latest = streams.getShardIterator(i -> i.streamArn(arn).shardId(shardId)
        .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
    assertThat(streams.getRecords(r -> r.shardIterator(latest)).records()).isEmpty();
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("new"))));
    assertThat(streams.getRecords(r -> r.shardIterator(latest)).records()).hasSize(1);
  }

  /** The keys an AT_TIMESTAMP iterator of {@code timestamp} reads from the stream's first shard. */
  private List<String> keysFrom(String arn, Instant timestamp) {
    return keysRead(atTimestamp(arn, timestamp));
  }

  private String atTimestamp(String arn, Instant timestamp) {
    String shardId = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
    return streams.getShardIterator(i -> i.streamArn(arn).shardId(shardId)
        .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(timestamp)).shardIterator();
  }

  private List<String> keysRead(String iterator) {
    return streams.getRecords(r -> r.shardIterator(iterator)).records().stream()
        .map(r -> r.dynamodb().keys().get("pk").s()).toList();
  }

  @Test
  void atTimestampReadsFromTheFirstRecordCreatedAtOrAfterTheTimestamp() {
    String arn = createStreamTable("tbl", StreamViewType.KEYS_ONLY);
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("k0")))); // at START
    clock.advance(Duration.ofMillis(1500));
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("k1")))); // START + 1.5 s
    clock.advance(Duration.ofSeconds(1));
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("k2")))); // START + 2.5 s

    assertThat(keysFrom(arn, START.plusMillis(1500))).containsExactly("k1", "k2"); // that exact time
    assertThat(keysFrom(arn, START.plusMillis(1200))).containsExactly("k1", "k2"); // else the next record
    assertThat(keysFrom(arn, START.plusMillis(1501))).containsExactly("k2"); // to the millisecond
    assertThat(keysFrom(arn, START.minus(Duration.ofDays(30)))).containsExactly("k0", "k1", "k2");

    // A record's ApproximateCreationDateTime (whole seconds) given back reads that record again.
    Instant k1Created = readAll(arn).get(1).dynamodb().approximateCreationDateTime();
    assertThat(k1Created).isEqualTo(START.plusSeconds(1));
    assertThat(keysFrom(arn, k1Created)).containsExactly("k1", "k2");

    // After every record (up to now): nothing yet, then the records made from then on.
    clock.advance(Duration.ofSeconds(1));
    String afterAll = atTimestamp(arn, START.plusSeconds(3));
    String now = atTimestamp(arn, START.plusMillis(3500));
    assertThat(keysRead(afterAll)).isEmpty();
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("k3"))));
    assertThat(keysRead(afterAll)).containsExactly("k3");
    assertThat(keysRead(now)).containsExactly("k3");
  }

  /**
   * A table "tbl" whose stream keeps one shard for three days (its records still trimmed after 24
   * hours, iterators living two days), holding one record, of the item "old".
   */
  private String oneShardStreamWithOldRecord(StreamViewType view) {
    dynamo.engine().streams().settings(new StreamSettings(1, Duration.ofDays(3), Duration.ofHours(24),
        Duration.ofDays(2)));
    String arn = createStreamTable("tbl", view);
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("old"))));
    return arn;
  }

  @Test
  void atTimestampBeforeTheTrimHorizonReadsFromTheOldestRetainedRecord() {
    String arn = oneShardStreamWithOldRecord(StreamViewType.KEYS_ONLY);
    clock.advance(Duration.ofHours(20));
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("new"))));
    clock.advance(Duration.ofHours(5)); // "old" is 25 hours old: trimmed
    assertThat(keysFrom(arn, START)).containsExactly("new");
  }

  @Test
  void atTimestampErrors() {
    String arn = createStreamTable("tbl", StreamViewType.KEYS_ONLY);
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("a"))));
    String shardId = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
    String sequence = readAll(arn).get(0).dynamodb().sequenceNumber();
    clock.advance(Duration.ofSeconds(10));
    Instant now = START.plusSeconds(10);
    Map<String, java.util.function.Consumer<software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest
        .Builder>> refused = new java.util.LinkedHashMap<>();
    refused.put("Must specify Timestamp for ShardIteratorType AT_TIMESTAMP",
        i -> i.shardIteratorType(ShardIteratorType.AT_TIMESTAMP));
    refused.put("Must not specify Timestamp for ShardIteratorType TRIM_HORIZON",
        i -> i.shardIteratorType(ShardIteratorType.TRIM_HORIZON).timestamp(START));
    refused.put("Must not specify Timestamp for ShardIteratorType AFTER_SEQUENCE_NUMBER",
        i -> i.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(sequence).timestamp(START));
    refused.put("Must not specify SequenceNumber for ShardIteratorType AT_TIMESTAMP",
        i -> i.shardIteratorType(ShardIteratorType.AT_TIMESTAMP).sequenceNumber(sequence).timestamp(START));
    // "If the timestamp is in the future, the request returns a ValidationException" (API reference)
    refused.put("Invalid Timestamp " + now.plusMillis(1) + " for ShardIteratorType AT_TIMESTAMP: it is in the future",
        i -> i.shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(now.plusMillis(1)));
    refused.forEach((message, request) -> SdkTestSupport.assertValidation(
        () -> streams.getShardIterator(i -> request.accept(i.streamArn(arn).shardId(shardId))), message));
    assertThat(keysFrom(arn, now)).isEmpty(); // now itself is not in the future
  }

  @Test
  void errors() {
    String arn = createStreamTable("tbl", StreamViewType.NEW_IMAGE);
    DynamoDbException malformed = catchThrowableOfType(DynamoDbException.class,
        () -> streams.getRecords(r -> r.shardIterator("nonsense")));
    assertThat(malformed.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(catchThrowableOfType(ResourceNotFoundException.class,
        () -> streams.describeStream(r -> r.streamArn(arn + "x")))).isNotNull();
    String shardId = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
    DynamoDbException badSequence = catchThrowableOfType(DynamoDbException.class, () -> streams.getShardIterator(i -> i
        .streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber("12x")));
    assertThat(badSequence.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    String iterator = streams.getShardIterator(i -> i.streamArn(arn).shardId(shardId)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    clock.advance(Duration.ofMinutes(16));
    assertThat(catchThrowableOfType(ExpiredIteratorException.class,
        () -> streams.getRecords(r -> r.shardIterator(iterator)))).isNotNull();
  }

  @Test
  void shardsRollOverWithLineageAndRecordsAreTrimmedAfter24Hours() {
    String arn = createStreamTable("tbl", StreamViewType.NEW_IMAGE);
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("old"))));
    String firstShard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
    String stale = streams.getShardIterator(i -> i.streamArn(arn).shardId(firstShard)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    clock.advance(Duration.ofHours(5));
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("new"))));
    StreamDescription described = streams.describeStream(r -> r.streamArn(arn)).streamDescription();
    assertThat(described.shards()).hasSize(2);
    assertThat(described.shards().get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
    assertThat(described.shards().get(1).parentShardId()).isEqualTo(firstShard);
    assertThat(streams.describeStream(r -> r.streamArn(arn).shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS)
        .shardId(firstShard))).streamDescription().shards()).singleElement()
        .satisfies(s -> assertThat(s.parentShardId()).isEqualTo(firstShard));
    GetRecordsResponse drained = streams.getRecords(r -> r.shardIterator(streams.getShardIterator(i -> i
        .streamArn(arn).shardId(firstShard).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()));
    assertThat(drained.records()).hasSize(1);
    assertThat(drained.nextShardIterator()).isNull();
    assertThat(readAll(arn)).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("old", "new");

    clock.advance(Duration.ofHours(20)); // "old" is now 25 hours old
    assertThat(readAll(arn)).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("new");
    assertThat(catchThrowableOfType(ExpiredIteratorException.class,
        () -> streams.getRecords(r -> r.shardIterator(stale)))).isNotNull();
    clock.advance(Duration.ofHours(4)); // the first shard, closed at hour 4, has nothing left
    assertThat(streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards())
        .extracting(Shard::shardId).doesNotContain(firstShard);
  }

  @Test
  void aResetPutsStreamsBackAsTheyWereAndEmptiesThem() {
    String arn = createStreamTable("tbl", StreamViewType.NEW_IMAGE);
    SdkTestSupport.createTable(client, "other", "pk", null);
    EngineSnapshot snapshot = dynamo.engine().snapshot();
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("a"))));
    client.updateTable(r -> r.tableName("tbl").streamSpecification(s -> s.streamEnabled(false)));
    client.updateTable(r -> r.tableName("other").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.KEYS_ONLY)));
    SdkTestSupport.createTable(client, "created", "pk", null);
    client.updateTable(r -> r.tableName("created").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.KEYS_ONLY)));

    dynamo.engine().restore(snapshot);
    TableDescription table = client.describeTable(r -> r.tableName("tbl")).table();
    assertThat(table.streamSpecification().streamEnabled()).isTrue();
    assertThat(table.latestStreamArn()).isEqualTo(arn);
    assertThat(client.describeTable(r -> r.tableName("other")).table().streamSpecification()).isNull();
    assertThat(streams.listStreams().streams()).extracting(s -> s.streamArn()).containsExactly(arn);
    assertThat(readAll(arn)).isEmpty();
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("b"))));
    assertThat(readAll(arn)).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("b");
  }

  @Test
  void aShardClosedWithoutRecordsIsReadToItsEndAtOnce() {
    String arn = createStreamTable("tbl", StreamViewType.KEYS_ONLY);
    clock.advance(Duration.ofHours(9)); // two empty shards closed, a third open
    List<Shard> shards = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards();
    assertThat(shards).hasSize(3);
    assertThat(shards.get(2).parentShardId()).isEqualTo(shards.get(1).shardId());
    GetRecordsResponse closed = streams.getRecords(r -> r.shardIterator(streams.getShardIterator(i -> i
        .streamArn(arn).shardId(shards.get(0).shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .shardIterator()));
    assertThat(closed.records()).isEmpty();
    assertThat(closed.nextShardIterator()).isNull();
    GetRecordsResponse open = streams.getRecords(r -> r.shardIterator(streams.getShardIterator(i -> i
        .streamArn(arn).shardId(shards.get(2).shardId()).shardIteratorType(ShardIteratorType.LATEST))
        .shardIterator()));
    assertThat(open.nextShardIterator()).isNotNull();
  }

  @Test
  void aDeletedTablesStreamIsDisabledAndStaysReadable() {
    String arn = createStreamTable("tbl", StreamViewType.KEYS_ONLY);
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("a"))));
    client.deleteTable(r -> r.tableName("tbl"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(streams.describeStream(r -> r.streamArn(arn)).streamDescription().streamStatus())
        .isEqualTo(StreamStatus.DISABLED);
    assertThat(readAll(arn)).hasSize(1);
    assertThat(streams.listStreams().streams()).extracting(s -> s.streamArn()).containsExactly(arn);
    clock.advance(Duration.ofHours(25));
    assertThat(streams.listStreams().streams()).isEmpty();
    assertThat(catchThrowableOfType(ResourceNotFoundException.class,
        () -> streams.describeStream(r -> r.streamArn(arn)))).isNotNull();
  }

  @Test
  void aTrimmedPositionIsTrimmedDataAccess() {
    String arn = oneShardStreamWithOldRecord(StreamViewType.NEW_IMAGE);
    String shardId = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
    String iterator = streams.getShardIterator(i -> i.streamArn(arn).shardId(shardId)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    clock.advance(Duration.ofHours(25));
    assertThat(catchThrowableOfType(TrimmedDataAccessException.class,
        () -> streams.getRecords(r -> r.shardIterator(iterator)))).isNotNull();
  }

  @Test
  void statusFollowsTheClockAndReEnablingMakesANewStream() {
    dynamo.close();
    dynamo = DynamoDouble.builder().clock(clock).statusDelay(Duration.ofSeconds(5)).start();
    client = SdkTestSupport.client(dynamo);
    streams = streamsClient(dynamo);
    SdkTestSupport.createTable(client, "tbl", "pk", null);
    clock.advance(Duration.ofSeconds(5));
    String first = client.updateTable(r -> r.tableName("tbl").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.KEYS_ONLY))).tableDescription().latestStreamArn();
    assertThat(streams.describeStream(r -> r.streamArn(first)).streamDescription().streamStatus())
        .isEqualTo(StreamStatus.ENABLING);
    clock.advance(Duration.ofSeconds(5));
    assertThat(streams.describeStream(r -> r.streamArn(first)).streamDescription().streamStatus())
        .isEqualTo(StreamStatus.ENABLED);
    client.putItem(r -> r.tableName("tbl").item(Map.of("pk", s("a"))));
    client.updateTable(r -> r.tableName("tbl").streamSpecification(s -> s.streamEnabled(false)));
    assertThat(streams.describeStream(r -> r.streamArn(first)).streamDescription().streamStatus())
        .isEqualTo(StreamStatus.DISABLING);
    clock.advance(Duration.ofSeconds(5));
    assertThat(streams.describeStream(r -> r.streamArn(first)).streamDescription().streamStatus())
        .isEqualTo(StreamStatus.DISABLED);
    String second = client.updateTable(r -> r.tableName("tbl").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.NEW_IMAGE))).tableDescription().latestStreamArn();
    assertThat(second).isNotEqualTo(first);
    assertThat(readAll(first)).hasSize(1);
    assertThat(streams.listStreams(r -> r.tableName("tbl").limit(1)).lastEvaluatedStreamArn()).isNotNull();
    assertThat(streams.listStreams(r -> r.tableName("tbl")).streams()).hasSize(2);
  }
}
