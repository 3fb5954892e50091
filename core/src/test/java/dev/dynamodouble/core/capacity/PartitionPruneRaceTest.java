package dev.dynamodouble.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request looks its partition's meters up when it is admitted and charges them once it is done;
 * a prune in between forgets partitions that are full again, that one too. The charge must still
 * count on the key's partition, or a hot key gets more than its 1,000 write units a second. (A
 * user cannot time a prune: it runs when a table has seen over 10,000 keys; hence this unit test.)
 */
class PartitionPruneRaceTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/t";
  private static final long NOW = 0; // a clock that does not move: nothing refills, a unit charged stays charged
  private static final int PRUNED_ABOVE = 10_000; // how many partitions a table keeps before it prunes

  @Test
  void aChargeOnMetersPrunedSinceTheyWereLookedUpCountsOnTheKeysPartition() {
    PartitionMeters partitions = new PartitionMeters(ARN, false);
    AttributeValue hot = AttributeValue.string("hot");
    ResourceMeters admitted = partitions.of(hot, NOW); // a write admitted: its partition is full
    List<AttributeValue> cold = keys("cold-", PRUNED_ABOVE + 1);
    cold.forEach(key -> partitions.of(key, NOW)); // the last one's lookup prunes every full partition

    partitions.charge(admitted, hot, 0, 1, NOW);

    assertThat(partitions.of(hot, NOW).write.remaining(NOW)).isEqualTo(999.0);
  }

  @Test
  void chargesRacingAPruneAreNeverLost() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        PartitionMeters partitions = new PartitionMeters(ARN, false);
        List<AttributeValue> hot = keys("hot-", 4_000);
        List<ResourceMeters> admitted = new ArrayList<>();
        hot.forEach(key -> admitted.add(partitions.of(key, NOW)));
        keys("cold-", PRUNED_ABOVE + 1 - hot.size()).forEach(key -> partitions.of(key, NOW));
        CyclicBarrier start = new CyclicBarrier(2);
        Future<?> charges = threads.submit(() -> {
          start.await();
          for (int i = 0; i < hot.size(); i++) {
            partitions.charge(admitted.get(i), hot.get(i), 0, 1, NOW);
          }
          return null;
        });
        Future<?> prune = threads.submit(() -> {
          start.await();
          return partitions.of(AttributeValue.string("new"), NOW); // over the threshold: prunes first
        });
        charges.get(30, TimeUnit.SECONDS);
        prune.get(30, TimeUnit.SECONDS);

        long lost = hot.stream().filter(key -> partitions.of(key, NOW).write.remaining(NOW) != 999.0).count();
        assertThat(lost).as("hot keys whose charge was lost in round %d", round).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static List<AttributeValue> keys(String prefix, int count) {
    List<AttributeValue> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(AttributeValue.string(prefix + i));
    }
    return keys;
  }
}
