package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import dev.dynamodouble.core.table.VectorIndexDefinition.SearchKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A VectorIndex (CreateTable) or CreateVectorIndexAction (UpdateTable) read and checked: the
 * member constraints of the API reference first, then the rules between members and the table.
 */
final class VectorIndexRequests {
  /** The largest Dimensions the service takes (CloudFormation's VectorIndex.Dimensions maximum). */
  static final long MAX_DIMENSIONS = 4096;

  private VectorIndexRequests() {}

  /** The member constraints of one index ({@code path} is e.g. "vectorIndexes.1.member"). */
  static void checkShape(Constraints constraints, JsonRequest index, String path) {
    if (index == null) {
      constraints.notNull(null, path);
      return;
    }
    String name = index.string("IndexName");
    constraints.notNull(name, path + ".indexName").name(name, path + ".indexName");
    constraints.notNull(index.structure("VectorAttribute"), path + ".vectorAttribute");
    JsonRequest vector = index.structure("VectorAttribute");
    if (vector != null) {
      String attribute = vector.string("AttributeName");
      constraints.notNull(attribute, path + ".vectorAttribute.attributeName")
          .minLength(attribute, 1, path + ".vectorAttribute.attributeName")
          .maxLength(attribute, 255, path + ".vectorAttribute.attributeName");
    }
    Long dimensions = index.longValue("Dimensions");
    constraints.notNull(dimensions, path + ".dimensions").min(dimensions, 1, path + ".dimensions")
        .max(dimensions, MAX_DIMENSIONS, path + ".dimensions");
    constraints.notNull(index.string("DistanceFunction"), path + ".distanceFunction");
    constraints.notNull(index.structure("Projection"), path + ".projection");
    List<JsonRequest> schema = index.structures("SearchSchema");
    constraints.minSize(schema, 1, path + ".searchSchema");
    if (schema != null) {
      for (int i = 0; i < schema.size(); i++) {
        String element = path + ".searchSchema." + (i + 1) + ".member";
        JsonRequest key = schema.get(i);
        constraints.notNull(key == null ? null : key.string("AttributeName"), element + ".attributeName");
        constraints.notNull(key == null ? null : key.string("SearchSchemaElementType"),
            element + ".searchSchemaElementType");
      }
    }
  }

  /**
   * Vector indexes are not replicated between a global table's replicas yet: refused on a table
   * that replicates ({@code vectorUpdates}), and a table with vector indexes gets no new replica
   * ({@code addsReplica}), rather than replicas that silently differ.
   */
  static void refuseReplicated(Engine engine, Table table, boolean vectorUpdates, boolean addsReplica) {
    if (vectorUpdates && (addsReplica || engine.replication().wants(table))) {
      throw DynamoException.validation("VectorIndexUpdates is not supported by Dynamo Double yet on a global "
          + "table: vector indexes are not replicated between replicas yet");
    }
    if (addsReplica && !table.vectorIndexes().isEmpty()) {
      throw DynamoException.validation("ReplicaUpdates' Create is not supported by Dynamo Double yet for a table "
          + "with vector indexes: vector indexes are not replicated between replicas yet");
    }
  }

  /** The data directory (--data-dir) does not record vector indexes yet: refused there rather than lost on restart. */
  static void refuseDurable(Engine engine, String member) {
    if (engine.storage() != null) {
      throw DynamoException.validation(member + " is not supported by Dynamo Double yet with a data directory "
          + "(--data-dir): vector indexes are not written to it");
    }
  }

  /** Vector indexes are built on on-demand tables only ("you cannot mix the two capacity modes"). */
  static void requireOnDemand(BillingMode mode) {
    if (mode != BillingMode.PAY_PER_REQUEST) {
      throw DynamoException.invalidParameter(VectorIndexDefinition.ON_DEMAND_ONLY);
    }
  }

  /**
   * One index, checked against the table's attribute definitions ({@code defined}) and the indexes
   * it will sit beside ({@code others}: the names of every index, the vector indexes themselves).
   */
  static VectorIndexDefinition read(JsonRequest index, Set<String> defined, Set<String> indexNames,
                                    Collection<VectorIndexDefinition> others, IndexDefinition.IndexStatus status) {
    String name = index.string("IndexName");
    if (indexNames.contains(name)) {
      throw DynamoException.invalidParameter("Duplicate index name: " + name);
    }
    List<SearchKey> searchSchema = new ArrayList<>();
    List<JsonRequest> schema = index.structuresOrEmpty("SearchSchema");
    for (JsonRequest element : schema) {
      String attribute = element.string("AttributeName");
      if (!defined.contains(attribute)) {
        throw DynamoException.validation("One element in SearchSchema is not defined in attribute definitions");
      }
      boolean hash = "HASH".equals(element.string("SearchSchemaElementType"));
      if (searchSchema.stream().anyMatch(k -> k.attributeName().equals(attribute))) {
        throw DynamoException.invalidParameter("Duplicate attribute in SearchSchema: " + attribute
            + " IndexName: " + name);
      }
      if (hash && searchSchema.stream().anyMatch(SearchKey::hash)) {
        throw DynamoException.invalidParameter("SearchSchema has more than one HASH element. IndexName: " + name);
      }
      searchSchema.add(new SearchKey(attribute, hash));
    }
    String vectorAttribute = index.structure("VectorAttribute").string("AttributeName");
    if (searchSchema.stream().anyMatch(k -> k.attributeName().equals(vectorAttribute))) {
      throw DynamoException.invalidParameter("The vector attribute " + vectorAttribute + " cannot be in the "
          + "SearchSchema. IndexName: " + name);
    }
    long dimensions = index.longValue("Dimensions");
    for (VectorIndexDefinition other : others) {
      if (other.vectorAttribute().equals(vectorAttribute) && other.dimensions() != dimensions) {
        throw DynamoException.invalidParameter("Vector indexes on the same attribute must use the same number of "
            + "dimensions. Attribute: " + vectorAttribute + ", IndexName: " + other.name() + " has "
            + other.dimensions() + ", IndexName: " + name + " has " + dimensions);
      }
    }
    return definition(index, status);
  }

  /**
   * One index as the request has it, its shape checked by {@link #checkShape} and nothing more (a
   * restore's VectorIndexOverride is checked by matching it to an index of the source instead);
   * not backfilling, yet or ever.
   */
  static VectorIndexDefinition definition(JsonRequest index, IndexDefinition.IndexStatus status) {
    List<SearchKey> searchSchema = new ArrayList<>();
    for (JsonRequest element : index.structuresOrEmpty("SearchSchema")) {
      searchSchema.add(new SearchKey(element.string("AttributeName"),
          "HASH".equals(element.string("SearchSchemaElementType"))));
    }
    return new VectorIndexDefinition(index.string("IndexName"), index.structure("VectorAttribute").string("AttributeName"),
        index.longValue("Dimensions"), VectorIndexDefinition.DistanceFunction.valueOf(index.string("DistanceFunction")),
        searchSchema, TableSpecReader.projection(index.structure("Projection")), status, null);
  }

  /** The attribute names the search schemas of these (request) indexes use: their definitions are used. */
  static List<String> searchSchemaNames(List<JsonRequest> indexes) {
    List<String> names = new ArrayList<>();
    if (indexes != null) {
      for (JsonRequest index : indexes) {
        if (index != null) {
          for (JsonRequest element : index.structuresOrEmpty("SearchSchema")) {
            names.add(element.string("AttributeName"));
          }
        }
      }
    }
    return names;
  }
}
