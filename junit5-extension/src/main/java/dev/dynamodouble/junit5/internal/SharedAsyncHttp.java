package dev.dynamodouble.junit5.internal;

import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * One asynchronous HTTP client (the SDK's Netty client) for every injected {@code DynamoDbAsyncClient}
 * of a test run, kept in JUnit's root store. Each class building and closing its own cost about two
 * seconds per class: the client's event loop waits out a quiet period when it shuts down. At the
 * end of the run it is closed on a daemon thread, so nothing waits for that quiet period either.
 */
public final class SharedAsyncHttp implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedAsyncHttp.class);
  private static final String NETTY_CLIENT = "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";

  private SdkAsyncHttpClient client;
  private boolean closed;

  /** The run's instance, from the root store of {@code context}'s tree. */
  public static SharedAsyncHttp of(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedAsyncHttp.class, key -> new SharedAsyncHttp(), SharedAsyncHttp.class);
  }

  /**
   * The shared client, built on first use; null when the SDK's Netty client is not on the classpath
   * (then each SDK client builds the default it finds, and owns it) or after the run has ended.
   */
  public synchronized SdkAsyncHttpClient client() {
    if (client == null && !closed) {
      client = build();
    }
    return client;
  }

  private static SdkAsyncHttpClient build() {
    try {
      Class<?> type = Class.forName(NETTY_CLIENT, false, SharedAsyncHttp.class.getClassLoader());
      Object builder = type.getMethod("builder").invoke(null);
      return ((SdkAsyncHttpClient.Builder<?>) builder).build();
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return null;
    }
  }

  @Override
  public void close() {
    SdkAsyncHttpClient toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = client;
    }
    if (toClose != null) {
      Thread closer = new Thread(toClose::close, "dynamo-double-async-http-close");
      closer.setDaemon(true);
      closer.start();
    }
  }
}
