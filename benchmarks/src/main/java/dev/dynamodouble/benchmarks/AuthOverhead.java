package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.auth.AuthConfig;
import dev.dynamodouble.core.auth.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * GetItem and PutItem through the SDK with SigV4 verification and IAM authorization on (a user
 * whose policy has a LeadingKeys condition, and the account root) and off, side by side: the
 * rounds of the three endpoints interleave. Reported: the median ops/s and the median CPU time of
 * the whole process (client and server) per call; the ratio on/off is of CPU per call (off / on),
 * which a busy machine disturbs far less than wall-clock throughput.
 *
 * <pre>
 * java -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.AuthOverhead
 * </pre>
 * Settings: {@code -Dbench.seconds=2 -Dbench.iterations=5 -Dbench.warmup=2}.
 */
public final class AuthOverhead {
  private static final String POLICY = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:CreateTable", "dynamodb:DescribeTable"],
        "Resource": "arn:aws:dynamodb:*:*:table/bench",
        "Condition": {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["pk-*"]}}}]}""";

  private AuthOverhead() {}

  public static void main(String[] args) {
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "2"));
    int iterations = Integer.getInteger("bench.iterations", 5);
    double warmup = Double.parseDouble(System.getProperty("bench.warmup", "2"));
    String[] names = {"off", "on (IAM user, LeadingKeys policy)", "on (account root)"};
    // Auth is measured, not capacity: capacity enforcement is off (each workload hammers one key, far
    // beyond the 1,000 write units a second a partition gets; CapacityCost measures enforcement).
    DynamoDouble[] endpoints = {
        DynamoDouble.builder().capacityEnforcement(false).start(),
        DynamoDouble.builder().capacityEnforcement(false).auth(AuthConfig.of(Identity.of("bench", "bench",
            "arn:aws:iam::000000000000:user/bench").withPolicy(POLICY))).start(),
        DynamoDouble.builder().capacityEnforcement(false).auth(AuthConfig.of(Identity.of("bench", "bench"))).start()};
    try {
      DynamoDbClient[] clients = new DynamoDbClient[endpoints.length];
      for (int i = 0; i < endpoints.length; i++) {
        clients[i] = Clients.create(endpoints[i].endpoint());
        DynamoDbClient c = clients[i];
        c.createTable(r -> r.tableName("bench").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
        c.putItem(r -> r.tableName("bench").item(Map.of("pk", AttributeValue.fromS("pk-get"),
            "payload", AttributeValue.fromS("x".repeat(1000)))));
      }
      Map<String, Consumer<DynamoDbClient>> workloads = Map.of(
          "GetItem", c -> c.getItem(r -> r.tableName("bench").key(Map.of("pk", AttributeValue.fromS("pk-get")))),
          "PutItem", c -> c.putItem(r -> r.tableName("bench").item(Map.of("pk", AttributeValue.fromS("pk-put"),
              "payload", AttributeValue.fromS("y".repeat(1000))))));
      System.out.printf(Locale.ROOT, "%-8s %-36s %10s %12s %8s%n", "workload", "verification", "ops/s",
          "CPU us/call", "on/off");
      for (String workload : List.of("GetItem", "PutItem")) {
        Consumer<DynamoDbClient> call = workloads.get(workload);
        List<List<Double>> rates = new ArrayList<>();
        List<List<Double>> cpu = new ArrayList<>();
        for (int i = 0; i < endpoints.length; i++) {
          run(clients[i], call, warmup);
          rates.add(new ArrayList<>());
          cpu.add(new ArrayList<>());
        }
        for (int round = 0; round < iterations; round++) {
          for (int i = 0; i < endpoints.length; i++) {
            double[] measured = run(clients[i], call, seconds);
            rates.get(i).add(measured[0]);
            cpu.get(i).add(measured[1]);
          }
        }
        double off = Stats.median(cpu.get(0));
        for (int i = 0; i < endpoints.length; i++) {
          double perCall = Stats.median(cpu.get(i));
          System.out.printf(Locale.ROOT, "%-8s %-36s %10.0f %12.1f %8.2f%n", workload, names[i], Stats.median(rates.get(i)),
              perCall / 1000, off / perCall);
        }
      }
      for (DynamoDbClient c : clients) {
        c.close();
      }
    } finally {
      for (DynamoDouble d : endpoints) {
        d.close();
      }
    }
  }

  /** Calls for {@code seconds}; returns {ops/s, process CPU nanoseconds per call}. */
  private static double[] run(DynamoDbClient client, Consumer<DynamoDbClient> call, double seconds) {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    Stats.Timed timed = Stats.repeat(i -> call.accept(client), (long) (seconds * 1e9));
    return new double[] {timed.perSecond(), (os.getProcessCpuTime() - cpu) / (double) timed.calls()};
  }
}
