package dev.dynamodouble.benchmarks.sut;

import java.util.List;

/**
 * One DynamoDB-compatible server the harness compares: it can start an endpoint inside this JVM
 * and say how to start it in a new JVM. Every endpoint listens on 127.0.0.1 only.
 */
public interface SystemUnderTest {

  /** Short stable id used on the command line and in the JSON results, e.g. {@code floor}. */
  String id();

  /** Name printed in the result table. */
  String displayName();

  /**
   * Starts an endpoint in this JVM on 127.0.0.1.
   *
   * @param port the port, or 0 for any free port
   * @throws SystemUnavailableException if the system is not present on the class path
   */
  RunningEndpoint start(int port) throws Exception;

  /**
   * The command that starts this system in a new JVM listening on 127.0.0.1:{@code port}, the
   * way a user would start it out of process.
   *
   * @throws SystemUnavailableException if it cannot be started out of process here
   */
  List<String> coldStartCommand(int port) throws SystemUnavailableException;
}
