package dev.dynamodouble.benchmarks.sut;

import dev.dynamodouble.core.persist.DataDirectory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Dynamo Double with durable storage ({@code --data-dir}) in a fresh temporary directory: every
 * write is answered only once it is forced to the device (group commit). Side by side with
 * {@link DynamoDouble} (in memory), the ratio is what durability costs.
 */
public final class DurableDynamoDouble implements SystemUnderTest {
  public static final String ID = "dynamo-double-durable";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Dynamo Double --data-dir";
  }

  @Override
  public RunningEndpoint start(int port) throws Exception {
    Path dir = Files.createTempDirectory("dd-bench-data");
    dev.dynamodouble.core.DynamoDouble built = dev.dynamodouble.core.DynamoDouble.builder().port(port)
        .capacityEnforcement(false) // as for the in-memory system: serving is measured, not throttling
        .requestWorkers(DataDirectory.REQUEST_THREADS, 1024).build(); // as `--data-dir` sets them
    DataDirectory data = DataDirectory.open(dir, built.engine());
    dev.dynamodouble.core.DynamoDouble running = built.start();
    URI endpoint = running.endpoint();
    return new RunningEndpoint() {
      @Override
      public URI endpoint() {
        return endpoint;
      }

      @Override
      public void close() {
        running.close();
        data.close();
        delete(dir);
      }
    };
  }

  @Override
  public List<String> coldStartCommand(int port) throws SystemUnavailableException {
    List<String> command = new ArrayList<>(new DynamoDouble().coldStartCommand(port));
    try {
      command.add("--data-dir");
      command.add(Files.createTempDirectory("dd-bench-cold").toString());
    } catch (IOException e) {
      throw new SystemUnavailableException("cannot create a temporary data directory", e);
    }
    return command;
  }

  /** Deletes a temporary directory and everything in it, as far as it can. */
  public static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a temporary directory: the OS cleans it up eventually
    }
  }
}
