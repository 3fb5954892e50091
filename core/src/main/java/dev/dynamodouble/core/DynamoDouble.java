package dev.dynamodouble.core;

import dev.dynamodouble.core.capacity.CapacityEnforcement;
import dev.dynamodouble.core.auth.AuthConfig;
import dev.dynamodouble.core.auth.AuthStage;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.pipeline.Pipeline;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.server.InProcessEndpoint;
import dev.dynamodouble.core.server.TlsSettings;
import dev.dynamodouble.core.server.DynamoServer;
import dev.dynamodouble.core.stream.StreamSettings;
import dev.dynamodouble.core.stream.Streams;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.trigger.Triggers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

/**
 * Dynamo Double: DynamoDB for tests, in the JVM. The one public entry point.
 *
 * <pre>{@code
 * try (DynamoDouble dynamo = DynamoDouble.builder().start()) {
 *   DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())...;
 * }
 * }</pre>
 *
 * <p>The HTTP endpoint starts with {@link #start()}, or on first use of {@link #endpoint()} or
 * {@link #port()}: an instance only {@link #build() built} and used through {@link #inProcess()}
 * (the AWS SDK transport of {@code dynamo-double-sdk}) opens no socket and loads no Netty.
 *
 * <p>Every instance is independent: its own engine, clock and port. Nothing is static.
 */
public final class DynamoDouble implements AutoCloseable {
  private final Builder settings;
  private final Engine engine;
  private final Triggers triggers;
  private final Dispatcher dispatcher;
  private volatile DynamoServer server;
  private volatile InProcessEndpoint inProcess;
  private boolean closed;
  private final dev.dynamodouble.core.dax.DaxCache daxCache;
  private volatile dev.dynamodouble.core.dax.DaxServer daxServer;

  private DynamoDouble(Builder settings) {
    this.settings = settings;
    EngineOptions options = EngineOptions.defaults().withStatusDelay(settings.statusDelay)
        .withDefaultRegion(settings.defaultRegion).withItemCollectionLimit(settings.itemCollectionLimit)
        .withQuotas(settings.quotas).withSingleNamespace(settings.singleNamespace)
        .withAccountId(settings.accountId != null ? settings.accountId
            : settings.auth != null && settings.auth.account() != null ? settings.auth.account() : "000000000000");
    this.engine = new Engine(settings.clock == null ? DynamoClock.system() : settings.clock, options);
    if (settings.auth != null) {
      engine.pipeline().add(Pipeline.Order.AUTH,
          new AuthStage(settings.auth, engine.resourcePolicies(), engine.clock(), options.accountId()));
    }
    engine.timeToLive().deletionDelay(settings.ttlDeletionDelay).sweepInterval(settings.ttlSweepInterval);
    engine.capacity().enabled(settings.capacityEnforced);
    engine.consistency().readLag(settings.readLag);
    if (settings.streamSettings != null) {
      engine.streams().settings(settings.streamSettings);
    }
    if (settings.s3Directory != null) {
      engine.transfers().s3Directory(settings.s3Directory);
    }
    this.dispatcher = new Dispatcher(engine, Operations.dynamoDb(), Operations.streams());
    this.daxCache = settings.dax == null ? null : new dev.dynamodouble.core.dax.DaxCache(engine.clock(), settings.dax);
    if (daxCache != null) {
      engine.participate(daxCache); // a reset starts with cold caches
    }
    this.triggers = new Triggers(engine.clock(), engine.streams(),
        (region, table) -> Streams.latestOf(engine.region(region).describedTable(table)),
        settings.defaultRegion, engine.faults());
  }

