package dev.dynamodouble.core.fault;

import dev.dynamodouble.core.consistency.LagNote;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.RequestKeys;
import dev.dynamodouble.core.pipeline.RequestStage;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.transaction.CancellationReason;
import dev.dynamodouble.core.transaction.TransactionErrors;
import dev.dynamodouble.core.value.AttributeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fault rules of one engine, and the pipeline stage that applies them to every request
 * (between auth and capacity). Rules are tried in the order they were added; each counts the
 * calls it matched and the times it fired. The first error (or cancellation) that fires answers
 * the call; the other effects of every rule that fires apply together.
 *
 * <p>The same rules are reached from the Java API ({@code DynamoDouble.faults()}), the JUnit
 * extension ({@code @InjectFault}), scenario files and the control API.
 */
public final class Faults implements RequestStage {
  private final DynamoClock clock;
  private final java.util.function.Consumer<Duration> retainVersions;
  private final Object lock = new Object();
  private volatile FaultHandle[] rules = new FaultHandle[0];
  private long named;
  private final List<Runnable> removalListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param retainVersions told the lag of every stale-read or index-lag rule added, so that tables
   *     keep the versions such reads need from then on
   */
  public Faults(DynamoClock clock, java.util.function.Consumer<Duration> retainVersions) {
    this.clock = clock;
    this.retainVersions = retainVersions;
  }

  /** Adds a rule; an unnamed one is named {@code rule-N}. */
  public FaultHandle add(FaultRule rule) {
    synchronized (lock) {
      FaultRule toAdd = rule;
      if (rule.name() == null) {
        String name;
        do {
          name = "rule-" + (++named);
        } while (find(name) != null);
        toAdd = rule.named(name);
      } else if (find(rule.name()) != null) {
        throw new InvalidFaultException("name", "a rule named \"" + rule.name() + "\" is already active");
      }
      FaultEffect effect = toAdd.effect();
      if (effect instanceof FaultEffect.StaleRead stale) {
        retainVersions.accept(stale.lag());
      } else if (effect instanceof FaultEffect.IndexLag lag) {
        retainVersions.accept(lag.lag());
      }
      FaultHandle handle = new FaultHandle(this, toAdd);
      FaultHandle[] next = java.util.Arrays.copyOf(rules, rules.length + 1);
      next[rules.length] = handle;
      rules = next;
      return handle;
    }
  }

  /** Builds and adds a rule. */
  public FaultHandle add(FaultRule.Builder rule) {
    return add(rule.build());
  }

  /** Adds several rules, all or none (a duplicate name adds none). */
  public List<FaultHandle> addAll(List<FaultRule> toAdd) {
    synchronized (lock) {
      FaultHandle[] before = rules;
      List<FaultHandle> added = new ArrayList<>();
      try {
        for (FaultRule rule : toAdd) {
          added.add(add(rule));
        }
      } catch (RuntimeException e) {
        rules = before;
        throw e;
      }
      return added;
    }
  }

  /** Adds the rules of a scenario file (YAML or JSON), all or none. */
  public List<FaultHandle> load(java.nio.file.Path scenario) {
    return addAll(ScenarioFile.read(scenario));
  }

  /** Adds the rules of a scenario given as text ({@code name} for messages; JSON or YAML), all or none. */
  public List<FaultHandle> load(String name, String scenario) {
    return addAll(ScenarioFile.parse(name, scenario));
  }

  /** The active rules, in the order they are tried. */
  public List<FaultHandle> rules() {
    return List.of(rules);
  }

  /** The active rule of that name. */
  public Optional<FaultHandle> rule(String name) {
    return Optional.ofNullable(find(name));
  }

  /** Removes the rule of that name; false when none is active. */
  public boolean remove(String name) {
    FaultHandle handle = find(name);
    return handle != null && remove(handle);
  }

  boolean remove(FaultHandle handle) {
    boolean removed;
    synchronized (lock) {
      List<FaultHandle> next = new ArrayList<>(List.of(rules));
      removed = next.remove(handle);
      rules = next.toArray(new FaultHandle[0]);
    }
    if (removed) {
      removed();
    }
    return removed;
  }

  /** Removes every rule. */
  public void clear() {
    synchronized (lock) {
      rules = new FaultHandle[0];
    }
    removed();
  }

