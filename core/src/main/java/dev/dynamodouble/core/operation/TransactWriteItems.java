package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.capacity.Capacity;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.capacity.IndexWriteUnits;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.expression.ExpressionContext;
import dev.dynamodouble.core.expression.Update;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.transaction.IdempotencyTokens;
import dev.dynamodouble.core.transaction.ItemRef;
import dev.dynamodouble.core.transaction.RequestFingerprint;
import dev.dynamodouble.core.transaction.TransactionErrors;
import dev.dynamodouble.core.transaction.Transactions;
import dev.dynamodouble.core.transaction.WriteAction;
import dev.dynamodouble.core.transaction.WriteTransaction;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * TransactWriteItems: up to 100 Put, Update, Delete and ConditionCheck actions on distinct items of
 * one or more tables, applied all together or not at all.
 *
 * <p>Checks run in DynamoDB's order: member constraints (token length, enums, list length, each
 * action's required members), reported together; then each action in request order (exactly one
 * kind, its values, a Put's item size, its expressions and placeholders); then tables, keys and
 * duplicate targets; then the 4 MB aggregate. Problems only the run can find (a key of the wrong
 * type, a failed condition, an update that makes the item too large, an item in flight in another
 * transaction) cancel the transaction with a reason per action. A ClientRequestToken makes the
 * request idempotent for ten minutes of the engine's clock.
 */
public final class TransactWriteItems implements Operation {
  private static final String TOKEN = "ClientRequestToken";
  private static final String[] KINDS = {"ConditionCheck", "Put", "Delete", "Update"};

  /** One action after the checks that need no table. */
  private record Parsed(WriteAction.Kind kind, String tableName, Map<String, AttributeValue> keyOrItem,
                        StoredItem item, Update update, Condition condition, boolean returnOld) {}

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String token = request.string(TOKEN);
    String capacityMode = request.string("ReturnConsumedCapacity");
    String metricsMode = request.string("ReturnItemCollectionMetrics");
    List<JsonRequest> entries = request.structures("TransactItems");
    Constraints constraints = new Constraints()
        .minLength(token, 1, "clientRequestToken")
        .maxLength(token, 36, "clientRequestToken")
        .enums(request, "TransactWriteItems");
    TransactRequests.checkList(constraints, entries, "transactItems", "TransactWriteItem");
    if (entries != null) {
      for (int i = 0; i < entries.size(); i++) {
        memberConstraints(constraints, entries.get(i), i + 1, context.region());
      }
    }
    constraints.check();

    List<Parsed> parsed = new ArrayList<>(entries.size());
    for (JsonRequest entry : entries) {
      parsed.add(parse(entry));
    }

    List<WriteAction> actions = new ArrayList<>(parsed.size());
    Set<ItemRef> targets = new HashSet<>();
    long aggregate = 0;
    for (Parsed p : parsed) {
      Table table = context.catalog().itemTable(p.tableName());
      WriteAction action = bind(table, p);
      if (action.ref() != null && !targets.add(action.ref())) {
        throw TransactionErrors.multipleOperationsOnOneItem();
      }
      aggregate += p.item() != null ? p.item().size() : ItemSize.of(p.keyOrItem());
      actions.add(action);
    }
    if (aggregate > TransactionErrors.MAX_TRANSACTION_BYTES) {
      throw TransactionErrors.tooLarge(aggregate);
    }

