package dev.dynamodouble.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.value.AttributeValue;
import org.junit.jupiter.api.Test;

/**
 * A capacity reset forgets a table's partitions. A request admitted before it charges after it:
 * its charge counts on the key's partition as it is now, not on the forgotten meters.
 */
class PartitionMetersClearTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/t";
  private static final long NOW = 0; // a clock that does not move: nothing refills

  @Test
  void aChargeOnMetersClearedSinceTheyWereLookedUpCountsOnTheKeysPartition() {
    PartitionMeters partitions = new PartitionMeters(ARN, false);
    AttributeValue hot = AttributeValue.string("hot");
    ResourceMeters admitted = partitions.of(hot, NOW);
    admitted.write.charge(600, NOW); // before the reset: forgotten with it

    partitions.clear();
    partitions.charge(admitted, hot, 0, 300, NOW);

    assertThat(partitions.of(hot, NOW)).isNotSameAs(admitted);
    assertThat(partitions.of(hot, NOW).write.remaining(NOW)).isEqualTo(700.0);
  }

  @Test
  void aPartitionMadeAfterTheClearIsKept() {
    PartitionMeters partitions = new PartitionMeters(ARN, false);
    AttributeValue key = AttributeValue.string("k");
    partitions.of(key, NOW);
    partitions.clear();
    ResourceMeters fresh = partitions.of(key, NOW);
    fresh.read.charge(10, NOW);

    assertThat(partitions.of(key, NOW)).isSameAs(fresh);
    assertThat(fresh.read.retired()).isFalse();
  }
}
