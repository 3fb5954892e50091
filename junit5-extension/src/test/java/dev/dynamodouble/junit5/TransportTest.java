package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.sdk.InProcess;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The injected clients' transport: in process by default (no HTTP server unless asked for), HTTP when set. */
class TransportTest {
  @Test
  void injectedClientsAloneStartNoServer() {
    TestKit.assertAllPassed(TestKit.execute(ClientsOnly.class));
    assertThat(ClientsOnly.listening).as("the HTTP endpoint after using only injected clients").isFalse();
  }

  @Test
  void askingForTheUriStartsTheServer() {
    TestKit.assertAllPassed(TestKit.execute(AsksForTheUri.class));
    assertThat(AsksForTheUri.listening).isTrue();
  }

  @Test
  void httpIsChosenByAnnotationOrConfiguration() {
    TestKit.assertAllPassed(TestKit.execute(OverHttp.class));
    assertThat(OverHttp.endpointOverride).isEqualTo(OverHttp.endpoint);
    TestKit.assertAllPassed(TestKit.kit().with("dynamodouble.transport", "http").run(ClientsOnly.class));
    assertThat(ClientsOnly.listening).isTrue();
    assertThat(ClientsOnly.endpointOverride).isNotEqualTo(InProcess.ENDPOINT);
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class ClientsOnly {
    static boolean listening;
    static URI endpointOverride;

    @Test
    void test(DynamoDbClient sync, DynamoDbAsyncClient async, DynamoDouble dynamo) {
      sync.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("a"))));
      assertThat(async.getItem(r -> r.tableName("orders").key(Map.of("pk", AttributeValue.fromS("a")))).join()
          .item()).containsKey("pk");
      listening = dynamo.listening();
      endpointOverride = sync.serviceClientConfiguration().endpointOverride().orElseThrow();
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class AsksForTheUri {
    static boolean listening;

    @Test
    void test(URI endpoint, DynamoDouble dynamo) {
      listening = dynamo.listening() && endpoint.getPort() == dynamo.port();
    }
  }

  @TestKitOnly
  @DynamoDoubleTest(transport = Transport.HTTP)
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class OverHttp {
    static URI endpointOverride;
    static URI endpoint;

    @Test
    void test(DynamoDbClient client, DynamoDouble dynamo) {
      assertThat(client.listTables().tableNames()).containsExactly("orders");
      endpointOverride = client.serviceClientConfiguration().endpointOverride().orElseThrow();
      endpoint = dynamo.endpoint();
    }
  }
}
