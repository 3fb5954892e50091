package dev.dynamodouble.benchmarks.sut;

import java.util.List;

/** The do-nothing floor server as a system under test. */
public final class Floor implements SystemUnderTest {

  public static final String ID = "floor";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "floor";
  }

  @Override
  public RunningEndpoint start(int port) throws InterruptedException {
    return FloorServer.start(port);
  }

  @Override
  public List<String> coldStartCommand(int port) {
    return JavaCommand.withThisClassPath(List.of(), ServerMain.class, ID, String.valueOf(port));
  }
}
