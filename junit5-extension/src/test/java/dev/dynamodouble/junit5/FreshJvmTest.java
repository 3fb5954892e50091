package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A class that only uses the injected clients, run in a JVM of its own (as the first class of a
 * suite would be): it loads no Netty class at all, ours or anyone's, because no HTTP server starts.
 */
class FreshJvmTest {
  @Test
  void aClassUsingOnlyInjectedClientsLoadsNoNetty() throws IOException, InterruptedException {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(javaBin.toString(), "-verbose:class", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), Main.class.getName())
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).contains("fresh JVM: all passed");
    List<String> netty = output.lines().filter(line -> line.contains("io.netty")).limit(5).toList();
    assertThat(netty).as("Netty classes loaded").isEmpty();
  }

  /** Runs {@link OnlyInjectedClients} through the Jupiter engine (on the transport named by the argument, if any). */
  public static final class Main {
    public static void main(String[] args) {
      TestKit kit = TestKit.kit();
      if (args.length > 0) {
        kit.with("dynamodouble.transport", args[0]);
      }
      EngineExecutionResults results = kit.run(OnlyInjectedClients.class);
      TestKit.assertAllPassed(results);
      System.out.println("fresh JVM: all passed");
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class OnlyInjectedClients {
    @Test
    void test(DynamoDbClient client) {
      client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("a"))));
      assertThat(client.getItem(r -> r.tableName("orders").key(Map.of("pk", AttributeValue.fromS("a")))).item())
          .containsKey("pk");
    }
  }
}
