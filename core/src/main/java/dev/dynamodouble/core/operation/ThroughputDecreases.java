package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.Throughput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DynamoDB's limit on provisioned throughput decreases: four in a UTC day, then one more each
 * hour without a decrease (27 at most a day). NumberOfDecreasesToday goes back to zero at midnight
 * UTC of the engine clock.
 */
final class ThroughputDecreases {
  static final int FREE_DECREASES = 4;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy h:mm:ss a 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

  private ThroughputDecreases() {}

  static boolean isDecrease(Throughput current, Throughput wanted) {
    return wanted.read() < current.read() || wanted.write() < current.write();
  }

  /** Refuses a decrease beyond the day's allowance with DynamoDB's LimitExceededException. */
  static void check(Throughput current, Throughput wanted, Instant now) {
    if (!isDecrease(current, wanted) || current.decreasesToday() < FREE_DECREASES || current.lastDecrease() == null) {
      return;
    }
    Instant next = current.lastDecrease().plus(Duration.ofHours(1));
    if (!now.isBefore(next)) {
      return;
    }
    throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Provisioned throughput decreases "
        + "are limited within a given UTC day. After the first 4 decreases, each subsequent decrease in the same UTC "
        + "day can be performed at most once every 3600 seconds. Number of decreases today: " + current.decreasesToday()
        + ". Last decrease at " + TIME.format(current.lastDecrease()) + ". Next decrease can be made at "
        + TIME.format(next));
  }

  /**
   * After a decrease, the day's count of the table ({@code indexName} null) or of one of its global
   * secondary indexes goes back to zero at the next midnight UTC of the engine clock.
   */
  static void scheduleMidnightReset(Engine engine, Table table, String indexName, Instant decreasedAt) {
    Instant midnight = LocalDate.ofInstant(decreasedAt, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    engine.clock().schedule(midnight, () -> engine.write(() -> {
      if (indexName == null) {
        table.throughput(resetAt(table.throughput(), midnight));
        return;
      }
      List<IndexDefinition> indexes = new ArrayList<>();
      for (IndexDefinition index : table.globalIndexes()) {
        boolean reset = index.name().equals(indexName) && index.throughput() != null;
        indexes.add(reset ? index.withThroughput(resetAt(index.throughput(), midnight)) : index);
      }
      table.globalIndexes(indexes);
    }));
  }

  /** {@code t} with no decreases today if its last decrease was before {@code midnight}. */
  private static Throughput resetAt(Throughput t, Instant midnight) {
    if (t.lastDecrease() != null && t.lastDecrease().isBefore(midnight) && t.decreasesToday() > 0) {
      return new Throughput(t.read(), t.write(), t.lastIncrease(), t.lastDecrease(), 0);
    }
    return t;
  }
}
