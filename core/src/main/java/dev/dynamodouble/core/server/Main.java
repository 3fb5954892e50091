package dev.dynamodouble.core.server;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.auth.AuthConfig;
import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.fixture.FixtureError;
import dev.dynamodouble.core.fixture.FixtureFiles;
import dev.dynamodouble.core.time.DynamoClock;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/** The standalone server: {@code java -jar dynamo-double-core-all.jar [--port 8000] [--host 127.0.0.1]}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("dynamo-double: " + e.getMessage());
      err.println("Try --help.");
      return 2;
    }
    if (options.help) {
      out.print(Options.HELP);
      return 0;
    }
    if (options.version) {
      out.println("dynamo-double " + Version.current());
      return 0;
    }
    DynamoDouble.Builder builder = DynamoDouble.builder().host(options.host).port(options.port)
        .statusDelay(options.statusDelay).defaultRegion(options.region).quotas(options.quotas)
        .requestWorkers(options.workerThreads(), options.workers.queue())
        .capacityEnforcement(options.capacityEnforcement).singleNamespace(options.singleNamespace)
        .s3Directory(options.s3Dir);
    try { // a malformed auth file or certificate is reported before anything starts
      if (options.authFile != null) {
        builder.auth(AuthConfig.read(options.authFile));
      }
      if (options.tlsCert != null) {
        builder.tls(TlsSettings.pem(options.tlsCert, options.tlsKey));
      } else if (options.tls) {
        builder.tls(TlsSettings.selfSigned());
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("dynamo-double: " + e.getMessage());
      return 2;
    }
    if (options.manualClockStart != null) {
      builder.clock(DynamoClock.manual(options.manualClockStart));
    }
    if (options.daxPort >= 0) {
      builder.daxPort(options.daxPort);
    }
    DynamoDouble built = builder.build();
    dev.dynamodouble.core.engine.EngineSnapshot unseeded = null;
    int fixtureTables = 0;
    try { // scenarios and fixtures are read before the port answers: a bad one serves nothing
      for (java.nio.file.Path scenario : options.faults) {
        built.faults().load(scenario);
      }
      if (options.dataDir != null) { // fixtures seed a new data directory, never one that holds data
        unseeded = built.engine().snapshot();
      }
      FixtureFiles.load(built.engine(), options.region, options.fixtures);
      fixtureTables = tableCount(built);
    } catch (dev.dynamodouble.core.fault.InvalidFaultException | FixtureError e) {
      built.close();
      err.println("dynamo-double: " + e.getMessage());
      return 2;
    }
    dev.dynamodouble.core.persist.DataDirectory dataDir = null;
    if (options.dataDir != null) {
      try { // before the endpoint listens: no request sees the engine half recovered
        dataDir = dev.dynamodouble.core.persist.DataDirectory.openSeeded(options.dataDir, built.engine(),
            options.dataKey == null ? null : dev.dynamodouble.core.persist.DataKey.read(options.dataKey), unseeded);
      } catch (dev.dynamodouble.core.persist.DataDirectoryException e) {
        built.close();
        err.println("dynamo-double: " + e.getMessage());
        return 1;
      }
    }
    dev.dynamodouble.core.persist.DataDirectory durable = dataDir;
    DynamoDouble dynamo;
    try {
      dynamo = built.start();
    } catch (Exception e) { // Netty rethrows the checked BindException undeclared
      built.close();
      if (durable != null) {
        durable.close();
      }
      if (e instanceof BindException || e.getCause() instanceof BindException
          || String.valueOf(e.getMessage()).contains("Address already in use")) {
        err.println("dynamo-double: cannot listen on " + options.host + ":" + options.port
            + ": the port is already in use. Choose another with --port.");
      } else {
        err.println("dynamo-double: cannot start: " + e);
      }
      return 1;
    }
    String unpublished = EndpointFile.publish(options.endpointFile, dynamo.endpoint()); // for the image's probe
    if (unpublished != null) {
      dynamo.close();
      if (durable != null) {
        durable.close();
      }
      err.println("dynamo-double: " + unpublished);
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dynamo.close();
      if (durable != null) {
        durable.close();
      }
      stopped.countDown();
    }, "dynamo-double-shutdown"));
    out.println("Dynamo Double listening on " + dynamo.endpoint() + " ("
        + (durable != null ? "data in " + durable.path().toAbsolutePath() : "in-memory")
        + (options.singleNamespace ? ", one namespace for every region" : "")
        + tablesAtStart(options, durable, fixtureTables)
        + (options.authFile != null ? ", SigV4 and IAM policies from " + options.authFile : "") + ")");
    if (options.daxPort >= 0) {
      out.println("DAX cluster on " + dynamo.daxEndpoint());
    }
    if (dynamo.tls() != null) {
      out.println("TLS certificate: " + dynamo.tls().certificateFile()
          + " (trust it, e.g. aws --ca-bundle " + dynamo.tls().certificateFile() + ")");
    }
    out.flush();
    stopped.await();
    return 0;
  }

  /**
   * Where the tables at start came from: a data directory that holds data replaces the fixtures
   * (they only seed a new one), so its tables are counted, not the fixtures'.
   */
  private static String tablesAtStart(Options options, dev.dynamodouble.core.persist.DataDirectory durable,
      int fixtureTables) {
    java.util.OptionalInt recovered = durable == null ? java.util.OptionalInt.empty() : durable.recoveredTables();
    if (recovered.isPresent()) {
      return ", " + recovered.getAsInt() + " table(s) restored from the data directory"
          + (options.fixtures.isEmpty() ? "" : ", fixtures not loaded: they only seed a new data directory");
    }
    return options.fixtures.isEmpty() ? "" : ", fixtures loaded: " + fixtureTables + " table(s)";
  }

  private static int tableCount(DynamoDouble dynamo) {
    return dynamo.engine().regions().stream().mapToInt(catalog -> catalog.tables().size()).sum();
  }

  /** Command-line flags. */
  static final class Options {
    static final String HELP = String.join("\n",
        "Usage: java -jar dynamo-double-core-all.jar [options]",
        "",
        "Starts a DynamoDB-compatible endpoint; storage is in memory unless --data-dir names a directory.",
        "",
        "Options:",
        "  --port N             port to listen on (default 8000; 0 picks a free port)",
        "  --host ADDRESS       address to bind (default 127.0.0.1)",
        "  --region NAME        region of unsigned requests (default us-east-1)",
        "  --status-delay MS    milliseconds a table stays CREATING/UPDATING/DELETING (default 0)",
        "  --manual-clock [ISO] run on a manual clock starting at ISO-8601 instant (default: now);",
        "                       advance it with POST /_dynamodouble/clock/advance?millis=N",
        "  --auth FILE          verify SigV4 signatures and IAM policies: a JSON file of identities",
        "                       (access keys, secrets, principals, policies); off by default",
        "  --tls                serve HTTPS with a generated self-signed certificate (its path is printed)",
        "  --tls-cert FILE      serve HTTPS with this PEM certificate (chain) ...",
        "  --tls-key FILE       ... and this PEM PKCS#8 private key",
        "  --max-tables N       tables per region before LimitExceededException (default 2500)",
        "  --max-gsis N         global secondary indexes per table (default 20)",
        "  --max-table-changes N  tables being created/updated/deleted at once (default 500)",
        "  --max-table-capacity N  read and write units of one table or GSI (default 40000)",
        "  --max-account-capacity N  provisioned read and write units of a region's tables (default 80000)",
        "  --request-threads N  threads serving requests (default 4 per core, at least 8; 64 with --data-dir)",
        "  --request-queue N    requests waiting for a thread before a 503 ThrottlingException (default 1024)",
        "  --data-dir DIR       keep tables and items in DIR: every acknowledged write survives a crash",
        "                       and a restart (see the README for what is kept); default: in memory",
        "  --data-key FILE      encrypt DIR at rest (AES-GCM) with the 256-bit key in FILE (32 bytes,",
        "                       64 hex digits or base64); a wrong key is refused at start",
        "  --dax-port N         also serve a DAX cluster on this port (0 picks a free port), for the",
        "                       DAX client (dax://host:N); item and query caches, 5-minute TTLs",
        "  --s3-dir DIR         the directory standing in for S3 in exports and imports:",
        "                       s3://bucket/prefix is DIR/bucket/prefix (a bucket is a directory)",
        "  --faults FILE        load the fault rules of a scenario file (YAML or JSON); repeatable",
        "  --fixtures PATH      load tables (*.table.json: CreateTable requests) and items (*.json, *.yml)",
        "                       at start; a directory loads every such file in it, in name order; repeatable",
        "  --single-namespace   one set of tables whatever region the credentials name (like DynamoDB",
        "                       Local's -sharedDb); without it each region has its own tables",
        "  --no-capacity-enforcement",
        "                       never throttle (provisioned throughput, on-demand maximums and",
        "                       per-partition limits are enforced by default, as in DynamoDB)",
        "  --endpoint-file FILE write the health URL (scheme, port) to FILE once listening, for a health",
        "                       probe (default: $DYNAMO_DOUBLE_ENDPOINT_FILE, which the image sets)",
        "  --version            print the version and exit",
        "  --help               print this help",
        "");

    String host = "127.0.0.1";
    int port = 8000;
    String region = "us-east-1";
    Duration statusDelay = Duration.ZERO;
    Instant manualClockStart;
    Quotas quotas = Quotas.defaults();
    DynamoServer.Workers workers = DynamoServer.Workers.defaults();
    java.util.List<java.nio.file.Path> faults = new java.util.ArrayList<>();
    boolean help;
    boolean version;
    boolean singleNamespace;
    Path s3Dir;
    java.util.List<Path> fixtures = new java.util.ArrayList<>();
    Path authFile;
    boolean tls;
    Path tlsCert;
    Path tlsKey;
    boolean capacityEnforcement = true;
    Path dataDir;
    Path endpointFile;
    Path dataKey;
    boolean threadsGiven;

    /** With a data directory, a write waits for the device on its thread: more threads, larger group commits. */
    int workerThreads() {
      return dataDir != null && !threadsGiven
          ? Math.max(workers.threads(), dev.dynamodouble.core.persist.DataDirectory.REQUEST_THREADS) : workers.threads();
    }
    int daxPort = -1;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--help", "-h" -> o.help = true;
          case "--version" -> o.version = true;
          case "--single-namespace" -> o.singleNamespace = true;
          case "--fixtures" -> o.fixtures.add(Path.of(value(args, ++i, arg)));
          case "--no-capacity-enforcement" -> o.capacityEnforcement = false;
          case "--port" -> o.port = number(arg, value(args, ++i, arg), 0, 65535);
          case "--dax-port" -> o.daxPort = number(arg, value(args, ++i, arg), 0, 65535);
          case "--host" -> o.host = value(args, ++i, arg);
          case "--data-dir" -> o.dataDir = Path.of(value(args, ++i, arg));
          case "--endpoint-file" -> o.endpointFile = Path.of(value(args, ++i, arg));
          case "--data-key" -> o.dataKey = Path.of(value(args, ++i, arg));
          case "--s3-dir" -> o.s3Dir = Path.of(value(args, ++i, arg));
          case "--faults" -> o.faults.add(java.nio.file.Path.of(value(args, ++i, arg)));
          case "--region" -> o.region = value(args, ++i, arg);
          case "--status-delay" -> o.statusDelay = Duration.ofMillis(number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE));
          case "--max-tables" -> o.quotas = o.quotas.withTablesPerRegion(number(arg, value(args, ++i, arg), 1, Integer.MAX_VALUE));
          case "--max-gsis" -> o.quotas = o.quotas.withGlobalIndexesPerTable(number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE));
          case "--max-table-changes" -> o.quotas = o.quotas.withConcurrentTableChanges(
              number(arg, value(args, ++i, arg), 1, Integer.MAX_VALUE));
          case "--max-table-capacity" -> {
            long units = number(arg, value(args, ++i, arg), 1, Integer.MAX_VALUE);
            o.quotas = o.quotas.withTableMaxCapacityUnits(units, units);
          }
          case "--max-account-capacity" -> {
            long units = number(arg, value(args, ++i, arg), 1, Integer.MAX_VALUE);
            o.quotas = o.quotas.withAccountMaxCapacityUnits(units, units);
          }
          case "--request-threads" -> {
            o.workers = new DynamoServer.Workers(number(arg, value(args, ++i, arg), 1, 10_000), o.workers.queue());
            o.threadsGiven = true;
          }
          case "--request-queue" -> o.workers = new DynamoServer.Workers(
              o.workers.threads(), number(arg, value(args, ++i, arg), 1, 1_000_000));
          case "--manual-clock" -> {
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
              try {
                o.manualClockStart = Instant.parse(args[++i]);
              } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--manual-clock needs an ISO-8601 instant, not '" + args[i] + "'");
              }
            } else {
              o.manualClockStart = DynamoClock.system().now();
            }
          }
          case "--auth" -> o.authFile = Path.of(value(args, ++i, arg));
          case "--tls" -> o.tls = true;
          case "--tls-cert" -> o.tlsCert = Path.of(value(args, ++i, arg));
          case "--tls-key" -> o.tlsKey = Path.of(value(args, ++i, arg));
          default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
        }
      }
      if (o.dataKey != null && o.dataDir == null) {
        throw new IllegalArgumentException("--data-key goes with --data-dir");
      }
      if ((o.tlsCert == null) != (o.tlsKey == null)) {
        throw new IllegalArgumentException("--tls-cert and --tls-key go together");
      }
      return o;
    }

    private static String value(String[] args, int i, String flag) {
      if (i >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return args[i];
    }

    private static int number(String flag, String text, int min, int max) {
      try {
        int n = Integer.parseInt(text);
        if (n < min || n > max) {
          throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", not " + n);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " needs a number, not '" + text + "'");
      }
    }
  }
}
