package dev.dynamodouble.benchmarks.sut;

import java.util.List;

/**
 * The floor that reads its requests ({@link FloorServer#startReading}): run only when named
 * ({@code -Dbench.systems=floor,floor-json,dynamo-double}), for the write workloads whose bodies
 * are large, where reading the JSON is a share of the round trip no server can avoid.
 */
public final class ReadingFloor implements SystemUnderTest {

  public static final String ID = "floor-json";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "floor reading JSON";
  }

  @Override
  public RunningEndpoint start(int port) throws InterruptedException {
    return FloorServer.startReading(port);
  }

  @Override
  public List<String> coldStartCommand(int port) {
    return JavaCommand.withThisClassPath(List.of(), ServerMain.class, ID, String.valueOf(port));
  }
}
