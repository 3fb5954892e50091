package dev.dynamodouble.benchmarks.sut;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

/**
 * DynamoDB Local 3.x (in memory, shared database) bound to 127.0.0.1.
 *
 * <p>Its own entry points ({@code ServerRunner}, {@code DynamoDBProxyServer}) build a Jetty
 * {@code Server(port)}, which listens on every interface. This adapter builds the same handler
 * chain ServerRunner builds ({@code LocalDynamoDBRequestHandler} inside
 * {@code LocalDynamoDBServerHandler} inside a {@code ContextHandler}), but mounts it on a Jetty
 * server whose only connector has host 127.0.0.1. That also bypasses ServerRunner's telemetry
 * set-up (the telemetry classes' SDK modules are not on the class path).
 *
 * <p>Storage is SQLite through sqlite4java, whose JNI library is loaded from the directory in
 * the system property {@code sqlite4java.library.path}; the build copies it to
 * {@code benchmarks/target/native-libs}, which is also used when the property is not set.
 */
public final class DynamoDbLocal implements SystemUnderTest {

  public static final String ID = DynamoDbLocalOptIn.SERVER;
  static final String LIBRARY_PATH_PROPERTY = "sqlite4java.library.path";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "DynamoDB Local";
  }

  @Override
  public RunningEndpoint start(int port) throws Exception {
    if (System.getProperty(LIBRARY_PATH_PROPERTY) == null) {
      System.setProperty(LIBRARY_PATH_PROPERTY, nativeLibraryDirectory());
    }
    // (port for metrics = 0, inMemory, no db file, sharedDb, no delayed transient statuses)
    LocalDynamoDBRequestHandler requests = new LocalDynamoDBRequestHandler(0, true, null, true, false);
    LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(requests, null);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(Loopback.HOST);
    connector.setPort(port);
    server.addConnector(connector);
    ContextHandler context = new ContextHandler();
    context.setHandler(handler);
    server.setHandler(new ContextHandlerCollection(context));
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      handler.close();
      throw e;
    }
    URI endpoint = URI.create("http://" + Loopback.HOST + ":" + connector.getLocalPort());
    return new RunningEndpoint() {
      @Override
      public URI endpoint() {
        return endpoint;
      }

      @Override
      public void close() {
        try {
          server.stop();
        } catch (Exception e) {
          throw new IllegalStateException("DynamoDB Local's Jetty server did not stop", e);
        } finally {
          handler.close();
        }
      }
    };
  }

  @Override
  public List<String> coldStartCommand(int port) throws SystemUnavailableException {
    String libraries = System.getProperty(LIBRARY_PATH_PROPERTY);
    if (libraries == null) {
      libraries = nativeLibraryDirectory();
    }
    return JavaCommand.withThisClassPath(List.of("-D" + LIBRARY_PATH_PROPERTY + "=" + libraries),
        ServerMain.class, ID, String.valueOf(port));
  }

  /** benchmarks/target/native-libs seen from the module or from the project root. */
  static String nativeLibraryDirectory() {
    for (String candidate : List.of("target/native-libs", "benchmarks/target/native-libs")) {
      Path directory = Path.of(candidate).toAbsolutePath();
      if (Files.isDirectory(directory)) {
        return directory.toString();
      }
    }
    throw new IllegalStateException("sqlite4java's native library directory was not found: set -D"
        + LIBRARY_PATH_PROPERTY + "=<dir> (the build copies it to benchmarks/target/native-libs)");
  }
}
