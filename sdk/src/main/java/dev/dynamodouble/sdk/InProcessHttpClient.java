package dev.dynamodouble.sdk;

import dev.dynamodouble.core.server.InProcessEndpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The synchronous AWS SDK HTTP client that serves each request in process, on the calling thread:
 * the SDK's serialized request goes straight to the engine, its response straight back. A latency
 * fault holds the calling thread (the SDK's call timeouts interrupt it, as they would a socket
 * read); a response that never comes fails after the read timeout. Get one from {@link InProcess}.
 */
final class InProcessHttpClient implements SdkHttpClient {
  static final String NAME = "DynamoDoubleInProcess";

  private final InProcessEndpoint endpoint;
  private final Duration readTimeout;

  InProcessHttpClient(InProcessEndpoint endpoint, Duration readTimeout) {
    this.endpoint = endpoint;
    this.readTimeout = readTimeout;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new Call(request);
  }

  @Override
  public String clientName() {
    return NAME;
  }

  @Override
  public void close() {
    // nothing held: the endpoint belongs to its DynamoDouble
  }

  /** One request; {@link #abort()} interrupts the thread waiting in it. */
  private final class Call implements ExecutableHttpRequest {
    private final HttpExecuteRequest request;
    private volatile Thread waiting;
    private volatile boolean aborted;

    Call(HttpExecuteRequest request) {
      this.request = request;
    }

    @Override
    public HttpExecuteResponse call() throws IOException {
      byte[] body = null;
      if (request.contentStreamProvider().isPresent()) {
        ContentStreamProvider provider = request.contentStreamProvider().get();
        try (InputStream in = provider.newStream()) {
          body = RequestBody.read(in, request.httpRequest());
        }
      }
      Exchange exchange = Exchange.serve(endpoint, request.httpRequest(), body);
      if (exchange.noResponse()) {
        hold(readTimeout);
        throw Exchange.readTimeout(readTimeout);
      }
      hold(exchange.delay());
      IOException failure = exchange.failure();
      if (failure != null) {
        throw failure;
      }
      InputStream content = exchange.delivered() == exchange.body().length
          ? new ByteArrayInputStream(exchange.body())
          : new TruncatedStream(exchange.body(), exchange.delivered(), exchange.truncation());
      return HttpExecuteResponse.builder().response(exchange.head())
          .responseBody(AbortableInputStream.create(content)).build();
    }

    /** Waits on the calling thread, as a slow socket would; an abort or interrupt ends the wait. */
    private void hold(Duration delay) throws IOException {
      if (delay.isZero() || delay.isNegative()) {
        return;
      }
      waiting = Thread.currentThread();
      try {
        if (aborted) {
          throw new InterruptedIOException("aborted");
        }
        Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("aborted while the response was held back");
      } finally {
        waiting = null;
      }
    }

    @Override
    public void abort() {
      aborted = true;
      Thread thread = waiting;
      if (thread != null) {
        thread.interrupt();
      }
    }
  }

  /** The first {@code delivered} bytes of a body, then the failure of a connection closed too early. */
  private static final class TruncatedStream extends InputStream {
    private final ByteArrayInputStream delivered;
    private final IOException failure;

    TruncatedStream(byte[] body, int delivered, IOException failure) {
      this.delivered = new ByteArrayInputStream(body, 0, delivered);
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      int b = delivered.read();
      if (b < 0) {
        throw failure;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = delivered.read(b, off, len);
      if (n < 0 && len > 0) {
        throw failure;
      }
      return n;
    }
  }
}
