package dev.dynamodouble.core.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The data directory through the real SDK: what survives a close and a reopen, and what is refused. */
class DataDirectoryTest {
  @TempDir
  Path dir;

  /** Runs {@code work} against a server whose engine keeps its data in {@code dir}. */
  private List<String> withServer(long compactionBytes, Consumer<DynamoDbClient> work) {
    DynamoDouble built = DynamoDouble.builder().build();
    DataDirectory data = DataDirectory.open(dir, built.engine(), compactionBytes);
    try (DynamoDouble dynamo = built.start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      work.accept(client);
    } finally {
      data.close();
    }
    return data.notices();
  }

  private List<String> withServer(Consumer<DynamoDbClient> work) {
    return withServer(DataDirectory.DEFAULT_COMPACTION_BYTES, work);
  }

  @Test
  void itemsTablesAndTheirSettingsSurviveAReopen() {
    withServer(client -> {
      client.createTable(r -> r.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(SdkTestSupport.attr("pk", ScalarAttributeType.S),
              SdkTestSupport.attr("sk", ScalarAttributeType.N), SdkTestSupport.attr("customer", ScalarAttributeType.S),
              SdkTestSupport.attr("total", ScalarAttributeType.N))
          .keySchema(SdkTestSupport.hash("pk"), SdkTestSupport.range("sk"))
          .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byCustomer")
              .keySchema(SdkTestSupport.hash("customer")).projection(p -> p.projectionType(ProjectionType.ALL)).build())
          .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byTotal")
              .keySchema(SdkTestSupport.hash("pk"), SdkTestSupport.range("total"))
              .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))
          .tags(t -> t.key("team").value("billing")));
      client.updateTimeToLive(r -> r.tableName("orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
      client.updateContinuousBackups(r -> r.tableName("orders")
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7)));
      SdkTestSupport.createTable(client, "audit", "id", null);
      SdkTestSupport.createTable(client, "dropped", "id", null);
      client.putItem(r -> r.tableName("dropped").item(item("id", "x")));
      client.deleteTable(r -> r.tableName("dropped"));

