package dev.dynamodouble.core.fault;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A rule added to an engine: its counts (calls it matched, times it fired) and the way to remove it.
 * Closing the handle removes the rule, so {@code try (FaultHandle h = faults.add(...))} scopes it.
 */
public final class FaultHandle implements AutoCloseable {
  private final Faults owner;
  private final FaultRule rule;
  private long matched;
  private long hits;

  FaultHandle(Faults owner, FaultRule rule) {
    this.owner = owner;
    this.rule = rule;
  }

  public FaultRule rule() {
    return rule;
  }

  public String name() {
    return rule.name();
  }

  /** How many times the rule fired (did its effect). */
  public synchronized long hits() {
    return hits;
  }

  /** How many calls matched its operation, table, key, region and window (fired or not). */
  public synchronized long matched() {
    return matched;
  }

  /** Whether the rule is still active in its engine (not removed, not reset away). */
  public boolean isActive() {
    return owner.isActive(this);
  }

  /** Removes the rule; its counts stay readable. */
  public void remove() {
    owner.remove(this);
  }

  @Override
  public void close() {
    remove();
  }

  /**
   * Counts a call the matchers accept and decides whether the rule fires on it.
   *
   * @param blocked the call is already answered by an earlier rule's error: count it, do not fire
   */
  synchronized boolean fires(Target target, Instant now, boolean blocked) {
    if (!matches(target, now)) {
      return false;
    }
    long n = ++matched;
    if (blocked || (rule.times() > 0 && hits >= rule.times())) {
      return false;
    }
    if (rule.nth() > 0 && n != rule.nth()) {
      return false;
    }
    if (rule.every() > 1 && n % rule.every() != 0) {
      return false;
    }
    if (rule.probability() < 1 && draw(n) >= rule.probability()) {
      return false;
    }
    hits++;
    return true;
  }

  /** A pseudo-random number in [0, 1) that depends only on the seed and the call's count. */
  private double draw(long n) {
    return new SplittableRandom(rule.seed() ^ (n * 0x9E3779B97F4A7C15L)).nextDouble();
  }

  private boolean matches(Target target, Instant now) {
    if (!rule.operations().isEmpty() && !rule.operations().contains(target.operation())) {
      return false;
    }
    if (rule.region() != null && !rule.region().equals(target.region())) {
      return false;
    }
    if ((rule.from() != null && now.isBefore(rule.from())) || (rule.until() != null && !now.isBefore(rule.until()))) {
      return false;
    }
    if (rule.effect() instanceof FaultEffect.StaleRead && !target.eventuallyConsistent()) {
      return false; // strongly consistent reads are never stale
    }
    if (rule.index() != null && !rule.index().equals(target.index())) {
      return false;
    }
    if (rule.table() != null && !target.tables().contains(rule.table())) {
      return false;
    }
    if (rule.key() != null) {
      return target.partitionKeys().contains(rule.key());
    }
    if (rule.keyPattern() != null) {
      return target.partitionKeys().stream().anyMatch(k -> rule.keyPattern().matcher(k).matches());
    }
    return true;
  }

  synchronized long[] counts() {
    return new long[] {matched, hits};
  }

  synchronized void counts(long[] counts) {
    matched = counts[0];
    hits = counts[1];
  }

  @Override
  public String toString() {
    return name() + " (hits " + hits() + "): " + rule.describe();
  }
}
