package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.auth.AuthConfig;
import dev.dynamodouble.core.auth.AuthStage;
import dev.dynamodouble.core.auth.Identity;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.pipeline.Pipeline;
import dev.dynamodouble.core.pipeline.RequestHead;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.time.DynamoClock;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The server-side cost of SigV4 verification and IAM authorization, without HTTP: the Dispatcher
 * serving GetItem and PutItem with requests the SDK's own signer signed, with the auth stage and
 * without it, measured in thread CPU time (steady under a busy machine), rounds interleaved.
 * Throughput ratio on / off = CPU per call off / CPU per call on.
 *
 * <pre>
 * java -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.AuthDispatcherOverhead
 * </pre>
 */
public final class AuthDispatcherOverhead {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final String POLICY = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:CreateTable"],
        "Resource": "arn:aws:dynamodb:*:*:table/bench",
        "Condition": {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["pk-*"]}}}]}""";

  private AuthDispatcherOverhead() {}

  public static void main(String[] args) {
    int calls = Integer.getInteger("bench.calls", 50_000);
    int rounds = Integer.getInteger("bench.iterations", 5);
    String[] names = {"off", "on (IAM user, LeadingKeys policy)", "on (account root)"};
    Identity user = Identity.of("bench", "bench", "arn:aws:iam::000000000000:user/bench").withPolicy(POLICY);
    Dispatcher[] dispatchers = {dispatcher(null), dispatcher(user), dispatcher(Identity.of("bench", "bench"))};
    String create = "{\"TableName\":\"bench\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}";
    String put = "{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\"pk-1\"},\"payload\":{\"S\":\"" + "x".repeat(1000) + "\"}}}";
    String get = "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"pk-1\"}}}";
    for (Dispatcher d : dispatchers) {
      check(call(d, "CreateTable", create));
      check(call(d, "PutItem", put));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf(Locale.ROOT, "%-8s %-36s %14s %8s%n", "workload", "verification", "CPU us/call", "on/off");
    for (String[] workload : List.of(new String[] {"GetItem", get}, new String[] {"PutItem", put})) {
      Request[] requests = new Request[dispatchers.length];
      for (int i = 0; i < dispatchers.length; i++) {
        requests[i] = Request.signed(workload[0], workload[1]);
        measure(dispatchers[i], requests[i], calls, threads); // warm-up
      }
      List<List<Double>> costs = new ArrayList<>();
      for (int i = 0; i < dispatchers.length; i++) {
        costs.add(new ArrayList<>());
      }
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < dispatchers.length; i++) {
          costs.get(i).add(measure(dispatchers[i], requests[i], calls, threads));
        }
      }
      double off = median(costs.get(0));
      for (int i = 0; i < dispatchers.length; i++) {
        double cost = median(costs.get(i));
        System.out.printf(Locale.ROOT, "%-8s %-36s %14.2f %8.2f%n", workload[0], names[i], cost / 1000, off / cost);
      }
    }
  }

  private static Dispatcher dispatcher(Identity identity) {
    Engine engine = new Engine(DynamoClock.manual(T), EngineOptions.defaults());
    if (identity != null) {
      engine.pipeline().add(Pipeline.Order.AUTH, new AuthStage(AuthConfig.of(identity), engine.resourcePolicies(),
          engine.clock(), "000000000000"));
    }
    return new Dispatcher(engine, Operations.dynamoDb(), Operations.streams());
  }

  private static ProtocolResponse call(Dispatcher dispatcher, String operation, String body) {
    Request request = Request.signed(operation, body);
    return dispatcher.handle(request.target, "us-east-1", "id", request.head, request.body, 0, request.body.length);
  }

  /** Nanoseconds of this thread's CPU per call. */
  private static double measure(Dispatcher dispatcher, Request request, int calls, ThreadMXBean threads) {
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      ProtocolResponse response = dispatcher.handle(request.target, "us-east-1", "id", request.head, request.body, 0,
          request.body.length);
      if (response.status() != 200) {
        check(response);
      }
    }
    return (threads.getCurrentThreadCpuTime() - start) / (double) calls;
  }

  private static void check(ProtocolResponse response) {
    if (response.status() != 200) {
      throw new IllegalStateException(response.status() + " " + new String(response.body(), StandardCharsets.UTF_8));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** A request as the SDK signs it at {@link #T}. */
  private record Request(String target, RequestHead head, byte[] body) {
    static Request signed(String operation, String json) {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      String target = "DynamoDB_20120810." + operation;
      SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
          .uri(URI.create("http://127.0.0.1:8000/")).putHeader("X-Amz-Target", target)
          .putHeader("Content-Type", "application/x-amz-json-1.0")
          .putHeader("Content-Length", Integer.toString(body.length)).build();
      SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsBasicCredentials.create("bench", "bench"))
          .request(request).payload(() -> new ByteArrayInputStream(body))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
          .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(T, ZoneOffset.UTC)));
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      signed.request().forEachHeader((name, values) -> headers.put(name, List.copyOf(values)));
      headers.putIfAbsent("Host", List.of("127.0.0.1:8000"));
      RequestHead head = new RequestHead() {
        @Override
        public String method() {
          return "POST";
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
          return headers.getOrDefault(name, List.of());
        }

        @Override
        public boolean secure() {
          return false;
        }
      };
      return new Request(target, head, body);
    }
  }
}
