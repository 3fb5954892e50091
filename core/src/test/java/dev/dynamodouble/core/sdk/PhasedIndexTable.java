package dev.dynamodouble.core.sdk;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * An engine on a manual clock with a 30 s status delay, for a table that gets an index online: the
 * index allocates its resources for the first half of the delay (CREATING, Backfilling false, the
 * table UPDATING), backfills for the second (Backfilling true, the table ACTIVE again: a table of
 * up to 1,000 items, see BackfillLengthTest), then is ACTIVE. Subclasses make the table and the
 * index, and say how to see the phase.
 */
abstract class PhasedIndexTable implements AutoCloseable {
  static final Duration STATUS_DELAY = Duration.ofSeconds(30);
  /** What DeleteTable answers until every index is ACTIVE, whatever the phase of its change. */
  static final String INDEXES_IN_FLIGHT = "Attempt to change a resource which is still in use: Cannot delete table "
      + "while indexes are being created, updated, or deleted.";

  final ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  final DynamoDouble dynamo = DynamoDouble.builder().clock(clock).statusDelay(STATUS_DELAY).start();
  final DynamoDbClient client = SdkTestSupport.client(dynamo);

  /** Asserts the table's status, and the index's status and Backfilling, as DescribeTable reports them. */
  abstract void assertPhase(TableStatus tableStatus, IndexStatus status, Boolean backfilling);

  /** Moves the clock to the start of the backfill, the table ACTIVE again (call once, after adding the index). */
  void startBackfill() {
    clock.advance(STATUS_DELAY.dividedBy(2));
    assertPhase(TableStatus.ACTIVE, IndexStatus.CREATING, true);
  }

  /** Moves the clock on until the index is ACTIVE (call once, after {@link #startBackfill()}). */
  void activate() {
    clock.advance(STATUS_DELAY.dividedBy(2));
    assertPhase(TableStatus.ACTIVE, IndexStatus.ACTIVE, null);
  }

  @Override
  public void close() {
    client.close();
    dynamo.close();
  }
}
