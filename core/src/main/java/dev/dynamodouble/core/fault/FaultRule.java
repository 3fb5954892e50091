package dev.dynamodouble.core.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One fault rule: which calls it matches and what it does to them. Immutable; build one with
 * {@link #on(String...)} or {@link #builder()} and add it with {@link Faults#add}.
 *
 * <p>A call matches when it is one of the {@code operations} (any, when none is given), names the
 * {@code table} (any of a batch's or transaction's tables), the {@code index}, comes from the
 * {@code region}, carries an item whose partition key is {@code key} (or matches
 * {@code keyPattern}), and arrives while the engine clock is in [{@code from}, {@code until}).
 * Among matching calls, counted from 1, the rule fires on the {@code nth} only, or on every
 * {@code every}-th, at most {@code times} times, each with {@code probability} decided by a
 * pseudo-random function of {@code seed} and the call's count: the same seed and the same calls
 * give the same faults.
 */
public final class FaultRule {
  private final String name;
  private final Set<String> operations;
  private final String table;
  private final String index;
  private final String region;
  private final String key;
  private final Pattern keyPattern;
  private final long nth;
  private final long times;
  private final long every;
  private final Instant from;
  private final Instant until;
  private final double probability;
  private final long seed;
  private final FaultEffect effect;
  private final String source;
  private final boolean lenient;

  private FaultRule(Builder b) {
    this.name = b.name;
    this.operations = Set.copyOf(b.operations);
    this.table = b.table;
    this.index = b.index;
    this.region = b.region;
    this.key = b.key;
    this.keyPattern = b.keyPattern;
    this.nth = b.nth;
    this.times = b.times;
    this.every = b.every;
    this.from = b.from;
    this.until = b.until;
    this.probability = b.probability;
    this.seed = b.seed;
    this.effect = b.effect;
    this.source = b.source;
    this.lenient = b.lenient;
  }

  /** A rule for these operations (none: every operation). */
  public static Builder on(String... operations) {
    return builder().operations(operations);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The rule's name, or null (then {@link Faults} names it). */
  public String name() {
    return name;
  }

  public Set<String> operations() {
    return operations;
  }

  public String table() {
    return table;
  }

  public String index() {
    return index;
  }

  public String region() {
    return region;
  }

  public String key() {
    return key;
  }

  public Pattern keyPattern() {
    return keyPattern;
  }

  /** Fires only on this matching call (1-based); 0: not limited. */
  public long nth() {
    return nth;
  }

  /** Fires at most this many times; 0: no limit. */
  public long times() {
    return times;
  }

  /** Fires on every this-th matching call; 0 or 1: every call. */
  public long every() {
    return every;
  }

  public Instant from() {
    return from;
  }

  public Instant until() {
    return until;
  }

  public double probability() {
    return probability;
  }

  public long seed() {
    return seed;
  }

  public FaultEffect effect() {
    return effect;
  }

  /** Where the rule came from (the Java API, an annotation, a file and line), for messages. */
  public String source() {
    return source;
  }

  /** Whether a strict check lets this rule pass without firing (like Mockito's lenient stubs). */
  public boolean lenient() {
    return lenient;
  }

  /** A copy with another name. */
  FaultRule named(String newName) {
    return toBuilder().name(newName).build();
  }

  /** A builder holding this rule's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.operations.addAll(operations);
    b.table = table;
    b.index = index;
    b.region = region;
    b.key = key;
    b.keyPattern = keyPattern;
    b.nth = nth;
    b.times = times;
    b.every = every;
    b.from = from;
    b.until = until;
    b.probability = probability;
    b.seed = seed;
    b.effect = effect;
    b.source = source;
    b.lenient = lenient;
    return b;
  }

  /** "PutItem on orders, first 2 calls: error ProvisionedThroughputExceededException". */
  public String describe() {
    List<String> match = new ArrayList<>();
    match.add(operations.isEmpty() ? "any operation" : String.join("|", new TreeSet<>(operations)));
    if (table != null) {
      match.add("table " + table);
    }
    if (index != null) {
      match.add("index " + index);
    }
    if (region != null) {
      match.add("region " + region);
    }
    if (key != null) {
      match.add("key " + key);
    }
    if (keyPattern != null) {
      match.add("key ~ " + keyPattern.pattern());
    }
    if (nth > 0) {
      match.add("call #" + nth);
    }
    if (every > 1) {
      match.add("every " + every + "th call");
    }
    if (times > 0) {
      match.add("at most " + times + " times");
    }
    if (from != null || until != null) {
      match.add("from " + (from == null ? "-" : from) + " until " + (until == null ? "-" : until));
    }
    if (probability < 1) {
      match.add("probability " + probability + " seed " + seed);
    }
    return String.join(", ", match) + ": " + (effect == null ? "no effect" : effect.describe());
  }

  @Override
  public String toString() {
    return (name == null ? "" : name + " = ") + describe();
  }

  /** Settings of a {@link FaultRule}; {@link #build()} checks they can work together. */
  public static final class Builder {
    private String name;
    private final Set<String> operations = new LinkedHashSet<>();
    private String table;
    private String index;
    private String region;
    private String key;
    private Pattern keyPattern;
    private long nth;
    private long times;
    private long every;
    private Instant from;
    private Instant until;
    private double probability = 1;
    private long seed;
    private FaultEffect effect;
    private String source = "the Java API";
    private boolean lenient;

    private Builder() {}

    /** Lets {@link Faults#verify()} and the JUnit extension's strict check pass when this rule never fired. */
    public Builder lenient(boolean isLenient) {
      this.lenient = isLenient;
      return this;
    }

    /** A name to find, list and remove the rule by; unique among an engine's rules. */
    public Builder name(String ruleName) {
      this.name = ruleName;
      return this;
    }

    public Builder operations(String... names) {
      for (String operation : names) {
        if (!Operations.ALL.contains(operation)) {
          throw new InvalidFaultException("operation", "unknown operation \"" + operation + "\"; known: "
              + String.join(", ", new TreeSet<>(Operations.ALL)));
        }
        operations.add(operation);
      }
      return this;
    }

    public Builder table(String tableName) {
      this.table = tableName;
      return this;
    }

    public Builder index(String indexName) {
      this.index = indexName;
      return this;
    }

    public Builder region(String regionName) {
      this.region = regionName;
      return this;
    }

    /** Matches calls carrying an item whose partition key, as text (a string, number or base64), is this. */
    public Builder key(String partitionKey) {
      this.key = partitionKey;
      return this;
    }

    /** Matches calls carrying an item whose partition key, as text, matches this regular expression. */
    public Builder keyPattern(String regex) {
      try {
        this.keyPattern = regex == null ? null : Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new InvalidFaultException("keyPattern", "not a regular expression: " + e.getDescription());
      }
      return this;
    }

    public Builder nth(long n) {
      this.nth = n;
      return this;
    }

    public Builder times(long n) {
      this.times = n;
      return this;
    }

    public Builder every(long k) {
      this.every = k;
      return this;
    }

    public Builder from(Instant start) {
      this.from = start;
      return this;
    }

    public Builder until(Instant end) {
      this.until = end;
      return this;
    }

    public Builder probability(double p, long randomSeed) {
      this.probability = p;
      this.seed = randomSeed;
      return this;
    }

    /** The seed of {@link #probability}, on its own (a scenario file's {@code seed} field). */
    public Builder seed(long randomSeed) {
      this.seed = randomSeed;
      return this;
    }

    long toSeed() {
      return seed;
    }

    /** Where the rule was declared, for messages. */
    public Builder source(String where) {
      this.source = where;
      return this;
    }

    public Builder effect(FaultEffect what) {
      this.effect = what;
      return this;
    }

    /** Answers with that DynamoDB error (see {@link FaultError#names()}) and its usual message. */
    public Builder error(String errorName) {
      return error(errorName, null);
    }

    public Builder error(String errorName, String message) {
      FaultError error;
      try {
        error = FaultError.named(errorName);
      } catch (IllegalArgumentException e) {
        throw new InvalidFaultException("error", e.getMessage());
      }
      return effect(new FaultEffect.Error(error, message));
    }

    /** Cancels a transaction with these reason codes, one per action. */
    public Builder cancel(String... reasons) {
      return effect(new FaultEffect.Cancel(Arrays.asList(reasons)));
    }

    public Builder latency(Duration delay) {
      return effect(new FaultEffect.Latency(delay));
    }

    public Builder connectionReset() {
      return effect(new FaultEffect.Transport(FaultEffect.Wire.CONNECTION_RESET));
    }

    public Builder noResponse() {
      return effect(new FaultEffect.Transport(FaultEffect.Wire.NO_RESPONSE));
    }

    public Builder truncatedBody() {
      return effect(new FaultEffect.Transport(FaultEffect.Wire.TRUNCATED_BODY));
    }

    public Builder badCrc32() {
      return effect(new FaultEffect.Transport(FaultEffect.Wire.BAD_CRC32));
    }

    /** Leaves the items with these partition keys unprocessed. */
    public Builder unprocessedKeys(String... partitionKeys) {
      return effect(new FaultEffect.Unprocessed(Set.of(partitionKeys), 0));
    }

    /** Leaves this share (0 to 1) of a batch's items unprocessed, spread evenly. */
    public Builder unprocessedShare(double share) {
      return effect(new FaultEffect.Unprocessed(Set.of(), share));
    }

    public Builder staleRead(Duration lag) {
      return effect(new FaultEffect.StaleRead(lag));
    }

    public Builder indexLag(Duration lag) {
      return effect(new FaultEffect.IndexLag(lag));
    }

    public Builder replicationLag(Duration lag) {
      return effect(new FaultEffect.Replication(lag, false));
    }

    public Builder replicationPaused() {
      return effect(new FaultEffect.Replication(Duration.ZERO, true));
    }

    public Builder streamDelay(Duration delay) {
      return effect(new FaultEffect.Stream(delay, null));
    }

    public Builder triggerFailure(String message) {
      return effect(new FaultEffect.Stream(Duration.ZERO, message));
    }

    /** The rule, once its settings are checked. */
    public FaultRule build() {
      RuleCheck.check(this);
      return new FaultRule(this);
    }

    // Read by RuleCheck.
    Set<String> operations() {
      return operations;
    }

    String index() {
      return index;
    }

    String key() {
      return key;
    }

    Pattern keyPattern() {
      return keyPattern;
    }

    long nth() {
      return nth;
    }

    long times() {
      return times;
    }

    long every() {
      return every;
    }

    Instant from() {
      return from;
    }

    Instant until() {
      return until;
    }

    double probability() {
      return probability;
    }

    FaultEffect effect() {
      return effect;
    }
  }
}