  /** The active rules that never fired. */
  public List<FaultHandle> unfired() {
    List<FaultHandle> unfired = new ArrayList<>();
    for (FaultHandle rule : rules) {
      if (rule.hits() == 0) {
        unfired.add(rule);
      }
    }
    return unfired;
  }

  /** Fails with {@link UnfiredFaultsError} when an active rule that is not lenient never fired. */
  public void verify() {
    verify(List.of(rules));
  }

  /** Fails with {@link UnfiredFaultsError} when one of {@code handles} (not lenient) never fired. */
  public static void verify(List<FaultHandle> handles) {
    List<FaultHandle> unfired = new ArrayList<>();
    for (FaultHandle rule : handles) {
      if (rule.hits() == 0 && !rule.rule().lenient()) {
        unfired.add(rule);
      }
    }
    if (!unfired.isEmpty()) {
      throw new UnfiredFaultsError(unfired);
    }
  }

  private FaultHandle find(String name) {
    for (FaultHandle rule : rules) {
      if (rule.name().equals(name)) {
        return rule;
      }
    }
    return null;
  }

  /** The rules and their counts now, to put back with {@link #restore} (a test's reset). */
  public Object snapshot() {
    synchronized (lock) {
      List<Object[]> state = new ArrayList<>();
      for (FaultHandle rule : rules) {
        state.add(new Object[] {rule, rule.counts()});
      }
      return new Snapshot(state, named);
    }
  }

  private record Snapshot(List<Object[]> state, long named) {}

  /** Puts back the rules and counts of a {@link #snapshot()}: rules added since are gone. */
  public void restore(Object snapshot) {
    Snapshot s = (Snapshot) snapshot;
    synchronized (lock) {
      List<FaultHandle> handles = new ArrayList<>();
      for (Object[] entry : s.state()) {
        FaultHandle handle = (FaultHandle) entry[0];
        handle.counts((long[]) entry[1]);
        handles.add(handle);
      }
      rules = handles.toArray(new FaultHandle[0]);
      named = s.named();
    }
    removed();
  }

  @Override
  public void before(Call call) {
    FaultHandle[] active = rules;
    if (active.length == 0) {
      return;
    }
    CallFacts facts = new CallFacts(call);
    Instant now = clock.now();
    DynamoException answer = null;
    TransportFault transport = null;
    LagNote lag = null;
    for (FaultHandle rule : active) {
      FaultEffect effect = rule.rule().effect();
      if (effect instanceof FaultEffect.Replication || effect instanceof FaultEffect.Stream) {
        continue; // consulted by those services, not by requests
      }
      boolean answers = effect instanceof FaultEffect.Error || effect instanceof FaultEffect.Cancel;
      if (!rule.fires(facts, now, answers && answer != null)) {
        continue;
      }
      if (effect instanceof FaultEffect.Error error) {
        answer = error.error().exception(error.message());
      } else if (effect instanceof FaultEffect.Cancel cancel) {
        answer = cancellation(call, cancel);
      } else if (effect instanceof FaultEffect.Latency || effect instanceof FaultEffect.Transport) {
        transport = (transport == null ? TransportFault.NONE : transport).plus(effect);
      } else if (effect instanceof FaultEffect.StaleRead stale) {
        lag = new LagNote(stale.lag(), Duration.ZERO).max(lag);
      } else if (effect instanceof FaultEffect.IndexLag index) {
        lag = new LagNote(Duration.ZERO, index.lag()).max(lag);
      } else if (effect instanceof FaultEffect.Unprocessed unprocessed) {
        call.addAdmission(new UnprocessedItems(unprocessed));
      }
    }
    if (transport != null) {
      call.note(TransportFault.class, transport);
    }
    if (lag != null) {
      call.note(LagNote.class, lag);
    }
    if (answer != null) {
      throw answer;
    }
  }

