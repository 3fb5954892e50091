package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.auth.Identity;
import dev.dynamodouble.sdk.InProcess;
import dev.dynamodouble.core.server.TlsSettings;
import dev.dynamodouble.core.time.DynamoClock;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.auth.scheme.DynamoDbAuthSchemeProvider;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.auth.scheme.DynamoDbStreamsAuthSchemeProvider;

/**
 * The SDK clients of one endpoint, configured for it (endpoint, region, dummy credentials), built
 * once and shared by everything injected from it; the asynchronous and enhanced ones are built on
 * first use (in process and without auth, the synchronous one is leased from the JVM's
 * {@link SharedClients}). They reach the engine in process ({@link InProcess}: no socket, no HTTP
 * server) or over HTTP. Closing closes every client built (and gives a leased one back); over
 * HTTP, the asynchronous one's HTTP client, shared by the JVM ({@link SharedAsyncHttp}), stays open
 * for the next class. When the engine runs a DAX cluster, its real DAX client is built on first use
 * too, only if the optional DAX library is on the classpath.
 */
public final class Clients implements AutoCloseable {
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create(Security.OWN_KEY, Security.OWN_KEY));

  private final URI endpoint;
  /** The engine the clients reach in process, or null: over HTTP to {@link #endpoint}. */
  private final DynamoDouble inProcess;
  private SdkAsyncHttpClient inProcessAsync;
  private final Region region;
  private final TlsSettings tls;
  private final Security security;
  private final java.time.Clock signingClock;
  private final DynamoDbClient sync;
  /** The lease of {@link #sync} from {@link SharedClients}, or null when this built its own. */
  private final SharedClients.Lease lease;
  private final Map<String, DynamoDbClient> signed = new LinkedHashMap<>();
  private DynamoDbAsyncClient async;
  private DynamoDbStreamsClient streams;
  private DynamoDbEnhancedClient enhanced;
  private DynamoDbEnhancedAsyncClient enhancedAsync;
  private boolean closed;
  private final java.util.Map<String, Clients> otherRegions = new java.util.TreeMap<>();
  private final DynamoClock engineClock;
  /** The engine whose DAX cluster {@link #dax} reaches, or null when there is none. */
  private final DynamoDouble daxCluster;
  private DynamoDbClient dax;

  /** Clients of an HTTP endpoint. */
  public Clients(URI endpoint, String region) {
    this(endpoint, null, region, null, Security.NONE, null, null);
  }

  /**
   * The clients of {@code dynamo} that accept {@code security}'s keys: in process when asked and
   * the endpoint is not HTTPS, else over HTTP(S). With auth on they sign on the engine's clock, so
   * that a manual clock, however far a test moves it, never puts their signatures outside the
   * 15-minute window.
   */
  public static Clients of(DynamoDouble dynamo, String region, Security security, boolean inProcess) {
    DynamoDouble daxCluster = dynamo.daxCache() == null ? null : dynamo;
    return inProcess && dynamo.tls() == null
        ? new Clients(InProcess.ENDPOINT, dynamo, region, null, security, dynamo.clock(), daxCluster)
        : new Clients(dynamo.endpoint(), null, region, dynamo.tls(), security, dynamo.clock(), daxCluster);
  }

  private Clients(URI endpoint, DynamoDouble inProcess, String region, TlsSettings tls, Security security,
                  DynamoClock clock, DynamoDouble daxCluster) {
    this.endpoint = endpoint;
    this.daxCluster = daxCluster;
    this.inProcess = inProcess;
    this.engineClock = clock;
    this.security = security;
    this.signingClock = security.auth() == null || clock == null ? null : EngineJavaClock.of(clock);
    this.region = Region.of(region);
    this.tls = tls;
    this.lease = inProcess == null || signingClock != null ? null
        : SharedClients.lease(inProcess, this.region, (http, watch) -> DynamoDbClient.builder()
            .endpointOverride(endpoint).httpClient(http).region(this.region).credentialsProvider(CREDENTIALS)
            .overrideConfiguration(c -> c.addExecutionInterceptor(watch)).build());
    this.sync = lease != null ? lease.client() : http(signing(DynamoDbClient.builder()))
        .region(this.region)
        .credentialsProvider(CREDENTIALS)
        .build();
  }

  /** Points a synchronous client builder at the endpoint, in process or over HTTP. */
  private <B extends SdkSyncClientBuilder<B, ?> & SdkClientBuilder<B, ?>> B http(B builder) {
    builder.endpointOverride(endpoint);
    return inProcess != null ? builder.httpClient(InProcess.httpClient(inProcess))
        : builder.httpClientBuilder(httpClientBuilder());
  }

  /** Makes the client sign on the engine clock (auth on), else leaves it as it is. */
  private <B extends software.amazon.awssdk.services.dynamodb.DynamoDbBaseClientBuilder<B, ?>> B signing(B builder) {
    if (signingClock != null) {
      DynamoDbAuthSchemeProvider defaults = DynamoDbAuthSchemeProvider.defaultProvider();
      builder.authSchemeProvider(params -> defaults.resolveAuthScheme(params).stream()
          .map(option -> option.toBuilder().putSignerProperty(AwsV4HttpSigner.SIGNING_CLOCK, signingClock).build())
          .toList());
    }
    return builder;
  }

  /** The declared identity of an access key, or null. */
  public Identity identity(String accessKeyId) {
    return security.identity(accessKeyId);
  }

  /** A client whose requests are signed with this identity's key (built once per key). */
  public synchronized DynamoDbClient signedAs(Identity identity) {
    requireOpen();
    return signed.computeIfAbsent(identity.accessKeyId(), key -> {
      AwsCredentials credentials = identity.sessionToken() == null
          ? AwsBasicCredentials.create(identity.accessKeyId(), identity.secretAccessKey())
          : AwsSessionCredentials.create(identity.accessKeyId(), identity.secretAccessKey(), identity.sessionToken());
      return http(signing(DynamoDbClient.builder())).region(region)
          .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    });
  }

  /**
   * The Apache 5 client when the application has it on the classpath (about four times faster per
   * request than the URL-connection client, which loading fixtures notices), else the
   * URL-connection client. Either way the SDK client owns it and closes it.
   */
  private SdkHttpClient.Builder<?> httpClientBuilder() {
    if (tls != null) { // the client must trust the endpoint's own certificate
      return UrlConnectionHttpClient.builder().tlsTrustManagersProvider(tls::trustManagers);
    }
    try {
      Class<?> apache5 = Class.forName("software.amazon.awssdk.http.apache5.Apache5HttpClient", false,
          Clients.class.getClassLoader());
      return (SdkHttpClient.Builder<?>) apache5.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return UrlConnectionHttpClient.builder();
    }
  }

  /** The clients of the same endpoint in {@code other} region (these when it is this region); closed with these. */
  public synchronized Clients in(String other) {
    if (Region.of(other).equals(region)) {
      return this;
    }
    requireOpen();
    return otherRegions.computeIfAbsent(other, r -> new Clients(endpoint, inProcess, r, tls, security, engineClock, null));
  }

  public DynamoDbClient sync() {
    return sync;
  }

  public synchronized DynamoDbAsyncClient async() {
    if (async == null) {
      requireOpen();
      var builder = signing(DynamoDbAsyncClient.builder())
          .endpointOverride(endpoint)
          .region(region)
          .credentialsProvider(CREDENTIALS);
      if (tls != null) { // its own Netty client, trusting the endpoint's certificate, owned by the SDK client
        SdkAsyncHttpClient.Builder<?> trusting = SharedAsyncHttp.trusting(tls::trustManagers);
        if (trusting == null) {
          throw new IllegalStateException("DynamoDbAsyncClient is injected for an HTTPS endpoint "
              + "(@DynamoSecurity(tls = true)) only with the SDK's Netty client (software.amazon.awssdk:"
              + "netty-nio-client) on the classpath; add it, or inject DynamoDbClient");
        }
        builder.httpClientBuilder(trusting);
      } else if (inProcess != null) {
        inProcessAsync = InProcess.asyncHttpClient(inProcess); // not owned by the SDK client: closed below
        builder.httpClient(inProcessAsync);
      } else {
        SdkAsyncHttpClient shared = SharedAsyncHttp.client();
        if (shared != null) {
          builder.httpClient(shared);   // not owned: closing the SDK client leaves it open
        }
      }
      async = builder.build();
    }
    return async;
  }

  public synchronized DynamoDbStreamsClient streams() {
    if (streams == null) {
      requireOpen();
      var builder = DynamoDbStreamsClient.builder();
      if (signingClock != null) {
        DynamoDbStreamsAuthSchemeProvider defaults = DynamoDbStreamsAuthSchemeProvider.defaultProvider();
        builder.authSchemeProvider(params -> defaults.resolveAuthScheme(params).stream()
            .map(option -> option.toBuilder().putSignerProperty(AwsV4HttpSigner.SIGNING_CLOCK, signingClock).build())
            .toList());
      }
      streams = http(builder)
          .region(region)
          .credentialsProvider(CREDENTIALS)
          .build();
    }
    return streams;
  }

  public synchronized DynamoDbEnhancedClient enhanced() {
    if (enhanced == null) {
      requireOpen();
      enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(sync).build();
    }
    return enhanced;
  }

  public synchronized DynamoDbEnhancedAsyncClient enhancedAsync() {
    if (enhancedAsync == null) {
      enhancedAsync = DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(async()).build();
    }
    return enhancedAsync;
  }

  /** Whether the engine runs a DAX cluster. */
  public boolean hasDax() {
    return daxCluster != null;
  }

  /** The DAX cluster's {@code dax://host:port} URL; starts the endpoint's servers if they are not running. */
  public URI daxEndpoint() {
    return daxCluster.daxEndpoint();
  }

  /** The real DAX client of the cluster, signing with the extension's own key; {@code what} is for the message. */
  public synchronized DynamoDbClient dax(String what) {
    if (dax == null) {
      requireOpen();
      if (!daxLibraryPresent()) {
        throw new ParameterResolutionException("Cannot supply " + what + ": the DAX client is not on the classpath. "
            + "Add the test dependency software.amazon.dax:amazon-dax-client (2.x)");
      }
      dax = DaxClientFactory.build(daxEndpoint(), region.id(), CREDENTIALS);
    }
    return dax;
  }

  private static boolean daxLibraryPresent() {
    try {
      Class.forName("software.amazon.dax.ClusterDaxClient", false, Clients.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the clients of " + endpoint + " are closed: the test class has ended");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<RuntimeException> failures = new ArrayList<>();
    for (Clients other : otherRegions.values()) {
      try {
        other.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    List<AutoCloseable> all = new ArrayList<>();
    all.add(dax);
    all.addAll(signed.values());
    all.add(async);
    all.add(inProcessAsync);
    all.add(streams);
    all.add(lease != null ? lease::end : sync);
    for (AutoCloseable client : all) {
      if (client == null) {
        continue;
      }
      try {
        client.close();
      } catch (Exception e) {
        failures.add(new IllegalStateException("cannot close " + client, e));
      }
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }
}
