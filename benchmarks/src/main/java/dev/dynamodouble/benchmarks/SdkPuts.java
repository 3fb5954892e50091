package dev.dynamodouble.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * PutItem through the AWS SDK v2 sync client over loopback HTTP (what a user's test sees), 1 KB
 * items of 1,000 keys, tables in alternating rounds (which goes first alternates too),
 * {@code threads} client threads sharing one client: the median ops/s per table by wall clock.
 */
final class SdkPuts {
  private SdkPuts() {}

  static double[] measure(DynamoDbClient client, String[] tables, int rounds, int threads) throws Exception {
    int puts = 4_000;
    double[][] opsPerSecond = new double[tables.length][rounds];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = -1; round < rounds; round++) {
        for (int n = 0; n < tables.length; n++) {
          int t = (round & 1) == 0 ? n : tables.length - 1 - n; // alternate which table goes first
          String table = tables[t];
          String tag = Integer.toString(round);
          long t0 = System.nanoTime();
          List<Future<?>> done = new ArrayList<>();
          for (int w = 0; w < threads; w++) {
            int worker = w;
            done.add(pool.submit(() -> {
              for (int i = worker; i < puts; i += threads) {
                Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("k" + (i % 1000)),
                    "v", AttributeValue.fromS(tag + "-" + i), "payload", AttributeValue.fromS(DispatcherPuts.PAYLOAD));
                client.putItem(r -> r.tableName(table).item(item));
              }
              return null;
            }));
          }
          for (Future<?> f : done) {
            f.get();
          }
          if (round >= 0) { // round -1 warms up
            opsPerSecond[t][round] = puts / ((System.nanoTime() - t0) / 1e9);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    double[] medians = new double[tables.length];
    for (int t = 0; t < tables.length; t++) {
      medians[t] = Stats.median(opsPerSecond[t]);
    }
    return medians;
  }
}
