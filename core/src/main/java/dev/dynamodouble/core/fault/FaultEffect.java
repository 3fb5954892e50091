package dev.dynamodouble.core.fault;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule does to a call it fires on. Errors and cancellations answer instead of the
 * operation; transport effects let the operation run and then spoil or delay its response (as a
 * network would: a write may have happened although its response was lost); batch, read and lag
 * effects change how the operation runs. Replication and stream effects are consulted by those
 * services, not by requests (see {@link Faults#replicationFault} and {@link Faults#streamFault}).
 */
public sealed interface FaultEffect {
  /** A short description, for listings and messages. */
  String describe();

  /** An error answered instead of the operation. */
  record Error(FaultError error, String message) implements FaultEffect {
    public Error {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public String describe() {
      return "error " + error.name() + (message == null ? "" : " \"" + message + "\"");
    }
  }

  /** TransactionCanceledException with these reason codes, one per action (e.g. None, ConditionalCheckFailed). */
  record Cancel(List<String> reasons) implements FaultEffect {
    public Cancel {
      reasons = List.copyOf(reasons);
    }

    @Override
    public String describe() {
      return "transaction cancelled " + reasons;
    }
  }

  /** The response held back for {@code delay} on the transport's timer (a real delay). */
  record Latency(Duration delay) implements FaultEffect {
    @Override
    public String describe() {
      return "latency " + delay.toMillis() + " ms";
    }
  }

  /** What goes wrong on the wire after the operation ran. */
  enum Wire {
    /** The connection is reset instead of answered. */
    CONNECTION_RESET,
    /** No response ever comes; the connection stays open. */
    NO_RESPONSE,
    /** The response's head promises more body than is sent, then the connection closes. */
    TRUNCATED_BODY,
    /** The x-amz-crc32 header does not match the body. */
    BAD_CRC32
  }

  /** A transport failure after the operation ran. */
  record Transport(Wire wire) implements FaultEffect {
    @Override
    public String describe() {
      return wire.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * Items of a BatchWriteItem / BatchGetItem left unprocessed: those whose partition key (its
   * value as text) is in {@code keys}, and a {@code share} (0 to 1) of the others, spread evenly.
   */
  record Unprocessed(Set<String> keys, double share) implements FaultEffect {
    public Unprocessed {
      keys = Set.copyOf(keys);
    }

    @Override
    public String describe() {
      return "unprocessed " + (keys.isEmpty() ? "" : "keys " + keys + " ") + (share > 0 ? "share " + share : "");
    }
  }

  /** Eventually consistent reads see the table as it was up to {@code lag} ago. */
  record StaleRead(Duration lag) implements FaultEffect {
    @Override
    public String describe() {
      return "stale read " + lag.toMillis() + " ms";
    }
  }

  /** Global secondary index reads see the index as it was {@code lag} ago. */
  record IndexLag(Duration lag) implements FaultEffect {
    @Override
    public String describe() {
      return "index lag " + lag.toMillis() + " ms";
    }
  }

  /** Replication to a region delayed by {@code lag}, or paused (global tables). */
  record Replication(Duration lag, boolean paused) implements FaultEffect {
    @Override
    public String describe() {
      return paused ? "replication paused" : "replication lag " + lag.toMillis() + " ms";
    }
  }

  /** Stream records delivered late, or trigger invocations failing with {@code failure}. */
  record Stream(Duration delay, String failure) implements FaultEffect {
    @Override
    public String describe() {
      return failure != null ? "trigger fails \"" + failure + "\"" : "stream delay " + delay.toMillis() + " ms";
    }
  }
}