      client.putItem(r -> r.tableName("orders").item(item("pk", "o", "sk", 1, "customer", "c1", "total", 10,
          "lines", AttributeValue.fromL(List.of(AttributeValue.fromSs(List.of("a", "b")),
              AttributeValue.fromNs(List.of("1.5", "2")), AttributeValue.fromM(Map.of("k", AttributeValue.fromNul(true))))),
          "blob", AttributeValue.fromB(SdkTestSupport.bytes("bytes")), "flag", true)));
      client.putItem(r -> r.tableName("orders").item(item("pk", "o", "sk", 2, "customer", "c2", "total", 20)));
      client.putItem(r -> r.tableName("orders").item(item("pk", "o", "sk", 3, "customer", "c3", "total", 30)));
      client.updateItem(r -> r.tableName("orders").key(item("pk", "o", "sk", 2))
          .updateExpression("SET #t = :t").expressionAttributeNames(Map.of("#t", "total"))
          .expressionAttributeValues(Map.of(":t", AttributeValue.fromN("25"))));
      client.deleteItem(r -> r.tableName("orders").key(item("pk", "o", "sk", 3)));
      client.transactWriteItems(r -> r.transactItems(
          TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("pk", "t", "sk", 1, "customer", "c1"))).build(),
          TransactWriteItem.builder().put(p -> p.tableName("audit").item(item("id", "t"))).build()));
      client.batchWriteItem(r -> r.requestItems(Map.of("audit", List.of(
          software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
              .putRequest(p -> p.item(item("id", "batch"))).build()))));
    });

    List<String> notices = withServer(client -> {
      assertThat(client.listTables().tableNames()).containsExactly("audit", "orders");
      assertThat(client.getItem(r -> r.tableName("orders").key(item("pk", "o", "sk", 1))).item())
          .containsEntry("lines", AttributeValue.fromL(List.of(AttributeValue.fromSs(List.of("a", "b")),
              AttributeValue.fromNs(List.of("1.5", "2")), AttributeValue.fromM(Map.of("k", AttributeValue.fromNul(true))))))
          .containsEntry("blob", AttributeValue.fromB(SdkTestSupport.bytes("bytes")))
          .containsEntry("flag", AttributeValue.fromBool(true));
      assertThat(client.getItem(r -> r.tableName("orders").key(item("pk", "o", "sk", 2))).item())
          .containsEntry("total", AttributeValue.fromN("25"));
      assertThat(client.getItem(r -> r.tableName("orders").key(item("pk", "o", "sk", 3))).hasItem()).isFalse();
      assertThat(client.getItem(r -> r.tableName("audit").key(item("id", "t"))).hasItem()).isTrue();
      assertThat(client.getItem(r -> r.tableName("audit").key(item("id", "batch"))).hasItem()).isTrue();
      assertThat(client.query(r -> r.tableName("orders").indexName("byCustomer").keyConditionExpression("customer = :c")
          .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("c1")))).count()).isEqualTo(2);
      assertThat(client.query(r -> r.tableName("orders").indexName("byTotal").keyConditionExpression("pk = :p")
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("o")))).count()).isEqualTo(2);

      TableDescription table = client.describeTable(r -> r.tableName("orders")).table();
      assertThat(table.itemCount()).isEqualTo(3);
      assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(g -> assertThat(g.itemCount()).isEqualTo(3));
      assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
      assertThat(client.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags())
          .singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("billing"));
      assertThat(client.describeTimeToLive(r -> r.tableName("orders")).timeToLiveDescription().attributeName())
          .isEqualTo("exp");
      assertThat(client.describeTimeToLive(r -> r.tableName("orders")).timeToLiveDescription().timeToLiveStatus())
          .isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
      assertThat(client.describeContinuousBackups(r -> r.tableName("orders")).continuousBackupsDescription()
          .pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(7);
    });
    assertThat(notices).anyMatch(line -> line.startsWith("Recovered 2 table(s)"));
  }

  @Test
  void aTableDeletedAndCreatedAgainKeepsOnlyItsNewItems() {
    withServer(client -> {
      SdkTestSupport.createTable(client, "tbl", "id", null);
      client.putItem(r -> r.tableName("tbl").item(item("id", "old")));
      client.deleteTable(r -> r.tableName("tbl"));
      SdkTestSupport.createTable(client, "tbl", "key", null);
      client.putItem(r -> r.tableName("tbl").item(item("key", "new")));
    });
    withServer(client -> {
      assertThat(client.scan(r -> r.tableName("tbl")).items()).containsExactly(item("key", "new"));
    });
  }

  @Test
  void aResetToAnEngineSnapshotIsKept() {
    DynamoDouble built = DynamoDouble.builder().build();
    DataDirectory data = DataDirectory.open(dir, built.engine());
    try (DynamoDouble dynamo = built.start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "kept", "id", null);
      client.putItem(r -> r.tableName("kept").item(item("id", "before")));
      dev.dynamodouble.core.engine.EngineSnapshot snapshot = dynamo.engine().snapshot();
      client.putItem(r -> r.tableName("kept").item(item("id", "after")));
      SdkTestSupport.createTable(client, "dropped", "id", null);
      client.putItem(r -> r.tableName("dropped").item(item("id", "x")));

      dynamo.engine().restore(snapshot); // as the control API's reset does, outside the request pipeline
      data.sync();
    } finally {
      data.close();
    }
    withServer(client -> {
      assertThat(client.listTables().tableNames()).containsExactly("kept");
      assertThat(client.scan(r -> r.tableName("kept")).items()).containsExactly(item("id", "before"));
    });
  }

  @Test
  void anUpdateTableStillUpdatingIsKeptAsItWillEnd() {
    dev.dynamodouble.core.time.ManualClock clock =
        dev.dynamodouble.core.time.DynamoClock.manual(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    DynamoDouble built = DynamoDouble.builder().clock(clock).statusDelay(java.time.Duration.ofSeconds(5)).build();
    DataDirectory data = DataDirectory.open(dir, built.engine());
    try (DynamoDouble dynamo = built.start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "tbl", "id", null);
      clock.advance(java.time.Duration.ofSeconds(5)); // ACTIVE
      client.updateTable(r -> r.tableName("tbl").billingMode(BillingMode.PROVISIONED)
          .provisionedThroughput(t -> t.readCapacityUnits(7L).writeCapacityUnits(3L)));
      assertThat(client.describeTable(r -> r.tableName("tbl")).table().tableStatusAsString()).isEqualTo("UPDATING");
    } finally {
      data.close();
    }
    withServer(client -> {
      TableDescription table = client.describeTable(r -> r.tableName("tbl")).table();
      assertThat(table.tableStatusAsString()).isEqualTo("ACTIVE");
      assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
      assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
      assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
    });
  }

  @Test
  void aTornTailIsTruncatedAndLogged() throws IOException {
    withServer(client -> {
      SdkTestSupport.createTable(client, "tbl", "id", null);
      client.putItem(r -> r.tableName("tbl").item(item("id", "kept")));
    });
    Path segment = onlySegment();
    long size = Files.size(segment);
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 2, 0, 0})); // a record cut short
    }

    List<String> notices = withServer(client ->
        assertThat(client.scan(r -> r.tableName("tbl")).items()).containsExactly(item("id", "kept")));

    assertThat(notices).anyMatch(line -> line.startsWith("Truncated the torn tail of") && line.contains(
        "11 bytes after byte " + size));
  }

  @Test
  void aRecordWhoseChecksumFailsEndsTheLog() throws IOException {
    withServer(client -> {
      SdkTestSupport.createTable(client, "tbl", "id", null);
      client.putItem(r -> r.tableName("tbl").item(item("id", "first")));
      client.putItem(r -> r.tableName("tbl").item(item("id", "second")));
    });
    Path segment = onlySegment();
    byte[] bytes = Files.readAllBytes(segment);
    int second = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("second");
    bytes[second + 2] ^= 0x5a; // inside the record of "second" (a clean close logs the clock's time after it)
    Files.write(segment, bytes);

    List<String> notices = withServer(client ->
        assertThat(client.scan(r -> r.tableName("tbl")).items()).containsExactly(item("id", "first")));

    assertThat(notices).anyMatch(line -> line.startsWith("Truncated") && line.contains("checksum mismatch"));
  }

  @Test
  void aDirectoryOfANewerFormatIsRefusedUntouched() throws IOException {
    withServer(client -> SdkTestSupport.createTable(client, "tbl", "id", null));
    Path segment = onlySegment();
    byte[] bytes = Files.readAllBytes(segment);
    bytes[SegmentFormat.MAGIC.length + 3] = (byte) (SegmentFormat.VERSION + 1);
    Files.write(segment, bytes);

    DynamoDouble built = DynamoDouble.builder().build();
    assertThatThrownBy(() -> DataDirectory.open(dir, built.engine()))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessageContaining("was written by a newer Dynamo Double")
        .hasMessageContaining("format " + (SegmentFormat.VERSION + 1))
        .hasMessageContaining("nothing was changed");
    built.close();
    assertThat(Files.readAllBytes(segment)).isEqualTo(bytes);
    assertThat(DataFiles.segments(dir)).containsExactly(segment);
  }

  @Test
  void aDirectoryInUseIsRefused() throws IOException {
    DynamoDouble first = DynamoDouble.builder().build();
    try (DataDirectory open = DataDirectory.open(dir, first.engine())) {
      List<Path> before = DataFiles.segments(dir);
      DynamoDouble second = DynamoDouble.builder().build();
      assertThatThrownBy(() -> DataDirectory.open(dir, second.engine()))
          .isInstanceOf(DataDirectoryException.class)
          .hasMessageContaining("is in use by another Dynamo Double server");
      second.close();
      assertThat(DataFiles.segments(dir)).isEqualTo(before);
    } finally {
      first.close();
    }
    DataDirectory.open(dir, DynamoDouble.builder().build().engine()).close(); // free again once closed
  }

  @Test
  void aForeignFileIsRefused() throws IOException {
    Files.writeString(dir.resolve(SegmentFormat.fileName(1)), "not ours at all");
    assertThatThrownBy(() -> DataDirectory.open(dir, DynamoDouble.builder().build().engine()))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessageContaining("is not a Dynamo Double data file");
  }

  @Test
  void theLogIsCompactedIntoCheckpointsAndLosesNothing() throws IOException {
    withServer(4096, client -> {
      SdkTestSupport.createTable(client, "tbl", "id", null);
      for (int i = 0; i < 300; i++) {
        int n = i;
        client.putItem(r -> r.tableName("tbl").item(item("id", "k" + (n % 50), "n", n, "pad", "x".repeat(100))));
      }
    });
    assertThat(DataFiles.segments(dir)).hasSizeLessThanOrEqualTo(2);
    assertThat(SegmentFormat.number(DataFiles.segments(dir).get(0))).isGreaterThan(2);
    withServer(client -> {
      assertThat(client.scan(r -> r.tableName("tbl")).count()).isEqualTo(50);
      assertThat(client.getItem(r -> r.tableName("tbl").key(item("id", "k49"))).item()).containsEntry("n",
          AttributeValue.fromN("299"));
    });
  }

  /** An item from name/value pairs: numbers become N, booleans BOOL, other plain values S. */
  static Map<String, AttributeValue> item(Object... pairs) {
    Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object v = pairs[i + 1];
      item.put((String) pairs[i], v instanceof AttributeValue a ? a : v instanceof Number n ? AttributeValue.fromN(n.toString())
          : v instanceof Boolean b ? AttributeValue.fromBool(b) : AttributeValue.fromS(String.valueOf(v)));
    }
    return item;
  }

  private Path onlySegment() throws IOException {
    List<Path> segments = DataFiles.segments(dir);
    assertThat(segments).hasSize(1);
    return segments.get(0);
  }
}
