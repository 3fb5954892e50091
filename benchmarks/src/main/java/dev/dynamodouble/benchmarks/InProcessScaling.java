package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.sdk.InProcess;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * How the in-process transport scales from 1 to N client threads, and where a call's CPU and
 * allocation go: for each workload and thread count, ops/s, process CPU per call, bytes allocated
 * per call by the client threads (everything runs on them in process) and, split out, by our side
 * (the transport's {@code call()}: the request body read, the engine, the response built), and GC
 * time. The client's retry strategy is a setting, to tell the SDK's retry bookkeeping apart.
 *
 * <p>{@code java -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.InProcessScaling}
 * (settings: {@code -Dbench.workloads=put,get -Dbench.threads=1,4 -Dbench.warmup=3 -Dbench.seconds=2 -Dbench.iterations=5
 * -Dbench.retry=harness,none,timeout,standard,legacy,adaptive,built} ("built": the SDK's defaults, as the
 * extension's injected clients), {@code -Dbench.split=true} to measure our side's share (adds two clock reads per call)).
 */
public final class InProcessScaling {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private InProcessScaling() {}

  public static void main(String[] args) throws Exception {
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "2"));
    double warmup = Double.parseDouble(System.getProperty("bench.warmup", "3"));
    int iterations = Integer.getInteger("bench.iterations", 5);
    List<String> workloads = List.of(System.getProperty("bench.workloads", "put,get").split(","));
    List<Integer> threads = new ArrayList<>();
    for (String t : System.getProperty("bench.threads", "1,4").split(",")) {
      threads.add(Integer.parseInt(t.trim()));
    }
    List<String> retries = List.of(System.getProperty("bench.retry", "harness").split(","));
    boolean split = Boolean.getBoolean("bench.split");
    boolean server = "server".equals(System.getProperty("bench.part"));
    int maxThreads = Collections.max(threads);
    System.out.printf(Locale.ROOT, "load average %.2f, %d CPUs%n", PROCESS.getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    try (DynamoDouble dynamo = DynamoDouble.builder().capacityEnforcement(false).build()) {
      SplitClient http = new SplitClient(InProcess.httpClient(dynamo), split);
      try (DynamoDbClient setup = client(http, "none")) {
        Workloads.prepare(setup, maxThreads);
      }
      for (String retry : retries) {
        try (DynamoDbClient client = client(http, retry)) {
          for (Workload workload : Workloads.all()) {
            if (!workloads.contains(workload.id())) {
              continue;
            }
            run(workload, client, 1, (long) (1e9 * warmup)); // warm-up: compiled for one thread and for many
            run(workload, client, maxThreads, (long) (1e9 * warmup));
            if (server) {
              serverSide(dynamo, workload, http.last, threads, warmup, seconds, iterations);
              continue;
            }
            double base = 0;
            for (int n : threads) {
              List<double[]> rounds = new ArrayList<>();
              for (int i = 0; i < iterations; i++) {
                http.reset();
                double[] r = run(workload, client, n, (long) (1e9 * seconds));
                rounds.add(new double[] {r[0], r[1], r[2], http.bytesPerCall(), http.cpuPerCall(), r[3], r[4]});
              }
              double[] m = medians(rounds);
              if (base == 0) {
                base = m[0];
              }
              System.out.printf(Locale.ROOT, "%-8s client=%-8s threads=%d: %,8.0f ops/s (%.2fx) | process CPU %.2f us/call"
                  + " (client threads %.2f us) | allocated %,.0f B/call%s | GC %.1f%% of wall%n", workload.label(), retry, n, m[0], m[0] / base,
                  m[1] / 1000, m[6] / 1000, m[2], split ? String.format(Locale.ROOT, " (ours %,.0f B, thread CPU %.2f us)", m[3],
                  m[4] / 1000) : "", m[5] * 100);
            }
          }
        }
      }
    }
  }

  /**
   * The engine's side alone: the last request the SDK sent for {@code workload}, served again and
   * again through {@link dev.dynamodouble.core.server.InProcessEndpoint} by 1..N threads.
   */
  private static void serverSide(DynamoDouble dynamo, Workload workload, HttpExecuteRequest request,
                                 List<Integer> threads, double warmup, double seconds, int iterations) throws Exception {
    byte[] body;
    try (java.io.InputStream in = request.contentStreamProvider().orElseThrow().newStream()) {
      body = in.readAllBytes();
    }
    software.amazon.awssdk.http.SdkHttpRequest http = request.httpRequest();
    dev.dynamodouble.core.pipeline.RequestHead head = new dev.dynamodouble.core.pipeline.RequestHead() {
      @Override public String method() { return http.method().name(); }
      @Override public String rawPath() { return "/"; }
      @Override public String rawQuery() { return ""; }
      @Override public List<String> headers(String name) { return http.matchingHeaders(name); }
      @Override public boolean secure() { return false; }
    };
    dev.dynamodouble.core.server.InProcessEndpoint endpoint = dynamo.inProcess();
    Workload serve = new Workload() {
      @Override public String id() { return workload.id(); }
      @Override public String label() { return workload.label(); }
      @Override public void run(DynamoDbClient ignored, int thread, long sequence) {
        int status = endpoint.serve(head, body).status();
        if (status != 200) {
          throw new IllegalStateException(workload.label() + " answered " + status);
        }
      }
    };
    run(serve, null, 1, (long) (1e9 * warmup));
    run(serve, null, Collections.max(threads), (long) (1e9 * warmup));
    double base = 0;
    for (int n : threads) {
      List<double[]> rounds = new ArrayList<>();
      for (int i = 0; i < iterations; i++) {
        rounds.add(run(serve, null, n, (long) (1e9 * seconds)));
      }
      double[] m = medians(rounds);
      if (base == 0) {
        base = m[0];
      }
      System.out.printf(Locale.ROOT, "%-8s server side threads=%d: %,8.0f ops/s (%.2fx) | process CPU %.2f us/call"
          + " (serving threads %.2f us) | allocated %,.0f B/call | GC %.1f%% of wall%n", workload.label(), n, m[0],
          m[0] / base, m[1] / 1000, m[4] / 1000, m[2],
          m[3] * 100);
    }
  }

  /** {ops/s, process CPU ns per call, client threads' bytes allocated per call, GC time / wall}. */
  private static double[] run(Workload workload, DynamoDbClient client, int threads, long nanos) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    CyclicBarrier end = new CyclicBarrier(threads + 1);
    AtomicLong ops = new AtomicLong();
    AtomicLong allocated = new AtomicLong();
    AtomicLong threadCpu = new AtomicLong();
    long[] deadline = new long[1];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        try {
          start.await();
          long bytes = THREADS.getCurrentThreadAllocatedBytes();
          long cpu = THREADS.getCurrentThreadCpuTime();
          long n = 0;
          long stop = deadline[0];
          do {
            workload.run(client, thread, n++);
          } while ((n & 15) != 0 || System.nanoTime() < stop);
          allocated.addAndGet(THREADS.getCurrentThreadAllocatedBytes() - bytes);
          threadCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
          ops.addAndGet(n);
          end.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "client-" + t);
      worker.start();
      workers.add(worker);
    }
    long gc = gcMillis();
    long cpu = PROCESS.getProcessCpuTime();
    long began = System.nanoTime();
    deadline[0] = began + nanos;
    start.await();
    end.await();
    long wall = System.nanoTime() - began;
    double[] result = {ops.get() / (wall / 1e9), (PROCESS.getProcessCpuTime() - cpu) / (double) ops.get(),
        allocated.get() / (double) ops.get(),
        (gcMillis() - gc) * 1e6 / wall, threadCpu.get() / (double) ops.get()};
    for (Thread worker : workers) {
      worker.join();
    }
    return result;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static double[] medians(List<double[]> rounds) {
    double[] m = new double[rounds.get(0).length];
    for (int k = 0; k < m.length; k++) {
      List<Double> values = new ArrayList<>();
      for (double[] r : rounds) {
        values.add(r[k]);
      }
      Collections.sort(values);
      m[k] = values.get(values.size() / 2);
    }
    return m;
  }

  private static DynamoDbClient client(SdkHttpClient http, String retry) {
    DynamoDbClientBuilder builder = DynamoDbClient.builder()
        .httpClient(http)
        .endpointOverride(InProcess.ENDPOINT)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")));
    switch (retry) {
      case "harness": // the side-by-side harness's client (Clients): no retries, a 60 s call timeout
        builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallTimeout(Duration.ofSeconds(60)));
        break;
      case "none":
        builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        break;
      case "timeout": // the SDK's default retries, with the harness's call timeout
        builder.overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(60)));
        break;
      case "standard":
        builder.overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
        break;
      case "legacy":
        builder.overrideConfiguration(o -> o.retryStrategy(RetryMode.LEGACY));
        break;
      case "adaptive":
        builder.overrideConfiguration(o -> o.retryStrategy(RetryMode.ADAPTIVE_V2));
        break;
      case "built":
        break;
      default:
        throw new IllegalArgumentException("-Dbench.retry=" + retry);
    }
    return builder.build();
  }

  /** The in-process HTTP client, counting what its calls allocate and cost on the calling thread. */
  private static final class SplitClient implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private final boolean measure;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong cpu = new AtomicLong();
    private volatile HttpExecuteRequest last;

    SplitClient(SdkHttpClient delegate, boolean measure) {
      this.delegate = delegate;
      this.measure = measure;
    }

    void reset() {
      calls.set(0);
      bytes.set(0);
      cpu.set(0);
    }

    double bytesPerCall() {
      return calls.get() == 0 ? 0 : bytes.get() / (double) calls.get();
    }

    double cpuPerCall() {
      return calls.get() == 0 ? 0 : cpu.get() / (double) calls.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      last = request;
      if (!measure) {
        return delegate.prepareRequest(request);
      }
      long allocated = THREADS.getCurrentThreadAllocatedBytes();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      ExecutableHttpRequest call = delegate.prepareRequest(request);
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() throws java.io.IOException {
          try {
            return call.call();
          } finally {
            bytes.addAndGet(THREADS.getCurrentThreadAllocatedBytes() - allocated);
            cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
            calls.incrementAndGet();
          }
        }

        @Override
        public void abort() {
          call.abort();
        }
      };
    }

    @Override
    public String clientName() {
      return delegate.clientName();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