  /**
   * In-JVM triggers on table streams: register a handler and it receives the table's stream
   * records in batches, as a Lambda function with a DynamoDB event source mapping would.
   */
  public Triggers triggers() {
    return triggers;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts the HTTP endpoint now (idempotent) and returns this. */
  public synchronized DynamoDouble start() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (server == null) {
      server = DynamoServer.start(dispatcher, settings.host, settings.port, settings.tls, settings.workers);
      if (daxCache != null) {
        daxServer = dev.dynamodouble.core.dax.DaxServer.start(dispatcher, daxCache,
            settings.auth == null ? null
                : new dev.dynamodouble.core.auth.DaxAccessControl(settings.auth, engine.resourcePolicies()),
            settings.host, settings.daxPort);
      }
    }
    return this;
  }

  /** Whether the HTTP endpoint is listening (it starts with {@link #start()}, {@link #endpoint()} or {@link #port()}). */
  public boolean listening() {
    return server != null;
  }

  /**
   * The endpoint without a socket, on the same engine: serialized requests in, serialized
   * responses out, on the calling thread. What the in-process AWS SDK transport
   * ({@code dev.dynamodouble.sdk.InProcess}) talks to; starts no server.
   */
  public InProcessEndpoint inProcess() {
    InProcessEndpoint endpoint = inProcess;
    if (endpoint == null) {
      synchronized (this) {
        if (inProcess == null) {
          inProcess = new InProcessEndpoint(dispatcher);
          if (closed) {
            inProcess.close();
          }
        }
        endpoint = inProcess;
      }
    }
    return endpoint;
  }

  /**
   * The DAX cluster's URL ({@code dax://127.0.0.1:port}) for the real DAX client; only with
   * {@link Builder#dax} or {@link Builder#daxPort}.
   */
  public URI daxEndpoint() {
    requireStarted();
    if (daxServer == null) {
      throw new IllegalStateException("no DAX endpoint: build with dax(DaxSettings) or daxPort(port)");
    }
    return daxServer.endpoint();
  }

  /** The DAX cluster's caches (to empty them by hand), or null without DAX. */
  public dev.dynamodouble.core.dax.DaxCache daxCache() {
    return daxCache;
  }


  /**
   * The endpoint URI, e.g. {@code http://127.0.0.1:54321} ({@code https://} with TLS); starts the
   * HTTP endpoint if it is not running yet.
   */
  public URI endpoint() {
    InetSocketAddress address = requireStarted().address();
    return URI.create((settings.tls == null ? "http://" : "https://") + settings.host + ":" + address.getPort());
  }

  /** The TLS settings (the certificate clients must trust), or null when serving plain HTTP. */
  public TlsSettings tls() {
    return settings.tls;
  }

  /** The bound port; starts the HTTP endpoint if it is not running yet. */
  public int port() {
    return requireStarted().address().getPort();
  }

  /** The engine's clock; a {@link dev.dynamodouble.core.time.ManualClock} when built with one. */
  public DynamoClock clock() {
    return engine.clock();
  }

  /**
   * Global-table replication: lag per region pair, pause and resume a link, partition a region,
   * and what is still waiting to be applied.
   */
  public dev.dynamodouble.core.replication.Replication replication() {
    return engine.replication();
  }

  /**
   * Kinesis streaming destinations (EnableKinesisStreamingDestination …): what each destination
   * stream has received, for a test to read as a Kinesis consumer would.
   */
  public dev.dynamodouble.core.kinesis.KinesisDestinations kinesis() {
    return engine.kinesis();
  }

  /**
   * Capacity enforcement: provisioned and on-demand limits, per-partition limits, and what each
   * table and GSI has left and has throttled. Switch it off with {@code enabled(false)}.
   */
  public CapacityEnforcement capacity() {
    return engine.capacity();
  }

  /**
   * The fault rules: add one ({@code faults().add(FaultRule.on("PutItem").error("ThrottlingException").times(2))}),
   * read its hits, list those that never fired, remove it by closing its handle.
   */
  public dev.dynamodouble.core.fault.Faults faults() {
    return engine.faults();
  }

