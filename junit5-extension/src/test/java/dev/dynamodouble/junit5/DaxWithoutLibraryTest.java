package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DAX library is optional: in a JVM without it, classes that do not ask for a DAX client run as
 * ever (even with a cluster declared), and one that asks fails with a message naming the library,
 * not with a NoClassDefFoundError.
 */
class DaxWithoutLibraryTest {
  @Test
  void withoutTheDaxLibraryOnlyTheDaxClientIsRefused() throws IOException, InterruptedException {
    String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("amazon-dax-client"))
        .collect(Collectors.joining(File.pathSeparator));
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(javaBin.toString(), "-cp", classpath, Main.class.getName())
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).contains("no DAX library: as expected");
  }

  /** Runs the classes below through the Jupiter engine and checks how each ended. */
  public static final class Main {
    public static void main(String[] args) {
      try {
        Class.forName("software.amazon.dax.ClusterDaxClient");
        throw new AssertionError("the DAX library is on the classpath");
      } catch (ClassNotFoundException expected) {
        // the point of this JVM
      }
      TestKit.assertAllPassed(TestKit.execute(PlainClass.class, ClusterWithoutClient.class));
      EngineExecutionResults asking = TestKit.execute(AsksForTheClient.class);
      Throwable failure = TestKit.firstFailure(asking);
      assertThat(failure).isInstanceOf(org.junit.jupiter.api.extension.ParameterResolutionException.class)
          .hasMessageContaining("Add the test dependency software.amazon.dax:amazon-dax-client");
      System.out.println("no DAX library: as expected");
    }
  }

  @TestKitOnly
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class PlainClass {
    @Test
    void test(DynamoDbClient client) {
      client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("a"))));
    }
  }

  @TestKitOnly
  @Dax
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class ClusterWithoutClient {
    @Test
    void test(DynamoDbClient client, @Dax java.net.URI cluster) {
      client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("a"))));
      assertThat(cluster.getScheme()).isEqualTo("dax");
    }
  }

  @TestKitOnly
  @Dax
  @DynamoTable(name = "orders", partitionKey = "pk")
  static class AsksForTheClient {
    @Test
    void test(@Dax DynamoDbClient dax) {
      dax.listTables();
    }
  }
}
