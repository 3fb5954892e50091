package dev.dynamodouble.benchmarks.sut;

/**
 * Starts one system in this (new) JVM for the cold-start measurement:
 * {@code ServerMain <floor|dynamodb-local> <port>} (dynamodb-local with {@code -Pdynamodb-local} only). It listens on 127.0.0.1 and runs until the
 * process is stopped.
 */
public final class ServerMain {

  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ServerMain <" + Floor.ID + "|" + DynamoDbLocalOptIn.SERVER + "> <port>");
      System.exit(2);
    }
    SystemUnderTest system = Systems.byId(args[0]);
    RunningEndpoint running = system.start(Integer.parseInt(args[1]));
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "stop-" + system.id()));
    System.out.println(system.displayName() + " listening on " + running.endpoint());
    Thread.currentThread().join();
  }
}
