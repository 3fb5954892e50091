package dev.dynamodouble.core.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file where a listening server writes its health URL ({@code --endpoint-file FILE}, or the
 * {@value #ENV} environment variable the image sets), so that {@link HealthCheck} probes the port
 * and scheme the server was actually started with ({@code --port}, {@code --tls}), not a fixed one.
 */
final class EndpointFile {
  static final String ENV = "DYNAMO_DOUBLE_ENDPOINT_FILE";

  private EndpointFile() {}

  /** The file named by the flag, else by the environment variable, or null for none. */
  static Path configured(Path flag) {
    String env = System.getenv(ENV);
    return flag != null ? flag : env == null || env.isBlank() ? null : Path.of(env);
  }

  /** The health URL of a server listening at {@code endpoint}; a wildcard address is probed on loopback. */
  static String healthUrl(URI endpoint) {
    String host = endpoint.getHost();
    if (host == null || host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::")) {
      host = "127.0.0.1";
    }
    return endpoint.getScheme() + "://" + host + ":" + endpoint.getPort() + ControlApi.PREFIX + "health";
  }

  /** Writes the health URL (atomically: a probe never reads half a line); null, or why it could not. */
  static String publish(Path flag, URI endpoint) {
    Path file = configured(flag);
    if (file == null) {
      return null;
    }
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(temporary, healthUrl(endpoint) + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return null;
    } catch (IOException e) {
      return "cannot write the endpoint file " + file + ": " + e;
    }
  }

  /** The URL written in {@code file}, or null when the server has not written it yet. */
  static String read(Path file) throws IOException {
    try {
      String url = Files.readString(file, StandardCharsets.UTF_8).strip();
      return url.isEmpty() ? null : url;
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
