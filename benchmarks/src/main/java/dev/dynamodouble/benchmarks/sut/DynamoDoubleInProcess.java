package dev.dynamodouble.benchmarks.sut;

import dev.dynamodouble.sdk.InProcess;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Dynamo Double reached through the AWS SDK's in-process transport ({@code dynamo-double-sdk}):
 * the same SDK client as the other systems, but its HTTP client hands the serialized request to
 * the engine in this JVM; no socket, no HTTP server. It has no cold start of its own (it is a
 * library, not a server) and is measured on the workloads only.
 */
public final class DynamoDoubleInProcess implements SystemUnderTest {

  public static final String ID = "dynamo-double-in-process";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "DD in-process";
  }

  @Override
  public RunningEndpoint start(int port) {
    // As the loopback system: capacity enforcement off (the workloads hammer single keys).
    dev.dynamodouble.core.DynamoDouble dynamo = dev.dynamodouble.core.DynamoDouble.builder()
        .capacityEnforcement(false).build();
    return new InProcessEndpoint(dynamo);
  }

  @Override
  public List<String> coldStartCommand(int port) throws SystemUnavailableException {
    throw new SystemUnavailableException("in process only: it starts no server");
  }

  /** An endpoint whose clients must use its own HTTP client. */
  public interface OwnHttpClient {
    /** The HTTP client to build the SDK client with, against {@link RunningEndpoint#endpoint()}. */
    SdkHttpClient httpClient();
  }

  private static final class InProcessEndpoint implements RunningEndpoint, OwnHttpClient {
    private final dev.dynamodouble.core.DynamoDouble dynamo;

    InProcessEndpoint(dev.dynamodouble.core.DynamoDouble dynamo) {
      this.dynamo = dynamo;
    }

    @Override
    public URI endpoint() {
      return InProcess.ENDPOINT;
    }

    @Override
    public SdkHttpClient httpClient() {
      return InProcess.httpClient(dynamo);
    }

    @Override
    public void close() {
      dynamo.close();
    }
  }
}
