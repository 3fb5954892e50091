package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.Condition;
import dev.dynamodouble.core.expression.Projection;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * SearchVectors: the TopK items of a vector index nearest the search vector, by the index's
 * distance function. DynamoDB answers with an approximate nearest-neighbour search; Dynamo Double
 * computes the exact k nearest neighbours (a scan of the table's indexed items under the read
 * view), the answer an approximate search aims at, ties kept in the table's key order.
 */
public final class SearchVectors implements Operation {
  static final int MAX_TOP_K = 100;

  private record Hit(Map<String, AttributeValue> item, double score) {}

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String tableName = request.string("TableName");
    String indexName = request.string("IndexName");
    List<AttributeValue> searchVector = request.values("SearchVector");
    Integer topK = request.intValue("TopK");
    new Constraints().notNull(tableName, "tableName").tableNameOrArn(tableName, "tableName", context.region())
        .notNull(indexName, "indexName").name(indexName, "indexName")
        .notNull(searchVector, "searchVector").notNull(topK, "topK")
        .enums(request, "SearchVectors").check();
    if (topK < 1 || topK > MAX_TOP_K) {
      throw DynamoException.validation("Provided TopK value is out of valid range");
    }
    RequestExpressions expressions = RequestExpressions.of(request, "SearchVectors");
    String conditionText = request.string("SearchConditionExpression");
    Condition condition = conditionText == null ? null
        : expressions.context().condition("SearchConditionExpression", conditionText);
    Projection projection = expressions.projection();
    expressions.checkAllUsed();

    Table table = context.catalog().itemTable(tableName);
    VectorIndexDefinition index = table.vectorIndex(indexName);
    if (index == null || !index.searchable()) {
      throw notSearchable(index, indexName);
    }
    float[] query = query(index, searchVector);
    List<Map.Entry<String, AttributeValue>> equalities = equalities(index, condition);

    TableData data = context.read(table, null, false); // a vector index is eventually consistent, as a GSI is
    List<Hit> hits = new ArrayList<>();
    long examined = 0;
    for (Map.Entry<?, StoredItem> entry : data.items()) {
      Map<String, AttributeValue> item = entry.getValue().attributes();
      float[] vector = VectorIndexContents.vector(index, item);
      if (vector == null || !matches(item, equalities)) {
        continue;
      }
      examined++;
      hits.add(new Hit(item, VectorScores.score(index.distance(), query, vector)));
    }
    Comparator<Hit> nearest = Comparator.comparingDouble(Hit::score);
    hits.sort(VectorScores.smallestFirst(index.distance()) ? nearest : nearest.reversed()); // stable: key order on ties
    List<Hit> top = hits.subList(0, Math.min(topK, hits.size()));
    List<Map<String, AttributeValue>> results = new ArrayList<>();
    long returnedBytes = 0;
    for (Hit hit : top) {
      Map<String, AttributeValue> held = VectorIndexContents.projected(table, index, hit.item());
      Map<String, AttributeValue> item = projection == null ? held : projection.apply(held);
      returnedBytes += ItemSize.of(item);
      results.add(item);
    }
    // Metered in vector search bytes, not read units: the vector data examined plus what is returned.
    double searchBytes = 4.0 * index.dimensions() * examined + returnedBytes;
    String capacityMode = request.string("ReturnConsumedCapacity");
    boolean reportCapacity = "TOTAL".equals(capacityMode) || "INDEXES".equals(capacityMode);
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("SearchResults");
      for (int i = 0; i < results.size(); i++) {
        out.writeStartObject();
        out.writeFieldName("Item");
        AttributeValues.writeItem(out, results.get(i));
        out.writeNumberField("Score", top.get(i).score());
        out.writeEndObject();
      }
      out.writeEndArray();
      if (reportCapacity) {
        out.writeObjectFieldStart("ConsumedCapacity");
        out.writeNumberField("VectorSearchRequestBytes", searchBytes);
        out.writeEndObject();
      }
      out.writeEndObject();
    };
  }

  /** The search vector as 32-bit floats: numbers only, as many as the index's dimensions. */
  private static float[] query(VectorIndexDefinition index, List<AttributeValue> searchVector) {
    if (searchVector.size() != index.dimensions()) {
      throw DynamoException.invalidParameter("SearchVector has " + searchVector.size() + " dimensions, but vector "
          + "index " + index.name() + " has " + index.dimensions());
    }
    float[] query = VectorIndexContents.floats(searchVector);
    if (query == null) { // name the first value that is not a number
      int i = 0;
      while (searchVector.get(i) instanceof AttributeValue.N) {
        i++;
      }
      throw DynamoException.invalidParameter("Invalid parameter type for SearchVector[" + i + "]: expected a "
          + "number (N), got " + searchVector.get(i).type());
    }
    return query;
  }

  /**
   * The SearchConditionExpression as equalities on search schema attributes joined by AND; the
   * vector index partition key, when the schema has one, must be among them.
   */
  private static List<Map.Entry<String, AttributeValue>> equalities(VectorIndexDefinition index, Condition condition) {
    String hash = index.hashAttribute();
    if (condition == null) {
      if (hash != null) {
        throw DynamoException.validation("SearchConditionExpression must be provided when SearchSchema has a HASH key");
      }
      return List.of();
    }
    List<Map.Entry<String, AttributeValue>> equalities = condition.equalities();
    if (equalities == null) {
      throw DynamoException.validation("Invalid comparator used in SearchConditionExpression");
    }
    boolean hashGiven = false;
    for (Map.Entry<String, AttributeValue> equality : equalities) {
      String attribute = equality.getKey();
      if (index.searchSchema().stream().noneMatch(k -> k.attributeName().equals(attribute))) {
        throw DynamoException.validation("Attribute " + attribute + " in SearchConditionExpression is not in the "
            + "SearchSchema of vector index " + index.name());
      }
      hashGiven |= attribute.equals(hash);
    }
    if (hash != null && !hashGiven) {
      throw DynamoException.validation("SearchConditionExpression must be provided when SearchSchema has a HASH key");
    }
    return equalities;
  }

  private static boolean matches(Map<String, AttributeValue> item, List<Map.Entry<String, AttributeValue>> equalities) {
    for (Map.Entry<String, AttributeValue> equality : equalities) {
      if (!equality.getValue().equals(item.get(equality.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Why {@code index} (null: the table has none of that name) cannot be searched. The developer
   * guide's "Troubleshooting vector indexes" lists two answers for an index that is CREATING, while
   * it is provisioned and while it backfills: "Cannot search backfilling vector index" is true only
   * of the second phase, so in the first, while the index allocates its resources and holds
   * nothing to search yet, the search answers as for an index it does not have.
   */
  private static DynamoException notSearchable(VectorIndexDefinition index, String indexName) {
    boolean backfilling = index != null && index.status() == IndexDefinition.IndexStatus.CREATING
        && index.backfilling();
    return DynamoException.validation(backfilling ? "Cannot search backfilling vector index: " + indexName
        : "The table does not have the specified index: " + indexName);
  }
}
