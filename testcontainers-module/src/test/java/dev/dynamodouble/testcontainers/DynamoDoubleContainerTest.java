package dev.dynamodouble.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
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
  void refusesAnUnrelatedImage() {
    assertThatThrownBy(() -> new DynamoDoubleContainer("amazon/dynamodb-local:2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dynamo-double");
  }
}
