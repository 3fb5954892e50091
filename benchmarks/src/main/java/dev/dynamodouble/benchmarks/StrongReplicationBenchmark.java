package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import java.util.Locale;

/**
 * Multi-Region strong consistency (from {@code benchmarks/}, after a build):
 * {@code java -Xms1g -Xmx2g -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.StrongReplicationBenchmark}.
 *
 * <p>PutItem throughput (1 KB items, most replacing an item) through the protocol dispatcher on one
 * thread, in alternating rounds: a table without replicas against an MRSC table with two replicas,
 * where every write is applied in the three regions before it returns. Wall clock and CPU time.
 */
public final class StrongReplicationBenchmark {
  private StrongReplicationBenchmark() {}

  public static void main(String[] args) {
    int rounds = Integer.getInteger("bench.rounds", 7);
    try (DynamoDouble dynamo = DynamoDouble.builder().start()) {
      Dispatcher dispatcher = new Dispatcher(dynamo.engine(), Operations.dynamoDb(), Operations.streams());
      ReplicationBenchmark.createTable(dispatcher, "plain");
      ReplicationBenchmark.createTable(dispatcher, "strong");
      ReplicationBenchmark.call(dispatcher, "UpdateTable", "{\"TableName\":\"strong\","
          + "\"MultiRegionConsistency\":\"STRONG\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":\"us-east-2\"}},"
          + "{\"Create\":{\"RegionName\":\"us-west-2\"}}]}");
      DispatcherPuts.Result r =
          DispatcherPuts.measure(dispatcher, "us-east-1", new String[] {"plain", "strong"}, rounds);
      System.out.printf(Locale.ROOT, "PutItem ops/s through the dispatcher: wall clock %.0f without replicas vs %.0f "
          + "on an MRSC table with two (ratio %.3f); CPU time %.0f vs %.0f (ratio %.3f)%n", r.wall()[0], r.wall()[1],
          r.wall()[1] / r.wall()[0], r.cpu()[0], r.cpu()[1], r.cpu()[1] / r.cpu()[0]);
    }
  }
}
