package dev.dynamodouble.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TestTables;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.value.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine-level mechanics: claims, conflicts, the two passes, hooks, reset. */
class TransactionsTest {
  Engine engine;
  Catalog catalog;
  Table table;
  Transactions transactions;

  @BeforeEach
  void setUp() {
    engine = new Engine(DynamoClock.manual(Instant.parse("2025-01-01T00:00:00Z")), EngineOptions.defaults());
    catalog = engine.region("us-east-1");
    table = TestTables.active("accounts", "us-east-1", Instant.parse("2025-01-01T00:00:00Z"));
    engine.write(() -> catalog.add(table));
    transactions = engine.transactions();
  }

  static StoredItem item(String pk, long balance) {
    return StoredItem.of(Map.of("pk", AttributeValue.string(pk), "balance", AttributeValue.number(balance)));
  }

  ItemKey key(String pk) {
    return ItemKey.of(AttributeValue.string(pk), null);
  }

  @Test
  void aTransactionPublishesEveryActionOrNone() {
    WriteTransaction.Outcome outcome = WriteTransaction.run(transactions, catalog, List.of(
        WriteAction.put(table, key("a"), item("a", 1), null, false),
        WriteAction.put(table, key("b"), item("b", 2), null, false)));
    assertThat(outcome.before()).containsExactly(null, null);
    assertThat(table.snapshot().itemCount()).isEqualTo(2);

    DynamoException cancelled = catchThrowableOfType(DynamoException.class, () -> WriteTransaction.run(transactions,
        catalog, List.of(WriteAction.delete(table, key("a"), null, false),
            WriteAction.invalidKey(WriteAction.Kind.PUT, table, "bad key"))));
    assertThat(cancelled.code()).isEqualTo(ErrorCode.TRANSACTION_CANCELED);
    assertThat(cancelled.getMessage()).endsWith("[None, ValidationError]");
    assertThat(table.snapshot().get(key("a"))).isNotNull();
    assertThat(transactions.inFlightItems()).isZero();
  }

  @Test
  void itemsAreInFlightOnlyBetweenPrepareAndCommit() {
    List<Integer> seen = new ArrayList<>();
    try (AutoCloseable hook = transactions.whileInFlight(t -> {
      seen.add(t.items().size());
      assertThat(engine.holdsWriteLock()).isFalse();
      assertThat(transactions.inFlightItems()).isEqualTo(1);
      // A single-item write of the item now conflicts; another item is free.
      DynamoException conflict = catchThrowableOfType(DynamoException.class,
          () -> engine.write(() -> transactions.checkNotInFlight(new ItemRef(table, key("a")))));
      assertThat(conflict.code()).isEqualTo(ErrorCode.TRANSACTION_CONFLICT);
      engine.write(() -> transactions.checkNotInFlight(new ItemRef(table, key("b"))));
      // Another transaction on the item is cancelled with a TransactionConflict reason.
      DynamoException other = catchThrowableOfType(DynamoException.class, () -> WriteTransaction.run(transactions,
          catalog, List.of(WriteAction.put(table, key("b"), item("b", 0), null, false),
              WriteAction.delete(table, key("a"), null, false))));
      assertThat(other.getMessage()).endsWith("[None, TransactionConflict]");
      DynamoException read = catchThrowableOfType(DynamoException.class, () -> ReadTransaction.read(transactions,
          catalog, List.of(ReadTransaction.Target.of(table, key("a")))));
      assertThat(read.getMessage()).endsWith("[TransactionConflict]");
    })) {
      WriteTransaction.run(transactions, catalog, List.of(WriteAction.put(table, key("a"), item("a", 1), null, false)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(seen).containsExactly(1);
    assertThat(transactions.inFlightItems()).isZero();
    assertThat(table.snapshot().get(key("b"))).isNull();
  }

  @Test
  void aHookThatFailsStillReleasesTheItems() {
    try (AutoCloseable hook = transactions.whileInFlight(t -> {
      throw new IllegalStateException("boom");
    })) {
      assertThatThrownBy(() -> WriteTransaction.run(transactions, catalog,
          List.of(WriteAction.put(table, key("a"), item("a", 1), null, false))))
          .hasMessage("boom");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(transactions.inFlightItems()).isZero();
    assertThat(table.snapshot().get(key("a"))).isNull();
  }

  @Test
  void checksRequireTheWriteLock() {
    assertThatThrownBy(() -> transactions.checkNotInFlight(new ItemRef(table, key("a"))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aDeletedTableIsNotFoundAtCommit() {
    engine.write(() -> catalog.remove(table));
    DynamoException e = catchThrowableOfType(DynamoException.class, () -> WriteTransaction.run(transactions, catalog,
        List.of(WriteAction.put(table, key("a"), item("a", 1), null, false))));
    assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
    assertThat(transactions.inFlightItems()).isZero();
  }

  @Test
  void anEngineRestoreForgetsTheTokens() throws Exception {
    EngineSnapshot snapshot = engine.snapshot();
    transactions.tokens().complete(transactions.tokens().start("us-east-1", "t",
        RequestFingerprint.of(dev.dynamodouble.core.protocol.Json.parse("{}"), "x"),
        engine.clock().now()), "o", engine.clock().now());
    assertThat(transactions.tokens().size()).isEqualTo(1);
    engine.restore(snapshot);
    assertThat(transactions.tokens().size()).isZero();
  }
}
