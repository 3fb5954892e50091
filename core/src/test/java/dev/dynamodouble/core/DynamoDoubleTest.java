package dev.dynamodouble.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The facade: builder, start, endpoint, clock, close; several independent servers in one JVM. */
class DynamoDoubleTest {

  @Test
  void severalServersInOneJvmShareNothing() {
    try (DynamoDouble one = DynamoDouble.builder().start();
         DynamoDouble two = DynamoDouble.builder().start();
         DynamoDbClient first = SdkTestSupport.client(one);
         DynamoDbClient second = SdkTestSupport.client(two)) {
      assertThat(one.port()).isNotEqualTo(two.port());
      assertThat(one.endpoint().toString()).isEqualTo("http://127.0.0.1:" + one.port());
      SdkTestSupport.createTable(first, "mine", "pk", null);
      assertThat(first.listTables().tableNames()).containsExactly("mine");
      assertThat(second.listTables().tableNames()).isEmpty();
      assertThat(one.clock()).isNotSameAs(two.clock());
    }
  }

  @Test
  void theClockIsTheOneGiven() {
    ManualClock clock = DynamoClock.manual(Instant.parse("2030-01-01T00:00:00Z"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start()) {
      assertThat(dynamo.clock()).isSameAs(clock);
      assertThat(DynamoDouble.builder().build().clock().isManual()).isFalse();
    }
  }

  @Test
  void theEndpointStartsOnFirstUseAndCloseStops() {
    DynamoDouble dynamo = DynamoDouble.builder().build();
    assertThat(dynamo.listening()).isFalse();
    dynamo.inProcess();
    assertThat(dynamo.listening()).as("serving in process opens no socket").isFalse();
    int port = dynamo.endpoint().getPort();
    assertThat(dynamo.listening()).isTrue();
    assertThat(dynamo.port()).isEqualTo(port);
    assertThat(dynamo.start().port()).isEqualTo(port);
    dynamo.close();
    assertThat(dynamo.listening()).isFalse();
    assertThatThrownBy(dynamo::endpoint).isInstanceOf(IllegalStateException.class).hasMessage("closed");
    dynamo.close(); // twice is harmless
  }

  @Test
  void aTakenPortFailsTheStart() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> DynamoDouble.builder().port(taken.getLocalPort()).start()).isNotNull();
    }
  }
}