  /**
   * Read consistency: how stale eventually consistent reads may be (for the engine, per table) and
   * how far each global secondary index trails its table. All zero unless set.
   */
  public dev.dynamodouble.core.consistency.Consistency consistency() {
    return engine.consistency();
  }

  /** The engine behind the endpoint (tables, regions). */
  public Engine engine() {
    return engine;
  }

  /**
   * Deletes, now, every item whose TTL has passed on every table with TTL enabled, as if the TTL
   * sweeper had just run (items more than five years past their TTL are still kept, as DynamoDB
   * keeps them). Returns how many items were deleted. Without it, expired items go at the first
   * sweep after their expiry plus {@link Builder#ttlDeletionDelay}.
   */
  public int deleteExpiredItems() {
    return engine.timeToLive().deleteExpiredNow();
  }

  private DynamoServer requireStarted() {
    DynamoServer s = server;
    return s != null ? s : start().server;
  }

  /** Stops the endpoint and the clock's thread; takes milliseconds. */
  @Override
  public synchronized void close() {
    closed = true;
    if (inProcess != null) {
      inProcess.close();
    }
    if (daxServer != null) {
      daxServer.close();
      daxServer = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
    engine.clock().close();
  }

  /** Settings of a {@link DynamoDouble}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private DynamoClock clock;
    private Duration statusDelay = Duration.ZERO;
    private String defaultRegion = "us-east-1";
    private long itemCollectionLimit = EngineOptions.TEN_GB;
    private Duration ttlDeletionDelay = Duration.ZERO;
    private Duration ttlSweepInterval = Duration.ofSeconds(1);
    private boolean capacityEnforced = true;
    private Duration readLag = Duration.ZERO;
    private AuthConfig auth;
    private String accountId;
    private TlsSettings tls;
    private Quotas quotas = Quotas.defaults();
    private DynamoServer.Workers workers = DynamoServer.Workers.defaults();
    private StreamSettings streamSettings;
    private dev.dynamodouble.core.dax.DaxSettings dax;
    private int daxPort;
    private boolean singleNamespace;
    private java.nio.file.Path s3Directory;

    /**
     * The local directory standing in for Amazon S3 in ExportTableToPointInTime and ImportTable:
     * {@code s3://bucket/prefix} is {@code dir/bucket/prefix}, and a bucket is a directory that must
     * exist. Without it those operations answer a ValidationException saying it is not configured.
     */
    public Builder s3Directory(java.nio.file.Path dir) {
      this.s3Directory = dir;
      return this;
    }

    private Builder() {}

    /** Also serves a DAX cluster with these cache settings, on its own port (see {@link #daxPort}). */
    public Builder dax(dev.dynamodouble.core.dax.DaxSettings settings) {
      this.dax = settings;
      return this;
    }

    /** Also serves a DAX cluster on this port (0: any free port), with default settings unless {@link #dax} says otherwise. */
    public Builder daxPort(int port) {
      this.daxPort = port;
      if (dax == null) {
        dax = dev.dynamodouble.core.dax.DaxSettings.defaults();
      }
      return this;
    }

    /**
     * One set of tables whatever region a request's credentials name, like DynamoDB Local's shared
     * database: every request sees the default region's tables. Off by default: each region (from
     * the SigV4 credential scope) has its own tables; credentials never separate tables.
     */
    public Builder singleNamespace(boolean single) {
      this.singleNamespace = single;
      return this;
    }

    /**
     * Whether provisioned throughput, on-demand maximums and per-partition limits are enforced
     * (throttling), as in DynamoDB; true by default. False behaves like DynamoDB Local: capacity is
     * still reported in ConsumedCapacity but never limits a request.
     */
    public Builder capacityEnforcement(boolean enforced) {
      this.capacityEnforced = enforced;
      return this;
    }

    /**
     * How stale an eventually consistent read (and a GSI read) may be: it sees every table as it
     * was {@code lag} ago on the engine clock. Zero (the default) makes every read see the latest.
     */
    public Builder readLag(Duration lag) {
      this.readLag = lag;
      return this;
    }

    /**
     * Turns SigV4 verification and IAM authorization on: only requests signed with one of these
     * identities' keys are served, and only what their policies (and the resource policies) allow.
     * Off by default: any credentials are accepted, as DynamoDB Local does.
     */
    public Builder auth(AuthConfig auth) {
      this.auth = auth;
      return this;
    }

    /**
     * The account id in the ARNs of tables, streams and backups; by default the account of the
     * first auth identity, else 000000000000.
     */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /** Serves HTTPS with this certificate (see {@link TlsSettings#selfSigned()} and {@link TlsSettings#pem}). */
    public Builder tls(TlsSettings tls) {
      this.tls = tls;
      return this;
    }

    /**
     * How streams behave: shards per stream, the shard rollover period (about four hours in
     * DynamoDB), the 24-hour retention and the 15-minute iterator lifetime.
     */
    public Builder streamSettings(StreamSettings settings) {
      this.streamSettings = settings;
      return this;
    }

    /**
     * The item-collection size limit of tables with local secondary indexes (10 GB, as in
     * DynamoDB); lower it to make ItemCollectionSizeLimitExceededException reachable in a test.
     */
    public Builder itemCollectionLimit(long bytes) {
      this.itemCollectionLimit = bytes;
      return this;
    }

    /**
     * The table and index quotas: DynamoDB's by default (2,500 tables per region, 20 global and 5
     * local secondary indexes per table, 500 tables changing at once). Beyond them, requests get
     * DynamoDB's LimitExceededException or ValidationException.
     */
    public Builder quotas(Quotas quotas) {
      this.quotas = java.util.Objects.requireNonNull(quotas, "quotas");
      return this;
    }

    /**
     * How many threads serve requests (by default four per core, at least eight) and how many
     * requests may wait for one (1,024); a request beyond that is answered at once with a 503
     * ThrottlingException, which the AWS SDKs retry.
     */
    public Builder requestWorkers(int threads, int queue) {
      this.workers = new DynamoServer.Workers(threads, queue);
      return this;
    }

    /** The address to bind; 127.0.0.1 by default. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port to bind; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The engine clock; the system clock by default. */
    public Builder clock(DynamoClock clock) {
      this.clock = clock;
      return this;
    }

    /** How long tables stay CREATING/UPDATING/DELETING; zero by default. */
    public Builder statusDelay(Duration delay) {
      this.statusDelay = delay;
      return this;
    }

    /** The region of requests without a SigV4 credential scope; us-east-1 by default. */
    public Builder defaultRegion(String region) {
      this.defaultRegion = region;
      return this;
    }

    /**
     * How long an expired item survives at least before the TTL sweeper deletes it; zero (the
     * default) deletes it in the first sweep after it expires. DynamoDB itself takes up to a few
     * days: a delay reproduces "expired but not yet deleted" for as long as a test needs.
     */
    public Builder ttlDeletionDelay(Duration delay) {
      this.ttlDeletionDelay = delay;
      return this;
    }

    /**
     * The grid TTL sweeps run on (one second by default): sweeps happen only at multiples of it, and
     * only when an item falls due. A whole number of seconds, or a fraction that divides one second.
     */
    public Builder ttlSweepInterval(Duration interval) {
      this.ttlSweepInterval = interval;
      return this;
    }

    /** Builds an instance whose HTTP endpoint starts on first use of {@link DynamoDouble#endpoint()} or {@link DynamoDouble#port()}. */
    public DynamoDouble build() {
      return new DynamoDouble(this);
    }

    /** Builds and starts the HTTP endpoint; if the endpoint cannot start (a taken port), nothing is left running. */
    public DynamoDouble start() {
      DynamoDouble dynamo = build();
      try {
        return dynamo.start();
      } catch (RuntimeException e) {
        dynamo.close();
        throw e;
      }
    }
  }
}
