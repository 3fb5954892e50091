package dev.dynamodouble.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ContainerLaunchException;

/** A fixture the server refuses fails start() with the server's own message, not a wait timeout. */
@Tag("docker")
class BadFixtureDockerTest {

  @Test
  void aFixtureForAnUnknownTableFailsStartWithTheServersMessage(@TempDir Path dir) throws IOException {
    Path fixture = Files.writeString(dir.resolve("ghosts.json"), "[{\"pk\": \"g-1\"}]\n");
    try (DynamoDoubleContainer dynamo = new DynamoDoubleContainer(System.getProperty("dynamodouble.image", "dynamo-double:latest"))
        .withFixtures(fixture)) {
      Throwable failure = catchThrowable(dynamo::start);

      assertThat(failure).isInstanceOf(ContainerLaunchException.class);
      assertThat(failure).rootCause()
          .hasMessageContaining("Dynamo Double exited before it answered")
          .hasMessageContaining("/dynamo-double/1/ghosts.json")
          .hasMessageContaining("ghosts");
    }
  }
}
