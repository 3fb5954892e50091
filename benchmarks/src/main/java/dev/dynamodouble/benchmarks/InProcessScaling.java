package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.sdk.InProcess;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
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
 * allocation go. For each workload and thread count: ops/s, CPU per call (the process's, split into
 * the calling threads', other Java threads' and the rest: GC, JIT and the VM), bytes the calling
 * threads allocate per call (in process everything runs on them) and GC pause time. Control
 * workloads that share nothing between threads ({@code cpu}, {@code alloc}) show how far the
 * machine itself scales, in the same run. Client settings ({@code -Dbench.retry}) tell the SDK's
 * retry and timeout bookkeeping apart: {@code harness} (the side-by-side harness's client: no
 * retries, a 60 s call timeout), {@code built} (the SDK's defaults, as the extension's injected
 * clients), {@code none}, {@code timeout}, {@code standard}, {@code legacy}, {@code adaptive},
 * {@code nobucket} (standard retries without the token bucket), {@code unsigned} (the defaults
 * with anonymous credentials: no SigV4, an experiment only). {@code -Dbench.split=true} also
 * measures what the transport and the engine alone allocate and cost per call (two clock reads
 * more per call); {@code -Dbench.part=server} serves the SDK's last request again and again through
 * the engine's in-process endpoint, without the SDK.
 *
 * <p>{@code java -Dbench.workloads=cpu,alloc,put,get -Dbench.threads=1,4 -Dbench.retry=harness,built
 * -Dbench.warmup=5 -Dbench.seconds=2 -Dbench.iterations=5 -cp "target/classes:$(cat target/benchmark.classpath)"
 * dev.dynamodouble.benchmarks.InProcessScaling} (these are the defaults)
 */
public final class InProcessScaling {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Calls made per workload, warm-ups included: the denominator of a lock profile's event counts. */
  private static final java.util.Map<String, AtomicLong> CALLS = new java.util.concurrent.ConcurrentHashMap<>();

  private InProcessScaling() {}

