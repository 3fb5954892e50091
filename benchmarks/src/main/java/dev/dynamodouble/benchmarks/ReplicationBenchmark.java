package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.time.DynamoClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Global tables (from {@code benchmarks/}, after a build):
 * {@code java -Xms1g -Xmx2g -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.ReplicationBenchmark}.
 *
 * <ul>
 *   <li>PutItem throughput (1 KB items, most replacing an item) on a table with two replicas and on
 *       one without, in alternating rounds, through the protocol dispatcher on one thread: wall
 *       clock and that thread's CPU time. The system clock's thread applies the replicated writes
 *       meanwhile (default lag, one second). Also against a table with the NEW_AND_OLD_IMAGES stream
 *       a replica needs, to separate replication's cost from the stream's.</li>
 *   <li>The same PutItem through the AWS SDK v2 sync client over loopback HTTP (what a user sees),
 *       with 1 and 4 client threads, against the table with two replicas and the one without.</li>
 *   <li>The whole CPU cost of a replicated put on one thread and a manual clock ({@link ReplicationCpu}): the
 *       writing region's part and each replicated change applied, against a put without replicas.</li>
 *   <li>Heap per change waiting on a paused link (us-east-1 to eu-west-1, on a manual clock).</li>
 * </ul>
 */
public final class ReplicationBenchmark {
  private ReplicationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 7);
    try (DynamoDouble dynamo = DynamoDouble.builder().start()) {
      Dispatcher dispatcher = new Dispatcher(dynamo.engine(), Operations.dynamoDb(), Operations.streams());
      createTable(dispatcher, "plain");
      createTable(dispatcher, "global");
      createTable(dispatcher, "streamed");
      call(dispatcher, "UpdateTable", "{\"TableName\":\"streamed\",\"StreamSpecification\":{\"StreamEnabled\":true,"
          + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}");
      call(dispatcher, "UpdateTable", "{\"TableName\":\"global\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":"
          + "\"eu-west-1\"}},{\"Create\":{\"RegionName\":\"ap-southeast-2\"}}]}");
      dispatcherPuts(dispatcher, rounds);
      try (DynamoDbClient client = Clients.create(dynamo.endpoint())) {
        for (int threads : new int[] {1, 4}) {
          double[] ops = SdkPuts.measure(client, new String[] {"plain", "global"}, rounds, threads);
          System.out.printf(Locale.ROOT, "PutItem ops/s through the SDK over loopback, %d client thread%s: %.0f "
              + "without replicas vs %.0f with two (ratio %.3f)%n", threads, threads == 1 ? "" : "s", ops[0], ops[1],
              ops[1] / ops[0]);
        }
      }
    }
    ReplicationCpu.Result cpu = ReplicationCpu.measure(rounds);
    System.out.printf(Locale.ROOT, "CPU per PutItem on one thread (manual clock): %.2f us without replicas, %.2f us "
        + "with the stream only, %.2f us in the writing region with two replicas + %.2f us per replicated change "
        + "applied: a replicated put costs %.2f us in all, throughput ratio %.3f%n", cpu.plain(), cpu.streamed(),
        cpu.replicated(), cpu.apply(), cpu.replicated() + 2 * cpu.apply(), cpu.ratio());
    queueMemory(Integer.getInteger("bench.queued", 200_000));
  }

  private static void dispatcherPuts(Dispatcher dispatcher, int rounds) {
    DispatcherPuts.Result r =
        DispatcherPuts.measure(dispatcher, "us-east-1", new String[] {"plain", "global", "streamed"}, rounds);
    System.out.printf(Locale.ROOT, "PutItem ops/s through the dispatcher: wall clock %.0f without replicas vs %.0f "
        + "with two (ratio %.3f); CPU time %.0f vs %.0f (ratio %.3f)%n", r.wall()[0], r.wall()[1],
        r.wall()[1] / r.wall()[0], r.cpu()[0], r.cpu()[1], r.cpu()[1] / r.cpu()[0]);
    System.out.printf(Locale.ROOT, "  against a table with the same NEW_AND_OLD_IMAGES stream and no replicas: wall "
        + "clock ratio %.3f, CPU time ratio %.3f%n", r.wall()[1] / r.wall()[2], r.cpu()[1] / r.cpu()[2]);
  }

  /** Heap per change queued on a paused link: distinct 1 KB inserts, measured against the same inserts unreplicated. */
  private static void queueMemory(int items) throws Exception {
    long without = heapAfterInserts(false, items);
    long with = heapAfterInserts(true, items);
    System.out.printf(Locale.ROOT, "Heap per change queued on a paused link: %.0f bytes (%d inserts; the item "
        + "itself is shared with the table)%n", (with - without) / (double) items, items);
  }

  private static long heapAfterInserts(boolean replicated, int items) throws Exception {
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z")))
        .start()) {
      Dispatcher dispatcher = new Dispatcher(dynamo.engine(), Operations.dynamoDb(), Operations.streams());
      createTable(dispatcher, "memory");
      dynamo.clock().runDue();
      if (replicated) {
        call(dispatcher, "UpdateTable", "{\"TableName\":\"memory\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":"
            + "\"eu-west-1\"}}]}");
        dynamo.replication().pause("us-east-1", "eu-west-1");
      } else {
        call(dispatcher, "UpdateTable", "{\"TableName\":\"memory\",\"StreamSpecification\":{\"StreamEnabled\":true,"
            + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}"); // the stream a replica gets: not counted
      }
      long before = DispatcherPuts.usedHeap();
      for (int i = 0; i < items; i++) {
        if (i % 5_000 == 4_999) {
          // Time moves as it would: the per-key capacity meters refill and are forgotten (standing
          // still, their map grows with every distinct key and each new one costs a scan of it).
          dynamo.clock().advance(Duration.ofSeconds(1));
        }
        call(dispatcher, "PutItem", "{\"TableName\":\"memory\",\"Item\":{\"pk\":{\"S\":\"m" + i + "\"},"
            + "\"payload\":{\"S\":\"" + DispatcherPuts.PAYLOAD + "\"}}}");
      }
      if (replicated && dynamo.replication().pending() != items) {
        throw new IllegalStateException("expected " + items + " queued, found " + dynamo.replication().pending());
      }
      return DispatcherPuts.usedHeap() - before;
    }
  }

  static void createTable(Dispatcher dispatcher, String name) {
    call(dispatcher, "CreateTable", "{\"TableName\":\"" + name + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
  }

  static void call(Dispatcher dispatcher, String operation, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ProtocolResponse response = dispatcher.handle("DynamoDB_20120810." + operation, "us-east-1", "bench", body, 0,
        body.length);
    if (response.status() != 200) {
      throw new IllegalStateException(operation + ": " + new String(response.body(), StandardCharsets.UTF_8));
    }
  }

}
