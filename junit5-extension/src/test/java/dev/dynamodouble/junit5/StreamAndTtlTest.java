package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Streams and TTL are applied through the API (CreateTable's StreamSpecification, UpdateTimeToLive).
 * Until the engine serves TTL, the class fails with what the endpoint said; once it does, the
 * table has it. The streams test checks the table has its stream.
 */
class StreamAndTtlTest {

  @Test
  void aTtlAttributeIsEnabledWithUpdateTimeToLive() {
    EngineExecutionResults results = TestKit.execute(WithTtl.class);
    if (results.allEvents().failed().count() == 0) {
      TestKit.assertAllPassed(results);
      return;
    }
    assertThat(TestKit.firstFailure(results)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("@DynamoTable(name = \"sessions\") on " + WithTtl.class.getName()
            + ": the endpoint refused UpdateTimeToLive (ttlAttribute = \"expiresAt\"): UnknownOperationException");
  }

  @Test
  void aStreamIsRequestedInCreateTable() {
    TestKit.assertAllPassed(TestKit.execute(WithStream.class));
  }

  @TestKitOnly
  @DynamoTable(name = "sessions", partitionKey = "id", ttlAttribute = "expiresAt")
  static class WithTtl {
    @Test
    void test(DynamoDbClient dynamo) {
      var ttl = dynamo.describeTimeToLive(r -> r.tableName("sessions")).timeToLiveDescription();
      assertThat(ttl.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
      assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    }
  }

  @TestKitOnly
  @DynamoTable(name = "events", partitionKey = "id", stream = StreamView.NEW_AND_OLD_IMAGES)
  static class WithStream {
    @Test
    void test(DynamoDbClient dynamo) {
      var table = dynamo.describeTable(r -> r.tableName("events")).table();
      assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
      assertThat(table.latestStreamArn()).isNotNull();
    }
  }
}
