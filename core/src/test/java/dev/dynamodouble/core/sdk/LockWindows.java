package dev.dynamodouble.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * For tests that hold the engine's lock while a request on another thread waits for it, so that
 * something can happen in the window between the request's checks and its write.
 */
final class LockWindows {
  private LockWindows() {}

  /** As {@link #awaitParkedIn(String)} for a class. */
  static void awaitParkedIn(Class<?> type) {
    awaitParkedIn(type.getName());
  }

  /**
   * Waits until some thread is parked (on the engine's lock) with a frame of the class named
   * {@code className} on its stack; fails after 30 s rather than spin on (a same-thread
   * {@code @Timeout} cannot stop a loop).
   */
  static void awaitParkedIn(String className) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Thread.getAllStackTraces().entrySet().stream().noneMatch(e -> e.getKey().getState() == Thread.State.WAITING
        && Arrays.stream(e.getValue()).anyMatch(frame -> frame.getClassName().equals(className)))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no thread parked in " + className + " within 30 s");
      }
      Thread.onSpinWait();
    }
  }

  /** Waits for the request (30 s at most) and throws what it threw. */
  static void join(CompletableFuture<?> request) throws Throwable {
    try {
      request.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  /**
   * Runs {@code request} on another thread while this one holds the engine's lock, and runs
   * {@code meanwhile} once the request waits for it with a frame of {@code parkedIn} on its stack.
   */
  static CompletableFuture<Void> whileParked(Engine engine, String parkedIn, Runnable request, Runnable meanwhile) {
    AtomicReference<CompletableFuture<Void>> started = new AtomicReference<>();
    engine.write(() -> {
      started.set(CompletableFuture.runAsync(request));
      awaitParkedIn(parkedIn);
      meanwhile.run();
    });
    return started.get();
  }

  /** An UpdateTable of this JSON body through the engine's dispatcher (the lock is reentrant); it must succeed. */
  static void updateTable(Engine engine, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ProtocolResponse answer = new Dispatcher(engine, Operations.dynamoDb(), Operations.streams())
        .handle("DynamoDB_20120810.UpdateTable", "us-east-1", "r1", body, 0, body.length);
    assertThat(answer.status()).isEqualTo(200);
  }
}