  public static void main(String[] args) throws Exception {
    Settings settings = new Settings();
    List<String> workloads = List.of(System.getProperty("bench.workloads", "cpu,alloc,put,get").split(","));
    List<String> clients = List.of(System.getProperty("bench.retry", "harness,built").split(","));
    boolean split = Boolean.getBoolean("bench.split");
    boolean server = "server".equals(System.getProperty("bench.part"));
    System.out.printf(Locale.ROOT, "load average %.2f, %d CPUs%n", PROCESS.getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    for (Workload control : Controls.all()) {
      if (workloads.contains(control.id())) {
        settings.compare(control, null, "-", null);
      }
    }
    try (DynamoDouble dynamo = DynamoDouble.builder().capacityEnforcement(false).build()) {
      SplitClient http = new SplitClient(InProcess.httpClient(dynamo), split);
      try (DynamoDbClient setup = client(http, "none")) {
        Workloads.prepare(setup, settings.maxThreads());
      }
      System.out.printf(Locale.ROOT, "engine clock: %d tasks pending, next due %s%n", dynamo.clock().pendingTasks(),
          dynamo.clock().nextDue());
      for (String settingName : clients) {
        try (DynamoDbClient client = client(http, settingName)) {
          for (Workload workload : Workloads.all()) {
            if (!workloads.contains(workload.id())) {
              continue;
            }
            settings.warmUp(workload, client);
            if (server) {
              settings.compare(serving(dynamo, workload, http.last), null, "server side", null);
            } else {
              settings.compare(workload, client, settingName, split ? http : null);
            }
          }
        }
      }
    }
    System.out.println("calls made, warm-ups included: " + CALLS);
  }

  /** Threads, durations and rounds ({@code -Dbench.threads}, {@code warmup}, {@code seconds}, {@code iterations}). */
  private static final class Settings {
    final List<Integer> threads = new ArrayList<>();
    final long warmupNanos = (long) (1e9 * Double.parseDouble(System.getProperty("bench.warmup", "5")));
    final long nanos = (long) (1e9 * Double.parseDouble(System.getProperty("bench.seconds", "2")));
    final int iterations = Integer.getInteger("bench.iterations", 5);

    Settings() {
      for (String t : System.getProperty("bench.threads", "1,4").split(",")) {
        threads.add(Integer.parseInt(t.trim()));
      }
    }

    int maxThreads() {
      return Collections.max(threads);
    }

    /** Runs long enough at one thread and at the most threads to be compiled for both. */
    void warmUp(Workload workload, DynamoDbClient client) throws Exception {
      run(workload, client, 1, warmupNanos);
      run(workload, client, maxThreads(), warmupNanos);
    }

    /** Medians of each thread count's rounds, printed as one line per thread count. */
    void compare(Workload workload, DynamoDbClient client, String setting, SplitClient ours) throws Exception {
      if (client == null) {
        warmUp(workload, null);
      }
      double base = 0;
      for (int n : threads) {
        List<double[]> rounds = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
          if (ours != null) {
            ours.reset();
          }
          double[] r = run(workload, client, n, nanos);
          double[] row = Arrays.copyOf(r, r.length + 2);
          row[r.length] = ours == null ? 0 : ours.bytesPerCall();
          row[r.length + 1] = ours == null ? 0 : ours.cpuPerCall();
          rounds.add(row);
        }
        double[] m = medians(rounds);
        if (base == 0) {
          base = m[0];
        }
        System.out.printf(Locale.ROOT, "%-8s %-11s threads=%d: %,9.0f ops/s (%.2fx) | CPU per call: process %.2f us"
                + " = calling threads %.2f + other Java threads %.2f + GC, JIT and VM %.2f | allocated %,.0f B/call%s"
                + " | GC pauses %.1f%% of wall%n", workload.label(), setting, n, m[0], m[0] / base, m[1] / 1000,
            m[2] / 1000, m[3] / 1000, (m[1] - m[2] - m[3]) / 1000, m[4], ours == null ? ""
                : String.format(Locale.ROOT, " (transport and engine: %,.0f B, %.2f us)", m[6], m[7] / 1000),
            m[5] * 100);
      }
    }
  }

  /** Workloads that share nothing between threads: how far this machine scales at best. */
  private static final class Controls {
    static List<Workload> all() {
      return List.of(control("cpu", "control: SHA-256 of 1 KB", () -> {
        java.security.MessageDigest digest = sha256();
        byte[] data = new byte[1024];
        byte[] out = new byte[32];
        return () -> {
          digest.update(data);
          try {
            digest.digest(out, 0, out.length);
          } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
          }
          data[0] = out[0];
        };
      }), control("alloc", "control: 56 KB garbage", () -> () -> {
        Object[] garbage = new Object[64];
        for (int i = 0; i < 1000; i++) {
          garbage[i & 63] = new long[5]; // 56 bytes each
        }
        if (garbage[7] == null) {
          throw new IllegalStateException();
        }
      }));
    }

