package dev.dynamodouble.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.utility.DockerImageName;

/** What the container module decides without a Docker engine: image compatibility and its settings. */
class DynamoDoubleContainerTest {

  @Test
  void acceptsItsOwnImageAndDeclaredCompatibleOnes() {
    // Never started, so no Docker engine is needed (and none is closed).
    DynamoDoubleContainer own = new DynamoDoubleContainer("dynamo-double:0.1.0");
    DynamoDoubleContainer mirrored = new DynamoDoubleContainer(
        DockerImageName.parse("registry.example/dd:1").asCompatibleSubstituteFor("dynamo-double"));
    assertThat(own.getExposedPorts()).containsExactly(8000);
    assertThat(own.getCommandParts()).containsExactly("--host", "0.0.0.0", "--port", "8000", "--region", "us-east-1");
    assertThat(own.getRegion()).isEqualTo("us-east-1");
    assertThat(mirrored.getExposedPorts()).containsExactly(8000);
  }

  @Test
  void setUpBecomesServerFlagsAndCopiedFiles(@TempDir Path dir) throws IOException {
    Path scenario = Files.writeString(dir.resolve("faults.yml"), "rules: []\n");
    DynamoDoubleContainer dynamo = new DynamoDoubleContainer("dynamo-double:0.1.0")
        .withFixtures(dir)
        .withFixtureResource("dynamo")
        .withFaultScenario(scenario)
        .withManualClock(Instant.parse("2026-01-01T00:00:00Z"))
        .withSingleNamespace();

    assertThat(dynamo.getCommandParts()).containsExactly("--host", "0.0.0.0", "--port", "8000", "--region", "us-east-1",
        "--fixtures", "/dynamo-double/1/" + dir.getFileName(), "--fixtures", "/dynamo-double/2/dynamo",
        "--faults", "/dynamo-double/3/faults.yml", "--manual-clock", "2026-01-01T00:00:00Z", "--single-namespace");
    assertThat(dynamo.getCopyToFileContainerPathMap().values())
        .containsExactly("/dynamo-double/1/" + dir.getFileName(), "/dynamo-double/2/dynamo", "/dynamo-double/3/faults.yml");
  }

  @Test
  void aMissingFixtureFileIsRefusedBeforeStart(@TempDir Path dir) {
    assertThatThrownBy(() -> new DynamoDoubleContainer("dynamo-double:0.1.0").withFixtures(dir.resolve("nope.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no fixture file or directory at " + dir.resolve("nope.json").toAbsolutePath());
    assertThatThrownBy(() -> new DynamoDoubleContainer("dynamo-double:0.1.0").withFixtureResource("no/such/resource.json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void controlCallsNeedAStartedContainer() {
    assertThatThrownBy(() -> new DynamoDoubleContainer("dynamo-double:0.1.0").reset())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the container is not started: call start() before a control method");
  }

  @Test
  void refusesAnUnrelatedImage() {
    assertThatThrownBy(() -> new DynamoDoubleContainer("amazon/dynamodb-local:2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dynamo-double");
  }
}
