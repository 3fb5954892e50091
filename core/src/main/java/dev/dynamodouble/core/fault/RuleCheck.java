package dev.dynamodouble.core.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.Set;

/** Refuses rules that cannot work: the error names the field. */
final class RuleCheck {
  private static final Set<String> REASONS = Set.of("None", "ConditionalCheckFailed", "ItemCollectionSizeLimitExceeded",
      "TransactionConflict", "ProvisionedThroughputExceeded", "ThrottlingError", "ValidationError");

  private RuleCheck() {}

  static void check(FaultRule.Builder rule) {
    FaultEffect effect = rule.effect();
    if (effect == null) {
      throw new InvalidFaultException("effect", "a rule needs an effect (error, cancel, latency, connectionReset, "
          + "noResponse, truncatedBody, badCrc32, unprocessedKeys, unprocessedShare, staleRead, indexLag, "
          + "replicationLag, replicationPaused, streamDelay, triggerFailure)");
    }
    notNegative("nth", rule.nth());
    notNegative("times", rule.times());
    notNegative("every", rule.every());
    if (rule.nth() > 0 && rule.every() > 1) {
      throw new InvalidFaultException("every", "nth picks one call; it cannot be combined with every");
    }
    if (rule.nth() > 0 && rule.times() > 1) {
      throw new InvalidFaultException("times", "a rule with nth fires once, so times = " + rule.times()
          + " can never be reached");
    }
    if (!(rule.probability() > 0 && rule.probability() <= 1)) {
      throw new InvalidFaultException("probability", "must be more than 0 and at most 1, not " + rule.probability());
    }
    if (rule.from() != null && rule.until() != null && !rule.until().isAfter(rule.from())) {
      throw new InvalidFaultException("until", "the window ends (" + rule.until() + ") before it starts ("
          + rule.from() + ")");
    }
    if (rule.key() != null && rule.keyPattern() != null) {
      throw new InvalidFaultException("keyPattern", "give key or keyPattern, not both");
    }
    if ((rule.key() != null || rule.keyPattern() != null) && rule.operations().equals(Set.of("Scan"))) {
      throw new InvalidFaultException(rule.key() != null ? "key" : "keyPattern",
          "a Scan names no partition key, so this rule could never fire; match its table instead");
    }
    if (rule.index() != null && !rule.operations().isEmpty()
        && !Operations.INDEX_READS.containsAll(rule.operations())) {
      throw new InvalidFaultException("index", "only Query, Scan and ExecuteStatement read an index, not " + rule.operations());
    }
    checkEffect(rule, effect);
  }

  private static void checkEffect(FaultRule.Builder rule, FaultEffect effect) {
    Set<String> operations = rule.operations();
    if (effect instanceof FaultEffect.Cancel cancel) {
      onlyFor(operations, Operations.TRANSACTIONS, "a cancellation");
      if (cancel.reasons().isEmpty()) {
        throw new InvalidFaultException("cancel", "give one reason code per action, e.g. [None, ConditionalCheckFailed]");
      }
      for (String reason : cancel.reasons()) {
        if (!REASONS.contains(reason)) {
          throw new InvalidFaultException("cancel", "unknown reason code \"" + reason + "\"; known: "
              + String.join(", ", new java.util.TreeSet<>(REASONS)));
        }
      }
    } else if (effect instanceof FaultEffect.Unprocessed unprocessed) {
      onlyFor(operations, Operations.BATCH, "leaving items unprocessed");
      if (!(unprocessed.share() >= 0 && unprocessed.share() <= 1)) {
        throw new InvalidFaultException("unprocessedShare", "must be from 0 to 1, not " + unprocessed.share());
      }
      if (unprocessed.keys().isEmpty() && unprocessed.share() == 0) {
        throw new InvalidFaultException("unprocessedKeys", "name the keys to leave unprocessed, or a share above 0");
      }
    } else if (effect instanceof FaultEffect.StaleRead stale) {
      onlyFor(operations, Operations.READS, "a stale read");
      positive("staleRead", stale.lag());
    } else if (effect instanceof FaultEffect.IndexLag lag) {
      onlyFor(operations, Operations.INDEX_READS, "an index lag");
      positive("indexLag", lag.lag());
    } else if (effect instanceof FaultEffect.Latency latency) {
      positive("latency", latency.delay());
    } else if (effect instanceof FaultEffect.Replication replication) {
      String field = replication.paused() ? "replicationPaused" : "replicationLag";
      onlyDeliveries(rule, field, "each change replicated to a region (the rule's region is the destination)");
      if (!replication.paused()) {
        positive(field, replication.lag());
      }
    } else if (effect instanceof FaultEffect.Stream stream) {
      String field = stream.failure() != null ? "triggerFailure" : "streamDelay";
      onlyDeliveries(rule, field, stream.failure() != null ? "each trigger invocation" : "each commit a stream records");
      if (stream.failure() == null) {
        positive(field, stream.delay());
      } else if (stream.failure().isBlank()) {
        throw new InvalidFaultException(field, "give the error message the invocation fails with");
      }
    }
  }

  /** Replication and stream rules match deliveries by table, region and when; not requests. */
  private static void onlyDeliveries(FaultRule.Builder rule, String field, String what) {
    if (!rule.operations().isEmpty()) {
      throw new InvalidFaultException("operation", field + " applies to " + what + ", not to an operation: "
          + "match it by table and region, not " + rule.operations());
    }
    if (rule.index() != null) {
      throw new InvalidFaultException("index", field + " applies to " + what + ", not to an index");
    }
  }

  private static void onlyFor(Set<String> operations, Set<String> allowed, String what) {
    if (operations.isEmpty() || !allowed.containsAll(operations)) {
      List<String> names = new ArrayList<>(new TreeSet<>(allowed));
      String last = names.remove(names.size() - 1);
      throw new InvalidFaultException("operation", what + " applies to " + String.join(", ", names) + " and " + last
          + " only; name them" + (operations.isEmpty() ? "" : ", not " + operations));
    }
  }


  private static void notNegative(String field, long value) {
    if (value < 0) {
      throw new InvalidFaultException(field, "must not be negative, not " + value);
    }
  }

  private static void positive(String field, Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new InvalidFaultException(field, "must be a positive duration, not " + duration);
    }
  }
}
