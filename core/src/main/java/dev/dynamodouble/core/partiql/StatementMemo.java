package dev.dynamodouble.core.partiql;

import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.protocol.JsonRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The PartiQL statements of one request, each parsed and planned at most once: auth (the
 * partitions an IAM condition reads), the fault rules (the tables and keys they match) and the
 * operation all ask here, and whoever asks first does the work. A statement that fails to parse or
 * plan fails every asker with the same exception, whichever stage met it first.
 *
 * <p>Entries are remembered by identity (the request's own JSON objects, which never change) and
 * statements by identity (the ones this memo parsed). Belongs to one request on one thread.
 */
public final class StatementMemo {
  /** A parse or a plan: its result, or the exception it threw. */
  private record Outcome<T>(T value, RuntimeException error) {
    static <T> Outcome<T> of(Supplier<T> work) {
      try {
        return new Outcome<>(work.get(), null);
      } catch (RuntimeException e) {
        return new Outcome<>(null, e);
      }
    }

    T get() {
      if (error != null) {
        throw error; // the very exception the first asker met
      }
      return value;
    }
  }

  private final Planner planner;
  private final Map<JsonObject, Outcome<Statement>> parsed = new IdentityHashMap<>(4);
  private final Map<Statement, Outcome<Plan>> planned = new IdentityHashMap<>(4);

  /** A memo planning against {@code schemas} (a missing table throws as it would for the operation). */
  public StatementMemo(KeySchemas schemas) {
    this.planner = new Planner(schemas);
  }

  /**
   * The statement of an entry ({@code Statement}, {@code Parameters}), its parameters bound.
   *
   * @throws RuntimeException what reading the entry or {@link StatementParser#parse} threw
   */
  public Statement parse(JsonRequest entry) {
    return parsed.computeIfAbsent(entry.node(),
        node -> Outcome.of(() -> StatementParser.parse(entry.string("Statement"), entry.values("Parameters")))).get();
  }

  /**
   * The plan of a statement, as {@link Planner#plan} makes it.
   *
   * @throws RuntimeException what planning it threw (no such table or index, a WHERE it refuses ...)
   */
  public Plan plan(Statement statement) {
    return planned.computeIfAbsent(statement, s -> Outcome.of(() -> planner.plan(s))).get();
  }

  /** A SELECT of a batch or a transaction, planned as a GetItem; null when it is not a single item read. */
  public Plan planGet(Statement.Select select) {
    Plan plan = plan(select);
    return plan.kind() == Plan.Kind.GET ? plan : null;
  }
}
