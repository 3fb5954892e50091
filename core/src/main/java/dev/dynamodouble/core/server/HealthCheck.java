package dev.dynamodouble.core.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's health probe: {@code java -cp dynamo-double.jar dev.dynamodouble.core.server.HealthCheck [URL]}
 * exits 0 when {@code GET URL} (default {@value #DEFAULT_URL}) answers 200, else 1. A class of its
 * own so the image needs no curl or shell, and the probe JVM loads nothing of the engine.
 */
public final class HealthCheck {
  static final String DEFAULT_URL = "http://127.0.0.1:8000/_dynamodouble/health";
  private static final int TIMEOUT_MILLIS = 3000;

  private HealthCheck() {}

  public static void main(String[] args) {
    System.exit(probe(args.length > 0 ? args[0] : DEFAULT_URL, System.err));
  }

  static int probe(String url, PrintStream err) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      int status = connection.getResponseCode();
      connection.disconnect();
      if (status == 200) {
        return 0;
      }
      err.println("dynamo-double health check: " + url + " answered " + status);
    } catch (IOException | IllegalArgumentException e) {
      err.println("dynamo-double health check: " + url + ": " + e);
    }
    return 1;
  }
}
