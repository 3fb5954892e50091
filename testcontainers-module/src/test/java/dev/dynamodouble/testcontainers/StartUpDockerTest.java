package dev.dynamodouble.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Start-up flags: a refused fixture fails start() with the server's message; one namespace for every
 * region; the image's own health check follows the port and TLS the server was started with.
 */
@Tag("docker")
class StartUpDockerTest {
  static final String IMAGE = System.getProperty("dynamodouble.image", "dynamo-double:latest");

  @Test
  void aFixtureForAnUnknownTableFailsStartWithTheServersMessage(@TempDir Path dir) throws IOException {
    Path fixture = Files.writeString(dir.resolve("ghosts.json"), "[{\"pk\": \"g-1\"}]\n");
    try (DynamoDoubleContainer dynamo = new DynamoDoubleContainer(IMAGE)
        .withFixtures(fixture)) {
      Throwable failure = catchThrowable(dynamo::start);

      assertThat(failure).isInstanceOf(ContainerLaunchException.class);
      assertThat(failure).rootCause()
          .hasMessageContaining("Dynamo Double exited before it answered")
          .hasMessageContaining("/dynamo-double/1/ghosts.json")
          .hasMessageContaining("ghosts");
    }
  }

  @Test
  void withOneNamespaceAClientOfAnyRegionSeesTheFixtureTables() {
    try (DynamoDoubleContainer dynamo = new DynamoDoubleContainer(IMAGE).withFixtureResource("dynamo").withSingleNamespace()) {
      dynamo.start();
      try (DynamoDbClient client = DynamoDbClient.builder()
          .endpointOverride(dynamo.getEndpoint())
          .region(Region.EU_WEST_1) // not the container's region
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .httpClient(UrlConnectionHttpClient.create())
          .build()) {
        assertThat(client.listTables().tableNames()).containsExactly("orders");
        assertThat(client.scan(r -> r.tableName("orders")).count()).isEqualTo(2);
      }
    }
  }

  @Test
  void theImagesHealthCheckFollowsThePortAndTls() {
    try (GenericContainer<?> server = new GenericContainer<>(DockerImageName.parse(IMAGE))
        .withCommand("--host", "0.0.0.0", "--port", "9443", "--tls")
        .withExposedPorts(9443)
        // the image's probe, checked every second instead of every 15 (the Test inherited from the image)
        .withCreateContainerCmdModifier(cmd -> cmd.withHealthcheck(new com.github.dockerjava.api.model.HealthCheck()
            .withInterval(Duration.ofSeconds(1).toNanos()).withStartPeriod(Duration.ofSeconds(30).toNanos())))
        .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(2)))) {
      server.start();
      assertThat(server.getCurrentContainerInfo().getState().getHealth().getStatus()).isEqualTo("healthy");
    }
  }
}
