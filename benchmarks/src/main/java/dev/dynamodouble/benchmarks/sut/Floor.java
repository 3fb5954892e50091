package dev.dynamodouble.benchmarks.sut;

import java.util.List;

/**
 * The do-nothing floor server as a system under test; or the reading floor
 * ({@link FloorServer#startReading}), run only when named ({@code -Dbench.systems=floor,floor-json,
 * dynamo-double}), for the write workloads whose bodies are large, where reading the JSON is a share
 * of the round trip no server can avoid.
 */
public final class Floor implements SystemUnderTest {

  public static final String ID = "floor";
  public static final String READING_ID = "floor-json";

  private final boolean reads;

  public Floor() {
    this(false);
  }

  private Floor(boolean reads) {
    this.reads = reads;
  }

  /** The floor that reads every request body before its canned answer. */
  public static Floor reading() {
    return new Floor(true);
  }

  @Override
  public String id() {
    return reads ? READING_ID : ID;
  }

  @Override
  public String displayName() {
    return reads ? "floor reading JSON" : "floor";
  }

  @Override
  public RunningEndpoint start(int port) throws InterruptedException {
    return reads ? FloorServer.startReading(port) : FloorServer.start(port);
  }

  @Override
  public List<String> coldStartCommand(int port) {
    return JavaCommand.withThisClassPath(List.of(), ServerMain.class, id(), String.valueOf(port));
  }
}
