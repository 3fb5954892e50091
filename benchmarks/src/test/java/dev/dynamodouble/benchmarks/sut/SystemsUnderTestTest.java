package dev.dynamodouble.benchmarks.sut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.benchmarks.BenchData;
import dev.dynamodouble.benchmarks.Clients;
import dev.dynamodouble.benchmarks.Workloads;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The floor servers answer the real SDK, on 127.0.0.1 only (DynamoDB Local's adapters, built only
 * with {@code -Pdynamodb-local}, are checked by {@code DynamoDbLocalAdaptersTest}).
 */
class SystemsUnderTestTest {

  static final Map<String, AttributeValue> ITEM = Map.of(
      BenchData.PK, AttributeValue.fromS(BenchData.GET_PK),
      BenchData.SK, AttributeValue.fromS(BenchData.GET_SK),
      BenchData.NUM, AttributeValue.fromN("42"),
      BenchData.STR, AttributeValue.fromS(BenchData.PAYLOAD),
      BenchData.BOOL, AttributeValue.fromBool(true));
  static final Map<String, AttributeValue> KEY = Map.of(
      BenchData.PK, AttributeValue.fromS(BenchData.GET_PK),
      BenchData.SK, AttributeValue.fromS(BenchData.GET_SK));

  @Test
  void floorAnswersEveryWorkloadThroughTheSdk() throws Exception {
    try (RunningEndpoint floor = new Floor().start(0);
         DynamoDbClient dynamo = Clients.create(floor.endpoint())) {
      assertThat(floor.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertListensOnLoopbackOnly(floor.endpoint().getPort());

      createTable(dynamo);
      assertThat(dynamo.describeTable(r -> r.tableName(BenchData.TABLE)).table().tableStatus())
          .isEqualTo(TableStatus.ACTIVE);
      dynamo.putItem(r -> r.tableName(BenchData.TABLE).item(ITEM));
      assertThat(dynamo.getItem(r -> r.tableName(BenchData.TABLE).key(KEY)).item())
          .isEqualTo(ITEM);
      assertThat(dynamo.query(r -> r.tableName(BenchData.TABLE)
          .keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(BenchData.QUERY_PK))))
          .items()).hasSize(BenchData.QUERY_ITEMS);
      // 4 full pages, each with a LastEvaluatedKey, then an empty last page: like DynamoDB.
      assertThat(dynamo.scanPaginator(r -> r.tableName(BenchData.SCAN_TABLE)
          .limit(BenchData.SCAN_PAGE_SIZE)).stream().mapToInt(page -> page.count()).boxed())
          .containsExactly(25, 25, 25, 25, 0);

      assertThatThrownBy(() -> dynamo.listBackups(r -> { }))
          .isInstanceOf(DynamoDbException.class)
          .hasMessageContaining("does not answer this operation");
    }
  }

  @Test
  void dynamoDbLocalIsInTheHarnessOnlyWhenItsProfileBuiltIt() {
    List<String> ids = Systems.all().stream().map(SystemUnderTest::id).toList();
    if (DynamoDbLocalOptIn.server().isPresent()) { // built with -Pdynamodb-local
      assertThat(ids).contains(DynamoDbLocalOptIn.SERVER, DynamoDbLocalOptIn.EMBEDDED);
    } else {
      assertThat(ids).doesNotContain(DynamoDbLocalOptIn.SERVER, DynamoDbLocalOptIn.EMBEDDED).contains(Floor.ID);
      assertThatThrownBy(() -> Systems.byId(DynamoDbLocalOptIn.EMBEDDED))
          .hasMessageContaining("not open source").hasMessageContaining("-Pdynamodb-local");
      assertThatThrownBy(DynamoDbLocalOptIn::testClass).isInstanceOf(SystemUnavailableException.class);
    }
  }

  @Test
  void readingFloorReadsEveryBodyAndAnswersTheWriteWorkloads() throws Exception {
    try (RunningEndpoint floor = Systems.byId(Floor.READING_ID).start(0);
         DynamoDbClient dynamo = Clients.create(floor.endpoint())) {
      assertListensOnLoopbackOnly(floor.endpoint().getPort());
      long before = FloorServer.readChars;
      for (String id : List.of("batch-write", "transact-write")) {
        Workloads.all().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow().run(dynamo, 0, 1);
      }
      // 25 items of 5 attributes, each with the 100-character payload, then 4 actions
      assertThat(FloorServer.readChars - before).isGreaterThan(25L * BenchData.PAYLOAD.length());
    }
  }

  static void createTable(DynamoDbClient dynamo) {
    dynamo.createTable(r -> r.tableName(BenchData.TABLE)
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName(BenchData.PK)
                .attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName(BenchData.SK)
                .attributeType(ScalarAttributeType.S).build())
        .keySchema(
            KeySchemaElement.builder().attributeName(BenchData.PK).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(BenchData.SK).keyType(KeyType.RANGE).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  /** Connecting through a non-loopback address of this machine is refused (if it has one). */
  static void assertListensOnLoopbackOnly(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(Loopback.ADDRESS, port), 2_000);
    }
    Optional<InetAddress> external = nonLoopbackAddress();
    if (external.isEmpty()) {
      return;
    }
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), port), 2_000))
          .as("port %d must not be reachable on %s", port, external.get())
          .isInstanceOf(ConnectException.class);
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
    for (NetworkInterface networkInterface : interfaces) {
      if (!networkInterface.isUp() || networkInterface.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
