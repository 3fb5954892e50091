package dev.dynamodouble.core.export;

import dev.dynamodouble.core.error.DynamoException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The exports (or imports) of an engine by ARN, in the order they were asked for. Entries are
 * immutable and replaced on completion, so a snapshot is a copy of the map (O(entries)).
 */
final class TransferLog<T extends Transfer> {
  /** How long a ClientToken names its export or import. */
  static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

  private Map<String, T> byArn = new LinkedHashMap<>();
  private long sequence;
  /** Counts every change, so a data directory looks at the entries only when one changed. */
  private volatile long changes;

  long changes() {
    return changes;
  }

  /** Every entry, in the order they were asked for. */
  synchronized List<T> all() {
    return List.copyOf(byArn.values());
  }

  synchronized T get(String arn) {
    return byArn.get(arn);
  }

  synchronized void put(T transfer) {
    changes++;
    byArn.put(transfer.arn(), transfer);
  }

  /** Replaces {@code expected} by {@code next} when it is still there (a reset may have dropped it). */
  synchronized boolean replace(T expected, T next) {
    if (byArn.get(expected.arn()) != expected) {
      return false;
    }
    changes++;
    byArn.put(next.arn(), next);
    return true;
  }

  /** The entry the same ClientToken started in the last 8 hours, or null. */
  synchronized T withToken(String token, Instant now) {
    if (token == null) {
      return null;
    }
    for (T transfer : byArn.values()) {
      if (token.equals(transfer.clientToken()) && !transfer.startTime().plus(TOKEN_LIFETIME).isBefore(now)) {
        return transfer;
      }
    }
    return null;
  }

  synchronized int inProgress(String region) {
    int n = 0;
    for (T transfer : byArn.values()) {
      if (transfer.region().equals(region) && Transfer.IN_PROGRESS.equals(transfer.status())) {
        n++;
      }
    }
    return n;
  }

  /**
   * A page of the region's entries (of one table when {@code tableArn} is given) after {@code after}
   * (an earlier page's last ARN): at most {@code limit}, plus one more when there is a next page.
   */
  synchronized List<T> page(String region, String tableArn, String after, int limit) {
    if (after != null && !byArn.containsKey(after)) {
      throw DynamoException.validation("Invalid NextToken");
    }
    List<T> page = new ArrayList<>();
    boolean started = after == null;
    for (T transfer : byArn.values()) {
      if (!started) {
        started = transfer.arn().equals(after);
        continue;
      }
      if (transfer.region().equals(region) && (tableArn == null || transfer.tableArn().equals(tableArn))) {
        page.add(transfer);
        if (page.size() > limit) {
          break;
        }
      }
    }
    return page;
  }

  /** {@code <tableArn>/<kind>/01234567890123-a1b2c3d4}: the clock's milliseconds and 8 hex digits, stable across runs. */
  synchronized String newArn(String tableArn, String kind, Instant now) {
    long n = ++sequence;
    String hash = UUID.nameUUIDFromBytes((tableArn + "/" + kind + "/" + now + "/" + n).getBytes(StandardCharsets.UTF_8))
        .toString().substring(0, 8);
    return tableArn + "/" + kind + "/" + String.format("%014d", now.toEpochMilli()) + "-" + hash;
  }

  /** Puts back an entry a data directory kept; ARNs made later stay distinct from it. */
  synchronized void recovered(T transfer) {
    sequence++;
    put(transfer);
  }

  synchronized Object capture() {
    return new LinkedHashMap<>(byArn);
  }

  @SuppressWarnings("unchecked")
  synchronized void restore(Object state) {
    changes++;
    byArn = new LinkedHashMap<>((Map<String, T>) state);
  }
}
