package dev.dynamodouble.benchmarks.sut;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone server started by the documented launcher, {@code bin/dynamo-double}, with its
 * AppCDS archive: side by side with {@link DynamoDouble}'s {@code java -jar} (no archive), the cold
 * start row says what the archive saves. Before the first measured start, one training start (the
 * launcher's own first run: start, one request, SIGTERM) writes the archive to
 * {@code target/bench-cds}, fresh for each harness run. Cold start only: in-JVM there is no archive.
 */
public final class DynamoDoubleCds implements SystemUnderTest {
  public static final String ID = "dynamo-double-cds";
  private static Path archiveDir;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Dynamo Double launcher + CDS";
  }

  @Override
  public RunningEndpoint start(int port) throws SystemUnavailableException {
    throw new SystemUnavailableException("cold start only: the CDS archive is for a new JVM");
  }

  @Override
  public List<String> coldStartCommand(int port) throws SystemUnavailableException {
    return launcher(trained(), "--port", String.valueOf(port));
  }

  private static List<String> launcher(Path cds, String... args) throws SystemUnavailableException {
    Path jar = DynamoDouble.standaloneJar();
    Path script = launcherScript(jar);
    List<String> command = new ArrayList<>(List.of("env", "DYNAMO_DOUBLE_JAR=" + jar.toAbsolutePath(),
        "DYNAMO_DOUBLE_CDS_DIR=" + cds.toAbsolutePath(), "JAVA_HOME=" + System.getProperty("java.home"),
        "/bin/sh", script.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** bin/dynamo-double of the checkout the jar was built in. */
  private static Path launcherScript(Path jar) throws SystemUnavailableException {
    for (Path dir = jar.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("bin/dynamo-double");
      if (Files.isRegularFile(script)) {
        return script;
      }
    }
    throw new SystemUnavailableException("no bin/dynamo-double above " + jar);
  }

  /** The archive directory, after one training start has written the archive. */
  private static synchronized Path trained() throws SystemUnavailableException {
    if (archiveDir != null) {
      return archiveDir;
    }
    try {
      Path dir = Path.of("target", "bench-cds").toAbsolutePath();
      Files.createDirectories(dir);
      try (var old = Files.list(dir)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
      Process process = new ProcessBuilder(launcher(dir, "--port", "0")).redirectErrorStream(true).start();
      try {
        String first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
        if (first == null || !first.startsWith("Dynamo Double listening on ")) {
          throw new SystemUnavailableException("the training start printed: " + first);
        }
        URI endpoint = URI.create(first.substring("Dynamo Double listening on ".length()).split(" ")[0]);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).header("X-Amz-Target",
            "DynamoDB_20120810.ListTables").header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
      } finally {
        process.destroy(); // SIGTERM: the JVM writes the archive as it exits
        process.waitFor(60, TimeUnit.SECONDS);
      }
      try (var written = Files.list(dir)) {
        if (written.noneMatch(file -> file.toString().endsWith(".jsa"))) {
          throw new SystemUnavailableException("the training start wrote no archive in " + dir);
        }
      }
      archiveDir = dir;
      return dir;
    } catch (IOException e) {
      throw new SystemUnavailableException("cannot train the CDS archive: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemUnavailableException("interrupted while training the CDS archive", e);
    }
  }
}
