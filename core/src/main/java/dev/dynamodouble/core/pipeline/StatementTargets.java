package dev.dynamodouble.core.pipeline;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.partiql.Plan;
import dev.dynamodouble.core.partiql.RequestJson;
import dev.dynamodouble.core.partiql.Statement;
import dev.dynamodouble.core.partiql.StatementMemo;
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

  /** The statements of a call, in order; empty for other operations. */
  public static List<Addressed> of(Call call) {
    List<JsonRequest> entries = switch (call.operation()) {
      case "ExecuteStatement" -> List.of(call.request());
      case "BatchExecuteStatement" -> lenientList(call.request(), "Statements");
      case "ExecuteTransaction" -> lenientList(call.request(), "TransactStatements");
      default -> List.of();
    };
    if (entries.isEmpty()) {
      return List.of(); // not a statement operation (fault rules ask this of every call)
    }
    List<Addressed> addressed = new ArrayList<>(entries.size());
    for (JsonRequest entry : entries) {
      Addressed one = entry == null ? null : of(call, entry);
      if (one != null) {
        addressed.add(one);
      }
    }
    return addressed;
  }

  /**
   * What one statement entry ({@code Statement}, {@code Parameters}) of the call addresses, or null
   * when it cannot be read. Parsed and planned through the call's {@link Call#statements()}, so
   * the operation reuses the work.
   */
  public static Addressed of(Call call, JsonRequest entry) {
    StatementMemo memo = call.statements();
    Statement statement;
    try {
      statement = memo.parse(entry);
    } catch (RuntimeException e) {
      return null; // the operation reports it
    }
    Statement.Target target = statement.target();
    return new Addressed(target.table(), target.index(), partitionKeys(call.catalog(), memo, statement),
        statement instanceof Statement.Select);
  }

  private static List<JsonRequest> lenientList(JsonRequest request, String field) {
    try {
      List<JsonRequest> list = request.structures(field);
      return list == null ? List.of() : list;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static List<String> partitionKeys(Catalog catalog, StatementMemo memo, Statement statement) {
    Plan plan;
    try {
      plan = memo.plan(statement);
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
