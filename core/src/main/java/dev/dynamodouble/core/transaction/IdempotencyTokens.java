package dev.dynamodouble.core.transaction;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ClientRequestTokens of TransactWriteItems, by region. A token is remembered from the moment
 * its request starts; once the request succeeds, for {@link #WINDOW} of the engine's clock after
 * it finished. Within the window the same token with the same parameters replays the first
 * outcome, with other parameters it is IdempotentParameterMismatchException, and while the first
 * request is still running it is TransactionInProgressException. A request that fails is
 * forgotten, so its retry runs again (it changed nothing).
 *
 * <p>Bounded: expired tokens are dropped as new ones arrive, and beyond {@link #MAX_TOKENS}
 * tokens the oldest finished ones go first, so a long benchmark cannot grow it without limit.
 */
public final class IdempotencyTokens {
  /** How long a token stays valid after its request finished. */
  public static final Duration WINDOW = Duration.ofMinutes(10);
  /** The most tokens kept at once. */
  public static final int MAX_TOKENS = 100_000;

  private static final class Entry {
    final RequestFingerprint fingerprint;
    Object outcome;
    Instant expires; // null while the request runs

    Entry(RequestFingerprint fingerprint) {
      this.fingerprint = fingerprint;
    }
  }

  /** The answer of {@link #start}: a replay of an earlier outcome, or a ticket to run the request. */
  public static final class Start {
    private final String key;
    private final Entry entry;
    private final Object replay;

    private Start(String key, Entry entry, Object replay) {
      this.key = key;
      this.entry = entry;
      this.replay = replay;
    }

    /** Whether the request already ran within the window; then {@link #replay()} is its outcome. */
    public boolean isReplay() {
      return replay != null;
    }

    public Object replay() {
      return replay;
    }
  }

  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  /**
   * Registers the start of a request with {@code token}, or finds the request that used it.
   *
   * @throws dev.dynamodouble.core.error.DynamoException IdempotentParameterMismatchException or
   *     TransactionInProgressException
   */
  public synchronized Start start(String region, String token, RequestFingerprint fingerprint, Instant now) {
    purge(now);
    String key = region + '\u0000' + token;
    Entry existing = entries.get(key);
    if (existing != null && existing.expires != null && !now.isBefore(existing.expires)) {
      entries.remove(key);
      existing = null;
    }
    if (existing != null) {
      if (!existing.fingerprint.equals(fingerprint)) {
        throw TransactionErrors.idempotentParameterMismatch();
      }
      if (existing.expires == null) {
        throw TransactionErrors.inProgress();
      }
      return new Start(key, existing, existing.outcome);
    }
    Entry entry = new Entry(fingerprint);
    entries.put(key, entry);
    return new Start(key, entry, null);
  }

  /** Records the outcome of a request that succeeded; its token is valid for {@link #WINDOW} from {@code now}. */
  public synchronized void complete(Start start, Object outcome, Instant now) {
    if (start.isReplay()) {
      return;
    }
    start.entry.outcome = outcome;
    start.entry.expires = now.plus(WINDOW);
    // Re-insert so the map stays in the order tokens expire in.
    if (entries.remove(start.key, start.entry)) {
      entries.put(start.key, start.entry);
    }
  }

  /** Forgets the token of a request that failed: a retry runs it again. */
  public synchronized void abandon(Start start) {
    if (!start.isReplay()) {
      entries.remove(start.key, start.entry);
    }
  }

  /** Forgets every token (an engine reset). */
  public synchronized void clear() {
    entries.clear();
  }

  /** The number of tokens held (for tests and inspection). */
  public synchronized int size() {
    return entries.size();
  }

  private void purge(Instant now) {
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Entry entry = it.next().getValue();
      if (entry.expires == null) {
        continue; // still running
      }
      if (now.isBefore(entry.expires)) {
        break; // finished entries are in expiry order: the rest are newer
      }
      it.remove();
    }
    if (entries.size() >= MAX_TOKENS) {
      Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
      while (entries.size() >= MAX_TOKENS && oldest.hasNext()) {
        if (oldest.next().getValue().expires != null) {
          oldest.remove();
        }
      }
    }
  }
}