    Transactions transactions = context.engine().transactions();
    IdempotencyTokens.Start start = null;
    if (token != null) {
      start = transactions.tokens().start(context.region(), token,
          RequestFingerprint.of(request.node(), TOKEN), context.now());
      if (start.isReplay()) {
        return ((Result) start.replay()).replayResponse(capacityMode);
      }
    }
    Result result;
    try {
      StrongGlobalTables.checkTransaction(context.engine(), actions, WriteAction::table);
      TransactAdmissions.checkWrites(context.call(), actions);
      WriteTransaction.Outcome outcome = WriteTransaction.run(transactions, context.catalog(), actions);
      result = Result.of(actions, parsed, outcome, metricsMode);
      charge(context, actions, outcome);
    } catch (RuntimeException | Error e) {
      if (start != null) {
        transactions.tokens().abandon(start);
      }
      throw e;
    }
    if (start != null) {
      transactions.tokens().complete(start, result, context.now());
    }
    return result.response(capacityMode);
  }

  private static void memberConstraints(Constraints constraints, JsonRequest entry, int position, String region) {
    if (entry == null) {
      return;
    }
    for (String kind : KINDS) {
      JsonRequest action = entry.structure(kind);
      if (action == null) {
        continue;
      }
      // The common case passes: a probe under the bare member names spares putting paths together.
      Constraints probe = new Constraints();
      actionConstraints(probe, action, kind, region, member -> member);
      if (!probe.isEmpty()) {
        String prefix = "transactItems." + position + ".member." + Character.toLowerCase(kind.charAt(0))
            + kind.substring(1) + ".";
        actionConstraints(constraints, action, kind, region, member -> prefix + member);
      }
    }
  }

  /** The member constraints of one action of {@code kind}, in the service's order, each at {@code path.apply(member)}. */
  private static void actionConstraints(Constraints constraints, JsonRequest action, String kind, String region,
                                        UnaryOperator<String> path) {
    if (kind.equals("ConditionCheck")) {
      constraints.notNull(action.string("ConditionExpression"), path.apply("conditionExpression"));
    }
    if (kind.equals("Put")) {
      constraints.notNull(action.has("Item") ? Boolean.TRUE : null, path.apply("item"));
    } else {
      constraints.notNull(action.has("Key") ? Boolean.TRUE : null, path.apply("key"));
    }
    String tableName = action.string("TableName");
    String tablePath = path.apply("tableName");
    constraints.notNull(tableName, tablePath).tableNameOrArn(tableName, tablePath, region);
    if (kind.equals("Update")) {
      constraints.notNull(action.string("UpdateExpression"), path.apply("updateExpression"));
    }
  }

  /**
   * Pays the capacity the committed transaction consumed: two write units per KB of each item and
   * of each index entry it changed (prepare and commit).
   */
  private static void charge(RequestContext context, List<WriteAction> actions, WriteTransaction.Outcome outcome) {
    for (int i = 0; i < actions.size(); i++) {
      WriteAction action = actions.get(i);
      StoredItem before = outcome.before().get(i);
      StoredItem after = outcome.after().get(i);
      long bytes = Math.max(before == null ? 0 : before.size(), after == null ? 0 : after.size());
      ConsumedCapacity indexes = new ConsumedCapacity(action.table().name());
      if (action.kind().writes()) {
        IndexWriteUnits.add(indexes, action.table().snapshot(), action.key(), before, after);
      }
      ConsumedCapacity consumed = new ConsumedCapacity(action.table().name())
          .addTableWrite(2 * Capacity.writeUnits(bytes)).add(indexes).add(indexes);
      CapacityCharge.record(context.call(), action.table(), action.key().partition(), consumed);
    }
  }

  /** The checks of one action that need no table: its kind, values, a Put's size, its expressions. */
  private static Parsed parse(JsonRequest entry) {
    String kind = null;
    int kinds = 0;
    for (String candidate : KINDS) {
      if (entry != null && entry.has(candidate)) {
        kind = candidate;
        kinds++;
      }
    }
    if (kinds == 0) {
      throw DynamoException.validation("Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
    }
    if (kinds > 1) {
      throw DynamoException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
    }
    JsonRequest action = entry.structure(kind);
    WriteAction.Kind type = kind.equals("Put") ? WriteAction.Kind.PUT : kind.equals("Update") ? WriteAction.Kind.UPDATE
        : kind.equals("Delete") ? WriteAction.Kind.DELETE : WriteAction.Kind.CONDITION_CHECK;
    Map<String, AttributeValue> keyOrItem = action.item(type == WriteAction.Kind.PUT ? "Item" : "Key");
    StoredItem item = null;
    if (type == WriteAction.Kind.PUT) {
      item = StoredItem.of(keyOrItem);
      if (item.size() > ItemSize.MAX_ITEM_BYTES) {
        throw DynamoException.validation("Item size has exceeded the maximum allowed size");
      }
    }
    ExpressionContext expressions = new ExpressionContext(action.stringMap("ExpressionAttributeNames"),
        action.item("ExpressionAttributeValues"));
    String updateText = type == WriteAction.Kind.UPDATE ? action.string("UpdateExpression") : null;
    Update update = updateText == null ? null : expressions.update(updateText);
    String conditionText = action.string("ConditionExpression");
    Condition condition = conditionText == null ? null : expressions.conditionExpression(conditionText);
    if (update != null || condition != null) {
      expressions.checkAllUsed();
    }
    boolean returnOld = "ALL_OLD".equals(action.string("ReturnValuesOnConditionCheckFailure"));
    return new Parsed(type, action.string("TableName"), keyOrItem, item, update, condition, returnOld);
  }

  /** The action on its table. A key that does not fit the table is the action's ValidationError reason. */
  private static WriteAction bind(Table table, Parsed p) {
    KeySchema schema = table.keySchema();
    ItemKey key;
    try {
      key = p.kind() == WriteAction.Kind.PUT ? schema.keyOfItem(p.keyOrItem()) : schema.keyOfKey(p.keyOrItem());
    } catch (DynamoException e) {
      if (e.code() != ErrorCode.VALIDATION || TransactRequests.hasEmptyKeyValue(schema, p.keyOrItem())) {
        throw e; // an empty key value is refused up front, as DynamoDB does
      }
      return WriteAction.invalidKey(p.kind(), table, e.getMessage());
    }
    switch (p.kind()) {
      case PUT:
        return WriteAction.put(table, key, p.item(), p.condition(), p.returnOld());
      case UPDATE:
        return WriteAction.update(table, key, p.keyOrItem(), p.update(), p.condition(), p.returnOld());
      case DELETE:
        return WriteAction.delete(table, key, p.condition(), p.returnOld());
      default:
        return WriteAction.conditionCheck(table, key, p.condition(), p.returnOld());
    }
  }

  /**
   * What a committed transaction answers, kept for idempotent repeats: the write units per table
   * (two per KB of each item: prepare and commit), the read units a repeat reports instead (one per
   * 4 KB of each item, as reading it back), the bytes written to vector indexes (once: an index
   * replicates the committed item, not the prepare) and the item collection metrics asked for.
   */
  private static final class Result {
    private final Map<String, double[]> unitsByTable; // [write, replay read]
    private final Map<String, ConsumedCapacity> vectorBytesByTable;
    private final Map<String, List<ItemCollections.Metric>> collections;

    private Result(Map<String, double[]> unitsByTable, Map<String, ConsumedCapacity> vectorBytesByTable,
                   Map<String, List<ItemCollections.Metric>> collections) {
      this.unitsByTable = unitsByTable;
      this.vectorBytesByTable = vectorBytesByTable;
      this.collections = collections;
    }

    /** {@code parsed} gives each action's table as the request named it, which ConsumedCapacity answers. */
    static Result of(List<WriteAction> actions, List<Parsed> parsed, WriteTransaction.Outcome outcome,
                     String metricsMode) {
      Map<String, double[]> units = new LinkedHashMap<>();
      Map<String, ConsumedCapacity> vectorBytes = new LinkedHashMap<>();
      Map<String, List<ItemCollections.Metric>> collections = new LinkedHashMap<>();
      for (int i = 0; i < actions.size(); i++) {
        WriteAction action = actions.get(i);
        StoredItem before = outcome.before().get(i);
        StoredItem after = outcome.after().get(i);
        long bytes = Math.max(before == null ? 0 : before.size(), after == null ? 0 : after.size());
        double[] tableUnits = units.computeIfAbsent(parsed.get(i).tableName(), k -> new double[2]);
        tableUnits[0] += 2 * Capacity.writeUnits(bytes);
        tableUnits[1] += Capacity.readUnits(bytes, true);
        Table table = action.table();
        if (action.kind().writes()) {
          ItemCollections.add(collections, metricsMode, table, parsed.get(i).tableName(), action.key().partition());
          if (!table.vectorIndexes().isEmpty()) {
            VectorWriteBytes.add(vectorBytes.computeIfAbsent(parsed.get(i).tableName(), ConsumedCapacity::new), table,
                before, after);
          }
        }
      }
      return new Result(units, vectorBytes, collections);
    }

    JsonWritable response(String capacityMode) {
      return out -> write(out, capacityMode, false);
    }

    JsonWritable replayResponse(String capacityMode) {
      return out -> write(out, capacityMode, true);
    }

    private void write(JsonGenerator out, String capacityMode, boolean replay) throws IOException {
      out.writeStartObject();
      if (ConsumedCapacity.wanted(capacityMode)) {
        out.writeArrayFieldStart("ConsumedCapacity");
        for (Map.Entry<String, double[]> e : unitsByTable.entrySet()) {
          ConsumedCapacity capacity = new ConsumedCapacity(e.getKey());
          if (replay) {
            capacity.addTableRead(e.getValue()[1]);
          } else {
            capacity.addTableWrite(e.getValue()[0]);
            ConsumedCapacity vectorBytes = vectorBytesByTable.get(e.getKey());
            if (vectorBytes != null) {
              capacity.add(vectorBytes);
            }
          }
          capacity.write(out, capacityMode);
        }
        out.writeEndArray();
      }
      ItemCollections.write(out, collections);
      out.writeEndObject();
    }
  }
}
