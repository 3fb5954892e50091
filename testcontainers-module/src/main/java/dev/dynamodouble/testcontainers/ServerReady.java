package dev.dynamodouble.testcontainers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Ready when {@code GET /_dynamodouble/health} answers 200; failed as soon as the server exits. A
 * bad fixture or scenario file makes the server exit with code 2 before it listens: an HTTP wait
 * would only notice at its timeout, this one reports the server's message within a poll.
 */
final class ServerReady extends AbstractWaitStrategy {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private final int port;

  ServerReady(int port) {
    this.port = port;
  }

  @Override
  protected void waitUntilReady() {
    URI health = URI.create("http://" + waitStrategyTarget.getHost() + ":" + waitStrategyTarget.getMappedPort(port)
        + "/_dynamodouble/health");
    HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    while (!healthy(http, health)) {
      if (!waitStrategyTarget.isRunning()) {
        throw new ContainerLaunchException("Dynamo Double exited before it answered; its output:\n"
            + waitStrategyTarget.getLogs());
      }
      if (System.nanoTime() - deadline > 0) {
        throw new ContainerLaunchException("Dynamo Double did not answer " + health + " within " + startupTimeout
            + "; its output:\n" + waitStrategyTarget.getLogs());
      }
      pause();
    }
  }

  private static boolean healthy(HttpClient http, URI health) {
    try {
      HttpRequest request = HttpRequest.newBuilder(health).timeout(REQUEST_TIMEOUT).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerLaunchException("interrupted while waiting for Dynamo Double", e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerLaunchException("interrupted while waiting for Dynamo Double", e);
    }
  }
}
