package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;

/**
 * The whole CPU cost of a replicated PutItem, on one thread and a manual clock, so neither the
 * clock thread nor other processes on the machine blur it: puts through the dispatcher on a
 * table without a stream, one with the NEW_AND_OLD_IMAGES stream, and one with two replicas whose
 * links are paused (the writing region's part: stamping and queueing), then the replicated
 * changes applied in the two other regions ({@code flush}). Medians of alternating rounds.
 */
final class ReplicationCpu {
  /** Microseconds of CPU per put (plain, streamed, replicated: its region's part) and per applied change. */
  record Result(double plain, double streamed, double replicated, double apply) {
    /** Throughput of a replicated put, every region's work counted, against a plain one. */
    double ratio() {
      return plain / (replicated + 2 * apply);
    }
  }

  private ReplicationCpu() {}

  static Result measure(int rounds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start()) {
      Dispatcher dispatcher = new Dispatcher(dynamo.engine(), Operations.dynamoDb(), Operations.streams());
      String[] tables = {"plain", "streamed", "global"};
      for (String table : tables) {
        ReplicationBenchmark.createTable(dispatcher, table);
      }
      clock.advance(Duration.ZERO);
      ReplicationBenchmark.call(dispatcher, "UpdateTable", "{\"TableName\":\"streamed\",\"StreamSpecification\":{\"StreamEnabled\":true,"
          + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}");
      ReplicationBenchmark.call(dispatcher, "UpdateTable", "{\"TableName\":\"global\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":"
          + "\"eu-west-1\"}},{\"Create\":{\"RegionName\":\"ap-southeast-2\"}}]}");
      clock.advance(Duration.ZERO);
      dynamo.replication().pause("us-east-1", "eu-west-1").pause("us-east-1", "ap-southeast-2");
      int puts = 20_000;
      double[][] perPut = new double[3][rounds];
      double[] perApply = new double[rounds];
      for (int round = -2; round < rounds; round++) { // two rounds warm up
        for (int t = 0; t < tables.length; t++) {
          clock.advance(Duration.ofSeconds(10)); // the per-key capacity meters refill
          byte[][] bodies = DispatcherPuts.bodies(tables[t], round, puts);
          long c0 = threads.getCurrentThreadCpuTime();
          for (byte[] body : bodies) {
            dispatcher.handle("DynamoDB_20120810.PutItem", "us-east-1", "bench", body, 0, body.length);
          }
          long c1 = threads.getCurrentThreadCpuTime();
          if (round >= 0) {
            perPut[t][round] = (c1 - c0) / 1e3 / puts;
          }
        }
        int pending = dynamo.replication().pending();
        long f0 = threads.getCurrentThreadCpuTime();
        dynamo.replication().flush();
        long f1 = threads.getCurrentThreadCpuTime();
        if (round >= 0) {
          perApply[round] = (f1 - f0) / 1e3 / pending;
        }
      }
      return new Result(Stats.median(perPut[0]), Stats.median(perPut[1]), Stats.median(perPut[2]),
          Stats.median(perApply));
    }
  }
}
