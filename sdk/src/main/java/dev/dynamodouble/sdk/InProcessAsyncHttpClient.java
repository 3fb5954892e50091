package dev.dynamodouble.sdk;

import dev.dynamodouble.core.server.InProcessEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The asynchronous AWS SDK HTTP client that serves each request in process. The engine runs the
 * request on a thread of this client's own (never on the caller's: an asynchronous call returns
 * at once, whatever a fault rule holds back); a latency fault is a timer, not a waiting thread.
 * The returned future completes once the response body has been handed over. Get one from
 * {@link InProcess}; closing it stops its threads.
 */
final class InProcessAsyncHttpClient implements SdkAsyncHttpClient {
  private final InProcessEndpoint endpoint;
  private final Duration readTimeout;
  private final ExecutorService threads;

  InProcessAsyncHttpClient(InProcessEndpoint endpoint, Duration readTimeout) {
    this.endpoint = endpoint;
    this.readTimeout = readTimeout;
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new java.util.concurrent.SynchronousQueue<>(), task -> {
          Thread thread = new Thread(task, "dynamo-double-in-process-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    this.threads = pool;
  }

  @Override
  public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    SdkAsyncHttpResponseHandler handler = request.responseHandler();
    request.requestContentPublisher().subscribe(new BodyCollector(
        body -> threads.execute(() -> serve(request, body, done)),
        error -> fail(handler, done, error)));
    return done;
  }

  private void serve(AsyncExecuteRequest request, byte[] body, CompletableFuture<Void> done) {
    SdkAsyncHttpResponseHandler handler = request.responseHandler();
    Exchange exchange;
    try {
      exchange = Exchange.serve(endpoint, request.request(), body);
    } catch (IOException e) {
      fail(handler, done, e);
      return;
    } catch (RuntimeException | Error e) {
      fail(handler, done, e);
      throw e;
    }
    if (exchange.noResponse()) {
      after(readTimeout).execute(() -> fail(handler, done, Exchange.readTimeout(readTimeout)));
      return;
    }
    after(exchange.delay()).execute(() -> respond(exchange, handler, done));
  }

  private Executor after(Duration delay) {
    return delay.isZero() || delay.isNegative() ? Runnable::run
        : CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, threads);
  }

  private static void respond(Exchange exchange, SdkAsyncHttpResponseHandler handler, CompletableFuture<Void> done) {
    if (done.isDone()) { // cancelled: the caller gave up waiting
      return;
    }
    IOException failure = exchange.failure();
    if (failure != null) {
      fail(handler, done, failure);
      return;
    }
    handler.onHeaders(exchange.head());
    handler.onStream(new BodyPublisher(exchange, done));
  }

  private static void fail(SdkAsyncHttpResponseHandler handler, CompletableFuture<Void> done, Throwable error) {
    if (!done.isDone()) {
      handler.onError(error);
      done.completeExceptionally(error);
    }
  }

  @Override
  public String clientName() {
    return InProcessHttpClient.NAME;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  /** Collects the request body the SDK publishes. */
  private static final class BodyCollector implements Subscriber<ByteBuffer> {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    private final Consumer<byte[]> complete;
    private final Consumer<Throwable> failed;

    BodyCollector(Consumer<byte[]> complete, Consumer<Throwable> failed) {
      this.complete = complete;
      this.failed = failed;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer buffer) {
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }

    @Override
    public void onError(Throwable error) {
      failed.accept(error);
    }

    @Override
    public void onComplete() {
      complete.accept(bytes.toByteArray());
    }
  }

  /**
   * The response body as one buffer, then the end of the stream (or, for a body cut short, part
   * of it and the failure); completes {@code done} when the subscriber has it all.
   */
  private static final class BodyPublisher implements org.reactivestreams.Publisher<ByteBuffer> {
    private final Exchange exchange;
    private final CompletableFuture<Void> done;

    BodyPublisher(Exchange exchange, CompletableFuture<Void> done) {
      this.exchange = exchange;
      this.done = done;
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
      subscriber.onSubscribe(new Subscription() {
        private final java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile boolean cancelled;

        @Override
        public void request(long n) {
          if (n <= 0) {
            cancelled = true;
            subscriber.onError(new IllegalArgumentException("Reactive Streams rule 3.9: request " + n));
            return;
          }
          if (!sent.compareAndSet(false, true)) {
            return;
          }
          int delivered = exchange.delivered();
          if (delivered > 0) {
            subscriber.onNext(ByteBuffer.wrap(exchange.body(), 0, delivered).asReadOnlyBuffer());
          }
          if (cancelled) {
            done.complete(null);
          } else if (delivered < exchange.body().length) {
            IOException failure = exchange.truncation();
            subscriber.onError(failure);
            done.completeExceptionally(failure);
          } else {
            subscriber.onComplete();
            done.complete(null);
          }
        }

        @Override
        public void cancel() {
          cancelled = true;
        }
      });
    }
  }
}
