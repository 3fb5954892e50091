package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.Items.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Test classes in one JVM share the SDK clients behind their injected {@code DynamoDbClient}s, yet
 * each class's client behaves as its own: it reaches only its class's tables, it keeps working when a
 * test closes it (as an SDK client of a running engine does) and harms no later class, and once its
 * class has ended it refuses every call, as it did when its engine had closed.
 */
class SyncClientSharingTest {
  private static final AtomicReference<DynamoDbClient> LEAKED = new AtomicReference<>();

  @Test
  void eachClassReachesItsOwnEngineAndAClosedClientRefusesCalls() {
    TestKit.assertAllPassed(TestKit.execute(Writer.class, Reader.class, Closer.class, Reader.class, Writer.class));
    DynamoDbClient leaked = LEAKED.get();
    assertThat(leaked).isNotNull();
    assertThat(leaked.serviceName()).isEqualTo("dynamodb");
    assertThatThrownBy(() -> leaked.listTables()).isInstanceOf(SdkClientException.class)
        .hasMessageContaining("Dynamo Double is closed");
    assertThatThrownBy(() -> Closer.client.listTables()).isInstanceOf(SdkClientException.class);
    TestKit.assertAllPassed(TestKit.execute(Reader.class));
    assertThatThrownBy(() -> leaked.getItem(r -> r.tableName("orders").key(item("pk", "w"))))
        .isInstanceOf(SdkClientException.class);
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class Writer {
    @Test
    void writes(DynamoDbClient dynamo) {
      dynamo.putItem(r -> r.tableName("orders").item(item("pk", "w")));
      assertThat(dynamo.getItem(r -> r.tableName("orders").key(item("pk", "w"))).hasItem()).isTrue();
      LEAKED.set(dynamo);
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class Reader {
    @Test
    void seesNoOtherClassesItems(DynamoDbClient dynamo) {
      assertThat(dynamo.getItem(r -> r.tableName("orders").key(item("pk", "w"))).hasItem()).isFalse();
      assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class Closer {
    static DynamoDbClient client;

    @Test
    void closesItsClient(DynamoDbClient dynamo) {
      client = dynamo;
      dynamo.close();
      assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
    }

    @AfterAll
    static void stillWorksUntilTheClassEnds() {
      assertThat(client.describeTable(r -> r.tableName("orders")).table().tableName()).isEqualTo("orders");
    }
  }
}
