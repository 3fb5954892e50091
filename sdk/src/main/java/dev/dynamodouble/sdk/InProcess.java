package dev.dynamodouble.sdk;

import dev.dynamodouble.core.DynamoDouble;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * AWS SDK v2 HTTP clients that serve requests in process: the SDK marshals, signs, retries and
 * parses as it always does, but its serialized request goes straight to the {@link DynamoDouble}'s
 * engine (SigV4 verification, fault rules, capacity and the operation, as over HTTP) and the
 * response comes straight back, with its x-amz-crc32. No socket, no Netty, no HTTP parsing; the
 * DynamoDouble need not have started its HTTP endpoint.
 *
 * <pre>{@code
 * DynamoDbClient client = DynamoDbClient.builder()
 *     .endpointOverride(InProcess.ENDPOINT)
 *     .httpClient(InProcess.httpClient(dynamo))
 *     .region(Region.US_EAST_1)
 *     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
 *     .build();
 * }</pre>
 */
public final class InProcess {
  /**
   * The endpoint to give an SDK client built with these HTTP clients. Nothing connects to it; the
   * SDK needs one, and signs its host name as it would any other.
   */
  public static final URI ENDPOINT = URI.create("http://dynamo-double.in-process");

  /** How long a response that a fault rule withholds is waited for, as an HTTP client's socket read timeout (the SDK's 30 s). */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  private InProcess() {}

  /** A synchronous HTTP client serving {@code dynamo}'s engine on the calling thread. */
  public static SdkHttpClient httpClient(DynamoDouble dynamo) {
    return httpClient(dynamo, DEFAULT_READ_TIMEOUT);
  }

  /**
   * As {@link #httpClient(DynamoDouble)}; a response a fault rule withholds ({@code NO_RESPONSE})
   * fails with a {@link java.net.SocketTimeoutException} after {@code readTimeout}.
   */
  public static SdkHttpClient httpClient(DynamoDouble dynamo, Duration readTimeout) {
    return new InProcessHttpClient(Objects.requireNonNull(dynamo, "dynamo").inProcess(), positive(readTimeout));
  }

  /** An asynchronous HTTP client serving {@code dynamo}'s engine on threads of its own (closing it stops them). */
  public static SdkAsyncHttpClient asyncHttpClient(DynamoDouble dynamo) {
    return asyncHttpClient(dynamo, DEFAULT_READ_TIMEOUT);
  }

  /** As {@link #asyncHttpClient(DynamoDouble)}, with the read timeout of {@link #httpClient(DynamoDouble, Duration)}. */
  public static SdkAsyncHttpClient asyncHttpClient(DynamoDouble dynamo, Duration readTimeout) {
    return new InProcessAsyncHttpClient(Objects.requireNonNull(dynamo, "dynamo").inProcess(), positive(readTimeout));
  }

  private static Duration positive(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the read timeout must be positive: " + timeout);
    }
    return timeout;
  }
}
