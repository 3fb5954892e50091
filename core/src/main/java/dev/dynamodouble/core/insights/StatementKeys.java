package dev.dynamodouble.core.insights;

import dev.dynamodouble.core.partiql.Plan;
import dev.dynamodouble.core.partiql.RequestJson;
import dev.dynamodouble.core.partiql.StatementMemo;
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.StatementTargets;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.Table;
import java.util.List;
import java.util.Map;

/**
 * The keys the PartiQL statements of a call name, for a call refused before its operation ran (an
 * injected throttle): each statement planned as the operation would plan it (through the call's
 * memo), and its keys read as those of the item request it would have become. A statement that
 * cannot be planned names none.
 */
final class StatementKeys {
  private StatementKeys() {}

  static boolean isStatementCall(Call call) {
    return StatementTargets.isStatementOperation(call.operation());
  }

  /** The keys of every statement of the call. */
  static void walk(Call call, RequestedKeys.Visitor visitor) {
    for (JsonRequest entry : entries(call)) {
      walk(call, entry, visitor);
    }
  }

  /** The statement entries of the call ({@code Statement}, {@code Parameters}), in order. */
  static List<JsonRequest> entries(Call call) {
    List<JsonRequest> entries = switch (call.operation()) {
      case "ExecuteStatement" -> List.of(call.request());
      case "BatchExecuteStatement" -> call.request().structures("Statements");
      case "ExecuteTransaction" -> call.request().structures("TransactStatements");
      default -> null;
    };
    return entries == null ? List.of() : entries;
  }

  /** The keys of one statement entry. */
  static void walk(Call call, JsonRequest entry, RequestedKeys.Visitor visitor) {
    Plan plan;
    try {
      StatementMemo memo = call.statements();
      plan = memo.plan(memo.parse(entry));
    } catch (RuntimeException unplanned) {
      return; // the operation would have refused it
    }
    Table table = call.catalog().find(plan.tableName());
    if (table == null) {
      return;
    }
    if (plan.key() != null) {
      visitor.item(table, plan.key());
    } else if (plan.kind() == Plan.Kind.QUERY) {
      int queries = plan.partitions() == null ? 1 : plan.partitions().size();
      for (int i = 0; i < queries; i++) {
        Map<String, Object> fields = plan.partitions() == null ? plan.with(Map.of()) : plan.forPartition(i, Map.of());
        RequestedKeys.walk(call, "Query", RequestJson.request(fields), visitor);
      }
    }
  }
}
