package dev.dynamodouble.benchmarks.micro;

import dev.dynamodouble.benchmarks.Stats;
import dev.dynamodouble.core.auth.AuthConfig;
import dev.dynamodouble.core.auth.AuthStage;
import dev.dynamodouble.core.auth.Identity;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.pipeline.Pipeline;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.server.EmbeddedConnection;
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
 * The server-side cost of SigV4 verification and IAM authorization: GetItem and PutItem requests
 * the SDK's own signer signed, as HTTP bytes, through the server's whole pipeline (HTTP decoding,
 * the Dispatcher, response encoding) on an embedded channel, with the auth stage and without it;
 * measured in thread CPU time (steady on a busy machine), rounds interleaved. On / off is CPU per
 * call off / on: the throughput ratio of a server-bound endpoint.
 *
 * <pre>
 * java -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.micro.AuthHttpOverhead
 * </pre>
 */
public final class AuthHttpOverhead {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final String POLICY = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:CreateTable"],
        "Resource": "arn:aws:dynamodb:*:*:table/bench",
        "Condition": {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["pk-*"]}}}]}""";

  private AuthHttpOverhead() {}

  public static void main(String[] args) {
    int calls = Integer.getInteger("bench.calls", 50_000);
    int rounds = Integer.getInteger("bench.iterations", 5);
    String[] names = {"off", "on (IAM user, LeadingKeys policy)", "on (account root)"};
    Identity user = Identity.of("bench", "bench", "arn:aws:iam::000000000000:user/bench").withPolicy(POLICY);
    EmbeddedConnection[] channels = {channel(null), channel(user), channel(Identity.of("bench", "bench"))};
    String create = "{\"TableName\":\"bench\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}";
    String put = "{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\"pk-1\"},\"payload\":{\"S\":\""
        + "x".repeat(1000) + "\"}}}";
    String get = "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"pk-1\"}}}";
    for (EmbeddedConnection channel : channels) {
      call(channel, signed("CreateTable", create), true);
      call(channel, signed("PutItem", put), true);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf(Locale.ROOT, "%-8s %-36s %14s %8s%n", "workload", "verification", "CPU us/call", "on/off");
    for (String[] workload : List.of(new String[] {"GetItem", get}, new String[] {"PutItem", put})) {
      byte[] request = signed(workload[0], workload[1]);
      List<List<Double>> costs = new ArrayList<>();
      for (EmbeddedConnection channel : channels) {
        measure(channel, request, calls, threads); // warm-up
        costs.add(new ArrayList<>());
      }
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < channels.length; i++) {
          costs.get(i).add(measure(channels[i], request, calls, threads));
        }
      }
      double off = Stats.median(costs.get(0));
      for (int i = 0; i < channels.length; i++) {
        double cost = Stats.median(costs.get(i));
        System.out.printf(Locale.ROOT, "%-8s %-36s %14.2f %8.2f%n", workload[0], names[i], cost / 1000, off / cost);
      }
    }
    for (EmbeddedConnection channel : channels) {
      channel.close();
    }
  }

  private static EmbeddedConnection channel(Identity identity) {
    Engine engine = new Engine(DynamoClock.manual(T), EngineOptions.defaults());
    // Auth is measured, not capacity: one hot key on a clock that never refills would be throttled.
    engine.capacity().enabled(false);
    if (identity != null) {
      engine.pipeline().add(Pipeline.Order.AUTH, new AuthStage(AuthConfig.of(identity), engine.resourcePolicies(),
          engine.clock(), "000000000000"));
    }
    return new EmbeddedConnection(new Dispatcher(engine, Operations.dynamoDb(), Operations.streams()));
  }

  /** Nanoseconds of this thread's CPU per call. */
  private static double measure(EmbeddedConnection channel, byte[] request, int calls, ThreadMXBean threads) {
    call(channel, request, true);
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      call(channel, request, false);
    }
    return (threads.getCurrentThreadCpuTime() - start) / (double) calls;
  }

  private static void call(EmbeddedConnection channel, byte[] request, boolean check) {
    channel.exchange(request, check);
  }

  /** The HTTP bytes of a request the SDK's signer signed at {@link #T} (headers as the SDK sends them). */
  private static byte[] signed(String operation, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
        .uri(URI.create("http://127.0.0.1:18123/"))
        .putHeader("amz-sdk-invocation-id", "5ef8c629-248e-8ca7-475f-9a5a68143e8c")
        .putHeader("amz-sdk-request", "attempt=1; max=1")
        .putHeader("X-Amz-Target", "DynamoDB_20120810." + operation)
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .putHeader("Content-Length", Integer.toString(body.length)).build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsBasicCredentials.create("bench", "bench"))
        .request(request).payload(() -> new ByteArrayInputStream(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(T, ZoneOffset.UTC)));
    StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    signed.request().forEachHeader((name, values) -> headers.put(name, values));
    headers.putIfAbsent("Host", List.of("127.0.0.1:18123"));
    headers.put("Connection", List.of("keep-alive"));
    headers.forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
    System.arraycopy(body, 0, bytes, headBytes.length, body.length);
    return bytes;
  }
}
