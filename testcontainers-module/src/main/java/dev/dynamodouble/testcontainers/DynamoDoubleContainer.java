package dev.dynamodouble.testcontainers;

import java.net.URI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The Dynamo Double standalone server as a Testcontainers container. The image runs
 * {@code java -jar dynamo-double-core-all.jar --host 0.0.0.0 --port 8000} (inside the container;
 * the host sees only the mapped port) and is ready when {@code GET /_dynamodouble/health} answers.
 *
 * <pre>{@code
 * try (DynamoDoubleContainer dynamo = new DynamoDoubleContainer("dynamo-double:0.1.0")) {
 *   dynamo.start();
 *   DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.getEndpoint())
 *       .region(Region.of(dynamo.getRegion())) ...;
 * }
 * }</pre>
 */
public class DynamoDoubleContainer extends GenericContainer<DynamoDoubleContainer> {
  /** The image name this module is built for; other names must declare compatibility. */
  public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("dynamo-double");
  static final int PORT = 8000;
  static final String REGION = "us-east-1";

  public DynamoDoubleContainer(String image) {
    this(DockerImageName.parse(image));
  }

  public DynamoDoubleContainer(DockerImageName image) {
    super(image);
    image.assertCompatibleWith(DEFAULT_IMAGE);
    withExposedPorts(PORT);
    withCommand("--host", "0.0.0.0", "--port", Integer.toString(PORT), "--region", REGION);
    waitingFor(Wait.forHttp("/_dynamodouble/health").forPort(PORT).forStatusCode(200));
  }

  /** The endpoint to give an SDK's {@code endpointOverride}. */
  public URI getEndpoint() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
  }

  /** The region the server assigns to unsigned requests (signed requests keep their own). */
  public String getRegion() {
    return REGION;
  }
}
