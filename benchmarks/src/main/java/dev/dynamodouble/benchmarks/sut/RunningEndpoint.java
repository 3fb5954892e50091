package dev.dynamodouble.benchmarks.sut;

import java.net.URI;

/**
 * A started endpoint; closing it stops the server and frees its port. A failure to stop is
 * thrown as an unchecked exception.
 */
public interface RunningEndpoint extends AutoCloseable {

  /** {@code http://127.0.0.1:<port>} */
  URI endpoint();

  @Override
  void close();
}