  /** A TransactionCanceledException with the rule's reasons, padded with None to the number of actions. */
  private static DynamoException cancellation(Call call, FaultEffect.Cancel cancel) {
    int actions = cancel.reasons().size();
    try {
      List<?> items = call.request().structures(
          call.operation().equals("ExecuteTransaction") ? "TransactStatements" : "TransactItems");
      actions = items == null ? actions : items.size();
    } catch (RuntimeException e) {
      // malformed: as many reasons as the rule gives
    }
    List<CancellationReason> reasons = new ArrayList<>();
    for (int i = 0; i < actions; i++) {
      reasons.add(reason(i < cancel.reasons().size() ? cancel.reasons().get(i) : "None"));
    }
    return TransactionErrors.cancelled(reasons);
  }

  private static CancellationReason reason(String code) {
    switch (code) {
      case "None":
        return CancellationReason.NONE;
      case CancellationReason.CONDITIONAL_CHECK_FAILED:
        return CancellationReason.conditionalCheckFailed(null);
      case CancellationReason.TRANSACTION_CONFLICT:
        return CancellationReason.transactionConflict();
      case "ProvisionedThroughputExceeded":
        return new CancellationReason(code, FaultError.named("ProvisionedThroughputExceededException").defaultMessage(),
            null);
      case "ThrottlingError":
        return new CancellationReason(code, "Throughput exceeds the current capacity of your table or index. DynamoDB "
            + "is automatically scaling your table or index so please try again shortly. If exceptions persist, check "
            + "if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
            + "bp-partition-key-design.html.", null);
      case "ItemCollectionSizeLimitExceeded":
        return new CancellationReason(code, "Collection size exceeded.", null);
      default:
        return CancellationReason.validationError("One or more parameter values were invalid");
    }
  }

  /**
   * For the global-tables service: the replication rule that fires on one change of {@code table}
   * (an item with that partition key) on its way to {@code destinationRegion} (its effect a
   * {@link FaultEffect.Replication}), or null. Each change and destination counts as one call of
   * the matching rules; a rule's region is the destination's.
   */
  public FaultHandle replicationFault(String table, String destinationRegion, AttributeValue partitionKey) {
    if (rules.length == 0) {
      return null; // asked once per replicated change and destination: skip building its target
    }
    return delivery(new Target.Delivery(destinationRegion, table, List.of(RequestKeys.text(partitionKey))),
        rule -> rule instanceof FaultEffect.Replication);
  }

  /**
   * For streams and triggers: the stream rule of {@code kind} (a delay of a commit's stream
   * records, or a trigger invocation's failure) that fires on one delivery of {@code table}'s
   * records in {@code region} (of items with those partition keys), or null. Each delivery counts
   * as one call of the matching rules.
   */
  public FaultHandle streamFault(String table, String region, List<AttributeValue> partitionKeys, StreamFault kind) {
    if (rules.length == 0) {
      return null; // asked on every commit of a table with a stream: skip building its target
    }
    List<String> keys = new ArrayList<>(partitionKeys.size());
    for (AttributeValue key : partitionKeys) {
      keys.add(RequestKeys.text(key));
    }
    return delivery(new Target.Delivery(region, table, keys),
        effect -> effect instanceof FaultEffect.Stream stream && kind.is(stream));
  }

  /** Which stream rules {@link #streamFault} consults. */
  public enum StreamFault {
    /** {@code streamDelay}: records of a commit become readable late. */
    DELAY,
    /** {@code triggerFailure}: a trigger invocation fails. */
    TRIGGER_FAILURE;

    boolean is(FaultEffect.Stream stream) {
      return (stream.failure() != null) == (this == TRIGGER_FAILURE);
    }
  }

  private FaultHandle delivery(Target target, java.util.function.Predicate<FaultEffect> kind) {
    Instant now = clock.now();
    FaultHandle found = null;
    for (FaultHandle rule : rules) {
      if (kind.test(rule.rule().effect()) && rule.fires(target, now, found != null)) {
        found = rule;
      }
    }
    return found;
  }

  /** Whether the rule is still active (not removed, not reset away). */
  boolean isActive(FaultHandle handle) {
    for (FaultHandle rule : rules) {
      if (rule == handle) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code listener} after rules are removed or put back by a reset (not after an add): a
   * service holding work back for a rule (a paused replication) looks again. Called outside this
   * object's lock.
   */
  public void onRemoval(Runnable listener) {
    removalListeners.add(listener);
  }

  private void removed() {
    for (Runnable listener : removalListeners) {
      listener.run();
    }
  }
}
