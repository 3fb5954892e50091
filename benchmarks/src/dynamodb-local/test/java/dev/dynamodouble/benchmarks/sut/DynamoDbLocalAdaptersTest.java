package dev.dynamodouble.benchmarks.sut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamodouble.benchmarks.BenchData;
import dev.dynamodouble.benchmarks.Clients;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** DynamoDB Local's two adapters (built with {@code -Pdynamodb-local} only) answer the real SDK; the server on 127.0.0.1 only. */
class DynamoDbLocalAdaptersTest {

  @Test
  void dynamoDbLocalRunsInThisJvmOnLoopbackOnly() throws Exception {
    String arch = System.getProperty("os.arch");
    assumeTrue(Set.of("amd64", "x86_64", "x86", "i386").contains(arch),
        "sqlite4java 1.0.392 on Maven Central has no native library for " + arch);
    try (RunningEndpoint local = new DynamoDbLocal().start(0);
         DynamoDbClient dynamo = Clients.create(local.endpoint())) {
      assertThat(local.endpoint().getHost()).isEqualTo("127.0.0.1");
      SystemsUnderTestTest.assertListensOnLoopbackOnly(local.endpoint().getPort());

      SystemsUnderTestTest.createTable(dynamo);
      assertThat(dynamo.describeTable(r -> r.tableName(BenchData.TABLE)).table().tableStatus())
          .isEqualTo(TableStatus.ACTIVE);
      dynamo.putItem(r -> r.tableName(BenchData.TABLE).item(SystemsUnderTestTest.ITEM));
      assertThat(dynamo.getItem(r -> r.tableName(BenchData.TABLE).key(SystemsUnderTestTest.KEY)).item())
          .isEqualTo(SystemsUnderTestTest.ITEM);
    }
  }

  @Test
  void dynamoDbLocalEmbeddedAnswersThroughItsOwnClient() throws Exception {
    assumeTrue(Set.of("amd64", "x86_64", "x86", "i386").contains(System.getProperty("os.arch")),
        "sqlite4java 1.0.392 on Maven Central has no native library for " + System.getProperty("os.arch"));
    try (RunningEndpoint local = new DynamoDbLocalEmbedded().start(0)) {
      DynamoDbClient dynamo = Clients.create(local);
      SystemsUnderTestTest.createTable(dynamo);
      dynamo.putItem(r -> r.tableName(BenchData.TABLE).item(SystemsUnderTestTest.ITEM));
      assertThat(dynamo.getItem(r -> r.tableName(BenchData.TABLE).key(SystemsUnderTestTest.KEY)).item()).isEqualTo(SystemsUnderTestTest.ITEM);
    }
  }
}
