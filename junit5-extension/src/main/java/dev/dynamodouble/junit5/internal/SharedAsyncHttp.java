package dev.dynamodouble.junit5.internal;

import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * One asynchronous HTTP client (the SDK's Netty client) for every injected {@code DynamoDbAsyncClient}
 * in the JVM. Each class building and closing its own cost about two seconds per class: the client's
 * event loop waits out a quiet period when it shuts down. This one is never closed: its event-loop
 * threads are daemon threads, so it does not hold the JVM open, and a later test run in the same JVM
 * (an IDE re-run, a launcher that runs one class at a time) finds it ready.
 */
final class SharedAsyncHttp {
  private static final String NETTY_CLIENT = "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";
  private static SdkAsyncHttpClient client;
  private static boolean unavailable;

  private SharedAsyncHttp() {}

  /**
   * The shared client, built on first use; null when the SDK's Netty client is not on the classpath
   * (then each SDK client builds the default it finds, and owns it).
   */
  /**
   * A builder of the SDK's Netty client that trusts {@code trust} (an HTTPS endpoint's own
   * certificate), for an SDK client to own; null when the Netty client is not on the classpath.
   */
  static SdkAsyncHttpClient.Builder<?> trusting(TlsTrustManagersProvider trust) {
    try {
      Class<?> type = Class.forName(NETTY_CLIENT, false, SharedAsyncHttp.class.getClassLoader());
      Object builder = type.getMethod("builder").invoke(null);
      Class<?> builderType = Class.forName(NETTY_CLIENT + "$Builder", false, SharedAsyncHttp.class.getClassLoader());
      builderType.getMethod("tlsTrustManagersProvider", TlsTrustManagersProvider.class).invoke(builder, trust);
      return (SdkAsyncHttpClient.Builder<?>) builder;
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return null;
    }
  }

  static synchronized SdkAsyncHttpClient client() {
    if (client == null && !unavailable) {
      try {
        Class<?> type = Class.forName(NETTY_CLIENT, false, SharedAsyncHttp.class.getClassLoader());
        client = ((SdkAsyncHttpClient.Builder<?>) type.getMethod("builder").invoke(null)).build();
      } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
        unavailable = true;
      }
    }
    return client;
  }
}
