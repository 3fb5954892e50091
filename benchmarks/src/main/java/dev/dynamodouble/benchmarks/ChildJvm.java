package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.JavaCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A measurement run in a fresh child JVM on this JVM's class path. The child prints its results
 * as lines starting with {@code PROBE-}; everything else goes to the log only.
 */
final class ChildJvm {

  static final String RESULT = "PROBE-RESULT ";
  static final String POINT = "PROBE-POINT ";
  static final String UNAVAILABLE = "PROBE-UNAVAILABLE ";
  static final String ERROR = "PROBE-ERROR ";

  /** What a child printed: its PROBE-POINT lines, and its last result (or why there is none). */
  static final class Outcome {
    final List<Map<String, String>> points = new ArrayList<>();
    /** The PROBE-RESULT fields, or null when the child failed. */
    Map<String, String> result;
    /** The raw PROBE-RESULT text after its prefix (for results that are not key=value). */
    String resultText;
    /** Why there is no result: PROBE-UNAVAILABLE / PROBE-ERROR reason, time-out, no output. */
    String failure;
  }

  private ChildJvm() {}

  /**
   * Runs {@code mainClass args} in a new JVM with {@code jvmArgs} plus the system properties the
   * child needs to find what this JVM found, waits at most {@code timeoutSeconds}, and reads the
   * child's PROBE- lines from its log.
   */
  static Outcome run(List<String> jvmArgs, Class<?> mainClass, Path log, long timeoutSeconds,
      String... args) throws IOException, InterruptedException {
    List<String> allJvmArgs = new ArrayList<>(jvmArgs);
    allJvmArgs.addAll(passedProperties());
    Process process = start(allJvmArgs, System.getProperty("java.class.path"), mainClass, log, args);
    boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!finished) {
      stop(process);
    }
    Outcome outcome = new Outcome();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.startsWith(POINT)) {
        outcome.points.add(fields(line.substring(POINT.length())));
      } else if (line.startsWith(RESULT)) {
        outcome.resultText = line.substring(RESULT.length()).trim();
        outcome.result = fields(outcome.resultText);
        outcome.failure = null;
      } else if (line.startsWith(UNAVAILABLE) || line.startsWith(ERROR)) {
        outcome.failure = line.substring(line.indexOf(' ') + 1);
        outcome.result = null;
      }
    }
    if (!finished) {
      outcome.failure = "no answer in " + timeoutSeconds + " s (see " + log + ")";
      outcome.result = null;
    } else if (outcome.result == null && outcome.failure == null) {
      outcome.failure = "no result line (see " + log + ")";
    }
    return outcome;
  }

  /**
   * Starts {@code mainClass args} in a new JVM on {@code classPath} with {@code jvmArgs}, its output
   * and errors going to {@code log}; for a child that outlives one call (a server) as for {@link #run}.
   */
  static Process start(List<String> jvmArgs, String classPath, Class<?> mainClass, Path log, String... args)
      throws IOException {
    return new ProcessBuilder(JavaCommand.of(jvmArgs, classPath, mainClass, args)).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
  }

  /** The system properties a child JVM needs to find what this one found. */
  static List<String> passedProperties() {
    List<String> properties = new ArrayList<>();
    for (String name : List.of(Clients.HTTP_PROPERTY, "sqlite4java.library.path",
        "bench.coreTarget", "bench.dd.jar")) {
      String value = System.getProperty(name);
      if (value != null) {
        properties.add("-D" + name + "=" + value);
      }
    }
    return properties;
  }

  /** {@code a=1 b=x} as a map; a token without '=' is kept under its own name. */
  static Map<String, String> fields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String token : text.trim().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      int eq = token.indexOf('=');
      if (eq < 0) {
        fields.put(token, "");
      } else {
        fields.put(token.substring(0, eq), token.substring(eq + 1));
      }
    }
    return fields;
  }

  static void stop(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Prints a result line and exits: what every probe's main ends with. */
  static void exit(String line, int status) {
    System.out.println(line);
    System.out.flush();
    System.exit(status);
  }
}
