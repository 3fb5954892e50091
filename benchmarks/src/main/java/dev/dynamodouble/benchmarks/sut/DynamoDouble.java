package dev.dynamodouble.benchmarks.sut;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Dynamo Double, reached by reflection so this module compiles and runs (reporting n/a) before
 * core has its public entry point. The API used is
 * {@code dev.dynamodouble.core.DynamoDouble.builder().port(int).build().start()}, then
 * {@code endpoint()} (a {@link URI}) and {@code close()}.
 *
 * <p>Cold start runs the standalone jar the way users do:
 * {@code java -jar core/target/dynamo-double-core-*-all.jar --port N}. The jar is taken from
 * {@code -Dbench.dd.jar=...}, else looked up in {@code -Dbench.coreTarget=...} (default
 * {@code ../core/target}, then {@code core/target}).
 */
public final class DynamoDouble implements SystemUnderTest {

  public static final String ID = "dynamo-double";
  static final String ENTRY_POINT = "dev.dynamodouble.core.DynamoDouble";

  private final String entryPoint;

  public DynamoDouble() {
    this(ENTRY_POINT);
  }

  /** For the adapter's own test: a class with the same builder API. */
  DynamoDouble(String entryPoint) {
    this.entryPoint = entryPoint;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Dynamo Double";
  }

  @Override
  public RunningEndpoint start(int port) throws Exception {
    Class<?> type;
    try {
      type = Class.forName(entryPoint);
    } catch (ClassNotFoundException e) {
      throw new SystemUnavailableException(entryPoint + " is not in core yet", e);
    }
    Object builder = invoke(type, null, "builder");
    builder = invoke(builder.getClass(), builder, "port", port);
    // The workloads hammer single partition keys far beyond DynamoDB's per-partition limits; the
    // side-by-side comparison with DynamoDB Local (which never throttles) measures serving, so
    // capacity enforcement is off here (its own cost is measured by CapacityCost).
    try {
      builder = invoke(builder.getClass(), builder, "capacityEnforcement", false);
    } catch (SystemUnavailableException olderCore) {
      // a core without capacity enforcement: nothing to switch off
    }
    Object server = invoke(builder.getClass(), builder, "build");
    Object started = invoke(server.getClass(), server, "start");
    Object running = started != null && type.isInstance(started) ? started : server;
    Object endpoint = invoke(running.getClass(), running, "endpoint");
    URI uri = endpoint instanceof URI ? (URI) endpoint : URI.create(String.valueOf(endpoint));
    return new RunningEndpoint() {
      @Override
      public URI endpoint() {
        return uri;
      }

      @Override
      public void close() {
        try {
          invoke(running.getClass(), running, "close");
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException("Dynamo Double did not close", e);
        }
      }
    };
  }

  @Override
  public List<String> coldStartCommand(int port) throws SystemUnavailableException {
    Path jar = standaloneJar();
    List<String> command = new ArrayList<>();
    command.add(JavaCommand.javaBinary());
    command.add("-jar");
    command.add(jar.toString());
    command.add("--port");
    command.add(String.valueOf(port));
    return command;
  }

  static Path standaloneJar() throws SystemUnavailableException {
    String explicit = System.getProperty("bench.dd.jar");
    if (explicit != null && !explicit.isBlank()) {
      Path jar = Path.of(explicit);
      if (!Files.isRegularFile(jar)) {
        throw new SystemUnavailableException("-Dbench.dd.jar=" + explicit + " does not exist");
      }
      return jar;
    }
    List<String> directories = new ArrayList<>();
    String coreTarget = System.getProperty("bench.coreTarget");
    if (coreTarget != null && !coreTarget.isBlank()) {
      directories.add(coreTarget);
    }
    directories.add("../core/target");
    directories.add("core/target");
    for (String directory : directories) {
      Path dir = Path.of(directory);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "dynamo-double-core-*-all.jar")) {
        for (Path jar : jars) {
          return jar.toAbsolutePath().normalize();
        }
      } catch (IOException e) {
        throw new SystemUnavailableException("cannot list " + dir, e);
      }
    }
    throw new SystemUnavailableException(
        "no dynamo-double-core-*-all.jar in " + directories + " (build core with `package`)");
  }

  /** Calls a public method by name, also when the runtime class itself is not public. */
  private static Object invoke(Class<?> type, Object target, String name, Object... args)
      throws Exception {
    Method method = null;
    for (Method candidate : type.getMethods()) {
      if (candidate.getName().equals(name) && candidate.getParameterCount() == args.length) {
        method = candidate;
        break;
      }
    }
    if (method == null) {
      throw new SystemUnavailableException(type.getName() + " has no public " + name + "("
          + (args.length == 0 ? "" : args.length + " argument(s)") + ")");
    }
    method.setAccessible(true);
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw e;
    }
  }
}
