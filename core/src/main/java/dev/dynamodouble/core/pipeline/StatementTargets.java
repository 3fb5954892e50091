package dev.dynamodouble.core.pipeline;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.partiql.KeySchemas;
import dev.dynamodouble.core.partiql.Plan;
import dev.dynamodouble.core.partiql.Planner;
import dev.dynamodouble.core.partiql.RequestJson;
import dev.dynamodouble.core.partiql.Statement;
import dev.dynamodouble.core.partiql.StatementParser;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * What the PartiQL statements of a request (ExecuteStatement, BatchExecuteStatement,
 * ExecuteTransaction) address, for the stages before the operation: each statement's table, index
 * and the partition keys it names, found by planning it as the operation will (WHERE pk = 'x' or
 * = ? with its Parameters, an IN list of partitions, an INSERT's item). Read leniently: a statement
 * that cannot be parsed or planned addresses what could be read of it, and the operation refuses it.
 */
public final class StatementTargets {
  /**
   * One statement's target; {@code partitionKeys} as {@link RequestKeys#text} (empty for a Scan);
   * {@code read} for a SELECT.
   */
  public record Addressed(String table, String index, List<String> partitionKeys, boolean read) {}

  private StatementTargets() {}

  /** Whether the operation carries PartiQL statements. */
  public static boolean isStatementOperation(String operation) {
    return operation.equals("ExecuteStatement") || operation.equals("BatchExecuteStatement")
        || operation.equals("ExecuteTransaction");
  }

  /** The statements of a request of {@code operation}, in order; empty for other operations. */
  public static List<Addressed> of(Catalog catalog, String operation, JsonRequest request) {
    List<JsonRequest> entries = switch (operation) {
      case "ExecuteStatement" -> List.of(request);
      case "BatchExecuteStatement" -> lenientList(request, "Statements");
      case "ExecuteTransaction" -> lenientList(request, "TransactStatements");
      default -> List.of();
    };
    if (entries.isEmpty()) {
      return List.of(); // not a statement operation (fault rules ask this of every call): no planner
    }
    List<Addressed> addressed = new ArrayList<>(entries.size());
    Planner planner = planner(catalog);
    for (JsonRequest entry : entries) {
      Addressed one = entry == null ? null : addressed(catalog, planner, entry);
      if (one != null) {
        addressed.add(one);
      }
    }
    return addressed;
  }

  /** What one statement entry ({@code Statement}, {@code Parameters}) addresses, or null when it cannot be read. */
  public static Addressed of(Catalog catalog, JsonRequest entry) {
    return addressed(catalog, planner(catalog), entry);
  }

  private static Planner planner(Catalog catalog) {
    return new Planner(KeySchemas.of(catalog::itemTable)); // a missing table: no keys; the operation refuses it
  }

  private static List<JsonRequest> lenientList(JsonRequest request, String field) {
    try {
      List<JsonRequest> list = request.structures(field);
      return list == null ? List.of() : list;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static Addressed addressed(Catalog catalog, Planner planner, JsonRequest entry) {
    Statement statement;
    try {
      statement = StatementParser.parse(entry.string("Statement"), entry.values("Parameters"));
    } catch (RuntimeException e) {
      return null; // the operation reports it
    }
    Statement.Target target = statement.target();
    return new Addressed(target.table(), target.index(), partitionKeys(catalog, planner, statement),
        statement instanceof Statement.Select);
  }

  private static List<String> partitionKeys(Catalog catalog, Planner planner, Statement statement) {
    Plan plan;
    try {
      plan = planner.plan(statement);
    } catch (RuntimeException e) {
      return List.of(); // no such table, or a statement the operation refuses
    }
    Table table = catalog.find(plan.tableName());
    if (plan.kind() == Plan.Kind.SCAN || table == null) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    if (plan.kind() == Plan.Kind.QUERY) {
      if (plan.partitions() != null) {
        for (AttributeValue partition : plan.partitions()) {
          keys.add(RequestKeys.text(partition));
        }
      } else {
        keys.addAll(RequestKeys.queryPartition(catalog, RequestJson.request(plan.fields())));
      }
    } else if (plan.key() != null) {
      AttributeValue partition = plan.key().get(table.keySchema().partition().name());
      if (partition != null) {
        keys.add(RequestKeys.text(partition));
      }
    }
    return keys;
  }
}