    private static java.security.MessageDigest sha256() {
      try {
        return java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    /** A workload whose per-thread state {@code perThread} makes on each thread's first call. */
    private static Workload control(String id, String label, java.util.function.Supplier<Runnable> perThread) {
      ThreadLocal<Runnable> state = ThreadLocal.withInitial(perThread);
      return Workloads.workload(id, label, (ignored, thread, sequence) -> state.get().run());
    }
  }

  /**
   * The engine's side alone: the last request the SDK sent for {@code workload}, served again and
   * again through {@link dev.dynamodouble.core.server.InProcessEndpoint}.
   */
  private static Workload serving(DynamoDouble dynamo, Workload workload, HttpExecuteRequest request)
      throws java.io.IOException {
    byte[] body;
    try (java.io.InputStream in = request.contentStreamProvider().orElseThrow().newStream()) {
      body = in.readAllBytes();
    }
    software.amazon.awssdk.http.SdkHttpRequest http = request.httpRequest();
    dev.dynamodouble.core.pipeline.RequestHead head = new dev.dynamodouble.core.pipeline.RequestHead() {
      @Override
      public String method() {
        return http.method().name();
      }

      @Override
      public String rawPath() {
        return "/";
      }

      @Override
      public String rawQuery() {
        return "";
      }

      @Override
      public List<String> headers(String name) {
        return http.matchingHeaders(name);
      }

      @Override
      public boolean secure() {
        return false;
      }
    };
    dev.dynamodouble.core.server.InProcessEndpoint endpoint = dynamo.inProcess();
    return Workloads.workload(workload.id(), workload.label(), (ignored, thread, sequence) -> {
      int status = endpoint.serve(head, body).status();
      if (status != 200) {
        throw new IllegalStateException(workload.label() + " answered " + status);
      }
    });
  }

  /**
   * One round: {ops/s, process CPU ns per call, the calling threads' CPU ns per call, other Java
   * threads' CPU ns per call, the calling threads' bytes allocated per call, GC pause time / wall}.
   */
  private static double[] run(Workload workload, DynamoDbClient client, int threads, long nanos) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    CyclicBarrier end = new CyclicBarrier(threads + 1);
    AtomicLong ops = new AtomicLong();
    AtomicLong allocated = new AtomicLong();
    AtomicLong threadCpu = new AtomicLong();
    long[] deadline = new long[1];
    java.util.Set<Long> workers = new java.util.HashSet<>();
    List<Thread> started = new ArrayList<>();
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
          CALLS.computeIfAbsent(workload.label(), k -> new AtomicLong()).addAndGet(n);
          end.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "client-" + t);
      worker.start();
      workers.add(worker.getId());
      started.add(worker);
    }
    java.util.Map<Long, Long> others = otherThreadsCpu(workers);
    long gc = Loading.collections()[1];
    long cpu = PROCESS.getProcessCpuTime();
    long began = System.nanoTime();
    deadline[0] = began + nanos;
    start.await();
    end.await();
    long wall = System.nanoTime() - began;
    long process = PROCESS.getProcessCpuTime() - cpu;
    long otherCpu = 0;
    for (java.util.Map.Entry<Long, Long> now : otherThreadsCpu(workers).entrySet()) {
      otherCpu += now.getValue() - others.getOrDefault(now.getKey(), 0L);
    }
    double n = ops.get();
    for (Thread worker : started) {
      worker.join();
    }
    return new double[] {n / (wall / 1e9), process / n, threadCpu.get() / n, otherCpu / n, allocated.get() / n,
        (Loading.collections()[1] - gc) * 1e6 / wall};
  }

  /** CPU time of each live Java thread but {@code excluded} (the JVM's GC and JIT threads are not Java threads). */
  private static java.util.Map<Long, Long> otherThreadsCpu(java.util.Set<Long> excluded) {
    java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      long time = THREADS.getThreadCpuTime(id);
      if (time >= 0 && !excluded.contains(id)) {
        cpu.put(id, time);
      }
    }
    return cpu;
  }

  private static double[] medians(List<double[]> rounds) {
    double[] m = new double[rounds.get(0).length];
    for (int k = 0; k < m.length; k++) {
      int column = k;
      m[k] = Stats.median(rounds.stream().mapToDouble(r -> r[column]).toArray());
    }
    return m;
  }

  private static DynamoDbClient client(SdkHttpClient http, String retry) {
    if (retry.equals("harness")) { // the side-by-side harness's client: no retries, a 60 s call timeout
      return Clients.configure(DynamoDbClient.builder().httpClient(http), InProcess.ENDPOINT);
    }
    DynamoDbClientBuilder builder = DynamoDbClient.builder()
        .httpClient(http)
        .endpointOverride(InProcess.ENDPOINT)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")));
    switch (retry) {
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
      case "nobucket": // the SDK's standard retries without the circuit breaker (its token bucket)
        builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .circuitBreakerEnabled(false).build()));
        break;
      case "built":
        break;
      case "unsigned": // an experiment, not a setting we ship: the SDK's defaults without SigV4 (its
        // SHA-256 digests come from one lock-guarded pool per JVM, the contended lock at 4 threads)
        builder.credentialsProvider(AnonymousCredentialsProvider.create());
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
