package dev.dynamodouble.benchmarks.sut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.benchmarks.Clients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The reflective Dynamo Double adapter drives the builder API, or reports n/a without it. */
class DynamoDoubleAdapterTest {

  @Test
  void startsThroughTheBuilderApiAndCloses() throws Exception {
    int closedBefore = FakeDynamoDouble.closed;
    try (RunningEndpoint running = new DynamoDouble(FakeDynamoDouble.class.getName()).start(0);
         DynamoDbClient dynamo = Clients.create(running.endpoint())) {
      assertThat(running.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(running.endpoint().getPort()).isPositive();
      assertThat(dynamo.listTables().tableNames()).isNotNull();
    }
    assertThat(FakeDynamoDouble.closed).isEqualTo(closedBefore + 1);
  }

  @Test
  void aMissingEntryPointIsUnavailableNotAnError() {
    assertThatThrownBy(() -> new DynamoDouble("dev.dynamodouble.core.NoSuchClass").start(0))
        .isInstanceOf(SystemUnavailableException.class)
        .hasMessageContaining("NoSuchClass");
  }
}
