package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Money moves between accounts from many real threads at once, through the SDK: transfers with
 * TransactWriteItems (debit only if the balance covers it, credit, and a transfer record),
 * moves between an account's two pockets with a conditional UpdateItem, and audits with
 * TransactGetItems. Every audit must see the same total; at the end every account must hold
 * exactly what its recorded history says, and every recorded transfer (and no failed one) exists.
 * Conflicts with transactions in flight are retried, as applications do.
 */
class TransactionBankConcurrencyTest {
  static final int ACCOUNTS = 8;
  static final long OPENING = 1000; // per account: 500 checking + 500 savings
  static final int THREADS = 6;
  static final int OPERATIONS = 120; // per thread
  static final int MAX_ATTEMPTS = 1000;

  static DynamoDouble dynamo;
  static DynamoDbClient client;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "bank", "pk", null);
    SdkTestSupport.createTable(client, "transfers", "pk", null);
    for (int i = 0; i < ACCOUNTS; i++) {
      String pk = account(i);
      client.putItem(r -> r.tableName("bank").item(item("pk", pk, "checking", n("500"), "savings", n("500"),
          "moves", n("0"), "transfersIn", n("0"), "transfersOut", n("0"))));
    }
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static String account(int i) {
    return "acct-" + i;
  }

  record Transfer(String id, int from, int to, long amount) {}

  /** What one thread did and saw. */
  static final class Journal {
    final List<Transfer> committed = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    final long[] moves = new long[ACCOUNTS];
    final List<String> violations = new ArrayList<>();
    long audits;
    long insufficient;
    long conflicts;
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void totalsNeverChangeAndNoUpdateIsLost() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Journal>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        go.await();
        return run(thread);
      }));
    }
    long started = System.nanoTime();
    go.countDown();
    List<Journal> journals = new ArrayList<>();
    for (Future<Journal> f : futures) {
      journals.add(f.get(4, TimeUnit.MINUTES));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();

    long transfers = 0;
    long refused = 0;
    long audits = 0;
    long moves = 0;
    long insufficient = 0;
    long conflicts = 0;
    List<String> violations = new ArrayList<>();
    long[] expected = new long[ACCOUNTS];
    long[] in = new long[ACCOUNTS];
    long[] out = new long[ACCOUNTS];
    long[] moved = new long[ACCOUNTS];
    java.util.Arrays.fill(expected, OPENING);
    for (Journal j : journals) {
      violations.addAll(j.violations);
      transfers += j.committed.size();
      refused += j.refused.size();
      audits += j.audits;
      insufficient += j.insufficient;
      conflicts += j.conflicts;
      for (Transfer transfer : j.committed) {
        expected[transfer.from()] -= transfer.amount();
        expected[transfer.to()] += transfer.amount();
        out[transfer.from()]++;
        in[transfer.to()]++;
      }
      for (int a = 0; a < ACCOUNTS; a++) {
        moved[a] += j.moves[a];
        moves += j.moves[a];
      }
    }
    System.out.printf("bank: %d threads, %.2f s: %d transfers committed, %d refused (insufficient funds: %d), "
            + "%d pocket moves, %d audits, %d conflicts retried; %.0f transactions/s (writes + audits)%n",
        THREADS, seconds, transfers, refused, insufficient, moves, audits, conflicts, (transfers + audits) / seconds);

    assertThat(violations).isEmpty();
    List<Map<String, AttributeValue>> finalState = audit();
    long total = 0;
    for (int a = 0; a < ACCOUNTS; a++) {
      Map<String, AttributeValue> acct = finalState.get(a);
      long checking = Long.parseLong(acct.get("checking").n());
      long savings = Long.parseLong(acct.get("savings").n());
      total += checking + savings;
      assertThat(checking + savings).as("balance of %s", account(a)).isEqualTo(expected[a]);
      assertThat(checking).as("checking of %s", account(a)).isNotNegative();
      assertThat(savings).as("savings of %s", account(a)).isNotNegative();
      assertThat(acct.get("transfersIn").n()).as("transfers into %s", account(a)).isEqualTo(Long.toString(in[a]));
      assertThat(acct.get("transfersOut").n()).as("transfers out of %s", account(a)).isEqualTo(Long.toString(out[a]));
      assertThat(acct.get("moves").n()).as("moves of %s", account(a)).isEqualTo(Long.toString(moved[a]));
    }
    assertThat(total).isEqualTo(ACCOUNTS * OPENING);
    for (Journal j : journals) {
      for (Transfer transfer : j.committed) {
        assertThat(client.getItem(r -> r.tableName("transfers").key(item("pk", transfer.id()))).item())
            .as("record of %s", transfer.id()).containsEntry("amount", n(Long.toString(transfer.amount())));
      }
      for (String id : j.refused) {
        assertThat(client.getItem(r -> r.tableName("transfers").key(item("pk", id))).hasItem())
            .as("record of refused %s", id).isFalse();
      }
    }
    assertThat(dynamo.engine().transactions().inFlightItems()).isZero();
  }

  private static Journal run(int thread) {
    Journal journal = new Journal();
    Random random = new Random(7919L * (thread + 1));
    for (int i = 0; i < OPERATIONS; i++) {
      int choice = random.nextInt(4);
      if (choice < 2) {
        int from = random.nextInt(ACCOUNTS);
        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        long amount = 1 + random.nextInt(300);
        transfer(journal, new Transfer("t-" + thread + "-" + i, from, to, amount));
      } else if (choice == 2) {
        move(journal, random.nextInt(ACCOUNTS), 1 + random.nextInt(200), random.nextBoolean());
      } else {
        check(journal, audit(journal));
      }
    }
    return journal;
  }

  private static void transfer(Journal journal, Transfer transfer) {
    Map<String, AttributeValue> amount = Map.of(":amt", n(Long.toString(transfer.amount())), ":one", n("1"));
    List<TransactWriteItem> actions = List.of(
        TransactWriteItem.builder().update(Update.builder().tableName("bank").key(item("pk", account(transfer.from())))
            .updateExpression("SET checking = checking - :amt ADD transfersOut :one")
            .conditionExpression("checking >= :amt").expressionAttributeValues(amount).build()).build(),
        TransactWriteItem.builder().update(Update.builder().tableName("bank").key(item("pk", account(transfer.to())))
            .updateExpression("SET checking = checking + :amt ADD transfersIn :one")
            .expressionAttributeValues(amount).build()).build(),
        TransactWriteItem.builder().put(Put.builder().tableName("transfers")
            .item(item("pk", transfer.id(), "from", account(transfer.from()), "to", account(transfer.to()),
                "amount", n(Long.toString(transfer.amount()))))
            .conditionExpression("attribute_not_exists(pk)").build()).build());
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        client.transactWriteItems(r -> r.transactItems(actions));
        journal.committed.add(transfer);
        return;
      } catch (TransactionCanceledException e) {
        List<String> codes = e.cancellationReasons().stream().map(CancellationReason::code).toList();
        if (codes.contains("TransactionConflict")) {
          journal.conflicts++;
          continue;
        }
        if (!codes.equals(List.of("ConditionalCheckFailed", "None", "None"))) {
          journal.violations.add("transfer " + transfer + " cancelled for " + codes);
        }
        journal.insufficient++;
        journal.refused.add(transfer.id());
        return;
      }
    }
    journal.violations.add("transfer " + transfer + " still conflicting after " + MAX_ATTEMPTS + " attempts");
  }

  private static void move(Journal journal, int account, long amount, boolean toSavings) {
    String from = toSavings ? "checking" : "savings";
    String to = toSavings ? "savings" : "checking";
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        client.updateItem(r -> r.tableName("bank").key(item("pk", account(account)))
            .updateExpression("SET #from = #from - :amt, #to = #to + :amt ADD moves :one")
            .conditionExpression("#from >= :amt")
            .expressionAttributeNames(Map.of("#from", from, "#to", to))
            .expressionAttributeValues(Map.of(":amt", n(Long.toString(amount)), ":one", n("1"))));
        journal.moves[account]++;
        return;
      } catch (ConditionalCheckFailedException e) {
        journal.insufficient++;
        return;
      } catch (TransactionConflictException e) {
        journal.conflicts++;
      }
    }
    journal.violations.add("move on " + account(account) + " still conflicting after " + MAX_ATTEMPTS + " attempts");
  }

  /** Reads every account in one TransactGetItems, retrying while a transfer is in flight. */
  private static List<Map<String, AttributeValue>> audit(Journal journal) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        List<Map<String, AttributeValue>> accounts = audit();
        journal.audits++;
        return accounts;
      } catch (TransactionCanceledException e) {
        journal.conflicts++;
      }
    }
    journal.violations.add("audit still conflicting after " + MAX_ATTEMPTS + " attempts");
    return null;
  }

  private static List<Map<String, AttributeValue>> audit() {
    List<TransactGetItem> gets = new ArrayList<>();
    for (int a = 0; a < ACCOUNTS; a++) {
      String pk = account(a);
      gets.add(TransactGetItem.builder().get(g -> g.tableName("bank").key(item("pk", pk))
          .projectionExpression("checking, savings, moves, transfersIn, transfersOut")).build());
    }
    List<Map<String, AttributeValue>> accounts = new ArrayList<>();
    for (ItemResponse response : client.transactGetItems(r -> r.transactItems(gets)).responses()) {
      accounts.add(response.item());
    }
    return Collections.unmodifiableList(accounts);
  }

  private static void check(Journal journal, List<Map<String, AttributeValue>> accounts) {
    if (accounts == null) {
      return;
    }
    long total = 0;
    for (Map<String, AttributeValue> acct : accounts) {
      long checking = Long.parseLong(acct.get("checking").n());
      long savings = Long.parseLong(acct.get("savings").n());
      if (checking < 0 || savings < 0) {
        journal.violations.add("negative pocket seen: " + acct);
      }
      total += checking + savings;
    }
    if (total != ACCOUNTS * OPENING) {
      journal.violations.add("audit saw a total of " + total);
    }
  }

}
