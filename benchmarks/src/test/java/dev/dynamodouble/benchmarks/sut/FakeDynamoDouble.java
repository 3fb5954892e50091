package dev.dynamodouble.benchmarks.sut;

import java.net.URI;

/**
 * Stands in for {@code dev.dynamodouble.core.DynamoDouble} in the adapter's test: the same
 * builder API (with a builder class that is not public), serving the floor's answers.
 */
public final class FakeDynamoDouble implements AutoCloseable {

  static int closed;

  private final int port;
  private FloorServer floor;

  private FakeDynamoDouble(int port) {
    this.port = port;
  }

  public static Builder builder() {
    return new BuilderImpl();
  }

  public FakeDynamoDouble start() throws InterruptedException {
    floor = FloorServer.start(port);
    return this;
  }

  public URI endpoint() {
    return floor.endpoint();
  }

  @Override
  public void close() {
    floor.close();
    closed++;
  }

  /** The public face of the builder. */
  public interface Builder {
    Builder port(int port);

    FakeDynamoDouble build();
  }

  private static final class BuilderImpl implements Builder {
    private int port = -1;

    @Override
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    @Override
    public FakeDynamoDouble build() {
      return new FakeDynamoDouble(port);
    }
  }
}
