package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.capacity.Capacity;
import dev.dynamodouble.core.capacity.CapacityCharge;
import dev.dynamodouble.core.capacity.ConsumedCapacity;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.expression.ExpressionContext;
import dev.dynamodouble.core.expression.Projection;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.transaction.ItemRef;
import dev.dynamodouble.core.transaction.ReadTransaction;
import dev.dynamodouble.core.transaction.TransactionErrors;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactGetItems: up to 100 Gets on distinct items of one or more tables, all read at one
 * instant (no transaction commits between two of them), each with its own ProjectionExpression.
 * An item in flight in a write transaction cancels the read with a TransactionConflict reason.
 * Each item costs two read units per 4 KB (prepare and commit), as DynamoDB charges.
 */
public final class TransactGetItems implements Operation {

  private record Get(String tableName, Map<String, AttributeValue> key, Projection projection) {}

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String capacityMode = request.string("ReturnConsumedCapacity");
    List<JsonRequest> entries = request.structures("TransactItems");
    Constraints constraints = new Constraints().enums(request, "TransactGetItems");
    TransactRequests.checkList(constraints, entries, "transactItems", "TransactGetItem");
    if (entries != null) {
      for (int i = 0; i < entries.size(); i++) {
        String path = "transactItems." + (i + 1) + ".member.get";
        JsonRequest get = entries.get(i) == null ? null : entries.get(i).structure("Get");
        constraints.notNull(get, path);
        if (get != null) {
          constraints.notNull(get.has("Key") ? Boolean.TRUE : null, path + ".key");
          String tableName = get.string("TableName");
          constraints.notNull(tableName, path + ".tableName")
              .tableNameOrArn(tableName, path + ".tableName", context.region());
        }
      }
    }
    constraints.check();

    List<Get> gets = new ArrayList<>(entries.size());
    for (JsonRequest entry : entries) {
      JsonRequest get = entry.structure("Get");
      Map<String, AttributeValue> key = get.item("Key");
      ExpressionContext expressions = new ExpressionContext(get.stringMap("ExpressionAttributeNames"), null);
      String projectionText = get.string("ProjectionExpression");
      Projection projection = projectionText == null ? null : expressions.projection(projectionText);
      if (projection != null) {
        expressions.checkAllUsed();
      }
      gets.add(new Get(get.string("TableName"), key, projection));
    }

    List<ReadTransaction.Target> targets = new ArrayList<>(gets.size());
    Set<ItemRef> seen = new HashSet<>();
    for (Get get : gets) {
      Table table = context.catalog().itemTable(get.tableName());
      KeySchema schema = table.keySchema();
      ReadTransaction.Target target;
      try {
        target = ReadTransaction.Target.of(table, schema.keyOfKey(get.key()));
      } catch (DynamoException e) {
        if (e.code() != ErrorCode.VALIDATION || TransactRequests.hasEmptyKeyValue(schema, get.key())) {
          throw e;
        }
        target = ReadTransaction.Target.invalidKey(table, e.getMessage());
      }
      if (target.key() != null && !seen.add(new ItemRef(table, target.key()))) {
        throw TransactionErrors.multipleOperationsOnOneItem();
      }
      targets.add(target);
    }

    StrongGlobalTables.checkTransaction(context.engine(), targets, ReadTransaction.Target::table);
    TransactAdmissions.checkReads(context.call(), targets);
    List<StoredItem> items = ReadTransaction.read(context.engine().transactions(), context.catalog(), targets);
    long aggregate = 0;
    Map<String, ConsumedCapacity> capacities = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      StoredItem item = items.get(i);
      int size = item == null ? 0 : item.size();
      aggregate += size;
      double units = 2 * Capacity.readUnits(size, true);
      Table table = targets.get(i).table();
      capacities.computeIfAbsent(gets.get(i).tableName(), ConsumedCapacity::new).addTableRead(units); // as named
      ItemKey key = targets.get(i).key();
      CapacityCharge.record(context.call(), table, key == null ? null : key.partition(),
          new ConsumedCapacity(table.name()).addTableRead(units));
    }
    if (aggregate > TransactionErrors.MAX_TRANSACTION_BYTES) {
      throw TransactionErrors.responseTooLarge();
    }

    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("Responses");
      for (int i = 0; i < items.size(); i++) {
        out.writeStartObject();
        StoredItem item = items.get(i);
        if (item != null) {
          Projection projection = gets.get(i).projection();
          out.writeFieldName("Item");
          AttributeValues.writeItem(out, projection == null ? item.attributes() : projection.apply(item.attributes()));
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      ConsumedCapacity.writeList(out, capacities.values(), capacityMode);
      out.writeEndObject();
    };
  }
}
