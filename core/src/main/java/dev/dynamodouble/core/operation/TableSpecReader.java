package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Projection;
import dev.dynamodouble.core.table.TableSpec;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.value.AttributeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates a table definition (CreateTable's request) with DynamoDB's checks and messages. */
final class TableSpecReader {
  static final long MAX_CAPACITY = 1_000_000_000_000L;
  private static final int MAX_TAGS = 50;
  /** Letters, digits, white space and + - = . _ : / @ (the characters AWS tags allow). */
  private static final java.util.regex.Pattern TAG_TEXT = java.util.regex.Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private TableSpecReader() {}

  static TableSpec read(JsonRequest request, String name, Quotas quotas) {
    List<JsonRequest> definitions = request.structures("AttributeDefinitions");
    List<JsonRequest> keySchema = request.structures("KeySchema");
    JsonRequest throughput = request.structure("ProvisionedThroughput");
    List<JsonRequest> lsis = request.structures("LocalSecondaryIndexes");
    List<JsonRequest> gsis = request.structures("GlobalSecondaryIndexes");
    String billing = request.string("BillingMode");

    Constraints constraints = new Constraints();
    constraints.name(name, "tableName");
    constraints.notNull(definitions, "attributeDefinitions");
    checkDefinitionsShape(constraints, definitions);
    constraints.enums(request, "CreateTable");
    checkKeySchemaShape(constraints, keySchema, "keySchema");
    checkThroughputShape(constraints, throughput, "provisionedThroughput");
    checkIndexShapes(constraints, lsis, "localSecondaryIndexes", false, true);
    checkIndexShapes(constraints, gsis, "globalSecondaryIndexes", true, true);
    List<JsonRequest> vectorIndexes = request.structures("VectorIndexes");
    if (vectorIndexes != null) {
      for (int i = 0; i < vectorIndexes.size(); i++) {
        VectorIndexRequests.checkShape(constraints, vectorIndexes.get(i), "vectorIndexes." + (i + 1) + ".member");
      }
    }
    List<JsonRequest> tagList = request.structures("Tags");
    checkTagShapes(constraints, tagList);
    constraints.check();

    BillingMode mode = "PAY_PER_REQUEST".equals(billing) ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED;
    Throughput tableThroughput = checkBilling(mode, throughput);

    Map<String, AttributeType> defined = new LinkedHashMap<>();
    List<KeyAttribute> attributeDefinitions = new ArrayList<>();
    for (JsonRequest d : definitions) {
      String attributeName = d.string("AttributeName");
      AttributeType type = AttributeType.valueOf(d.string("AttributeType"));
      if (defined.put(attributeName, type) != null) {
        throw DynamoException.validation("Attribute Name is duplicated: " + attributeName);
      }
      attributeDefinitions.add(new KeyAttribute(attributeName, type));
    }

    KeySchema tableKey = keySchema(keySchema, defined);
    checkAllDefinitionsUsed(defined, tableKey, lsis, gsis, VectorIndexRequests.searchSchemaNames(vectorIndexes));

    Set<String> indexNames = new HashSet<>();
    List<IndexDefinition> localIndexes = new ArrayList<>();
    if (lsis != null) {
      if (lsis.isEmpty()) {
        throw DynamoException.invalidParameter("List of LocalSecondaryIndexes is empty");
      }
      if (tableKey.sort() == null) {
        throw DynamoException.invalidParameter("Table KeySchema does not have a range key, which is required when "
            + "specifying a LocalSecondaryIndex");
      }
      for (JsonRequest lsi : lsis) {
        IndexDefinition index = index(lsi, defined, false, mode);
        if (index.keySchema().sort() == null) {
          throw DynamoException.invalidParameter("Index KeySchema does not have a range key for index: " + index.name());
        }
        if (!index.keySchema().partition().name().equals(tableKey.partition().name())) {
          throw DynamoException.invalidParameter("Index KeySchema does not have the same leading hash key as table "
              + "KeySchema for index: " + index.name() + ". index hash key: " + index.keySchema().partition().name()
              + ", table hash key: " + tableKey.partition().name());
        }
        addIndex(indexNames, index);
        localIndexes.add(index);
      }
      if (localIndexes.size() > quotas.localIndexesPerTable()) {
        throw DynamoException.invalidParameter("Number of LocalSecondaryIndexes exceeds per-table limit of "
            + quotas.localIndexesPerTable());
      }
    }
    List<IndexDefinition> globalIndexes = new ArrayList<>();
    if (gsis != null) {
      if (gsis.isEmpty()) {
        throw DynamoException.invalidParameter("List of GlobalSecondaryIndexes is empty");
      }
      for (JsonRequest gsi : gsis) {
        IndexDefinition index = index(gsi, defined, true, mode);
        addIndex(indexNames, index);
        // Created with the table, a global index is CREATING until the table is ACTIVE.
        globalIndexes.add(index.withStatus(IndexDefinition.IndexStatus.CREATING));
      }
      if (globalIndexes.size() > quotas.globalIndexesPerTable()) {
        throw GlobalIndexUpdates.tooManyIndexes(quotas);
      }
    }

    Map<String, String> tags = tags(tagList);
    Boolean protection = request.bool("DeletionProtectionEnabled");
    String tableClass = request.string("TableClass");
    checkTableClass(tableClass);
    return new TableSpec(name, tableKey, attributeDefinitions, mode, tableThroughput, localIndexes, globalIndexes,
        tags, protection != null && protection, tableClass);
  }

  /**
   * AttributeDefinitions must name exactly the key attributes of the table and its indexes; the
   * service checks this before the rules of each index, so an extra definition masks them.
   */
  private static void checkAllDefinitionsUsed(Map<String, AttributeType> defined, KeySchema tableKey,
                                              List<JsonRequest> lsis, List<JsonRequest> gsis,
                                              List<String> searchSchemaNames) {
    Set<String> used = new LinkedHashSet<>();
    tableKey.attributes().forEach(a -> used.add(a.name()));
    used.addAll(searchSchemaNames); // a vector index's search schema attributes are defined as GSI keys are
    for (List<JsonRequest> indexes : java.util.Arrays.asList(lsis, gsis)) {
      if (indexes != null) {
        for (JsonRequest index : indexes) {
          for (JsonRequest element : index.structures("KeySchema")) {
            used.add(element.string("AttributeName"));
          }
        }
      }
    }
    if (used.containsAll(defined.keySet())) {
      return;
    }
    if (lsis == null && gsis == null && searchSchemaNames.isEmpty()) {
      throw DynamoException.invalidParameter("Number of attributes in KeySchema does not exactly match number of "
          + "attributes defined in AttributeDefinitions");
    }
    throw DynamoException.invalidParameter("Some AttributeDefinitions are not used. AttributeDefinitions: "
        + defined.keySet() + ", keys used: " + used);
  }

  static void checkTagShapes(Constraints constraints, List<JsonRequest> tags) {
    if (tags == null) {
      return;
    }
    for (int i = 0; i < tags.size(); i++) {
      JsonRequest tag = tags.get(i);
      if (tag != null) {
        String member = "tags." + (i + 1) + ".member";
        constraints.minLength(tag.string("Key"), 1, member + ".key").maxLength(tag.string("Key"), 128, member + ".key")
            .maxLength(tag.string("Value"), 256, member + ".value");
      }
    }
  }

  /** The tags of a CreateTable, with the service's tag rules. */
  static Map<String, String> tags(List<JsonRequest> tagList) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (tagList == null) {
      return tags;
    }
    for (JsonRequest tag : tagList) {
      String key = tag == null ? null : tag.string("Key");
      String value = tag == null ? null : tag.string("Value");
      if (key == null) {
        throw DynamoException.validation("The Tag Key provided is invalid, Key: null");
      }
      if (value == null) {
        throw DynamoException.validation("The Tag Value provided is invalid, Value: null");
      }
      if (key.startsWith("aws:")) {
        throw DynamoException.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
      }
      if (!TAG_TEXT.matcher(key).matches()) {
        throw DynamoException.validation("The Tag Key provided is invalid, Key: " + key);
      }
      if (!TAG_TEXT.matcher(value).matches()) {
        throw DynamoException.validation("The Tag Value provided is invalid, Value: " + value);
      }
      if (tags.put(key, value) != null) {
        throw DynamoException.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
      }
    }
    if (tags.size() > MAX_TAGS) {
      throw DynamoException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
    }
    return tags;
  }

  /** TableClass, with the service's own message rather than the enum constraint's. */
  static void checkTableClass(String tableClass) {
    if (tableClass != null && !tableClass.equals("STANDARD") && !tableClass.equals("STANDARD_INFREQUENT_ACCESS")) {
      throw DynamoException.validation("Invalid table-class parameter provided. Please try again with a valid "
          + "table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
    }
  }

  /** Checks billing mode against throughput and returns the table's throughput. */
  static Throughput checkBilling(BillingMode mode, JsonRequest throughput) {
    if (mode == BillingMode.PAY_PER_REQUEST) {
      if (throughput != null) {
        throw DynamoException.invalidParameter(
            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
      return Throughput.NONE;
    }
    if (throughput == null) {
      throw DynamoException.invalidParameter(
          "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    }
    return capacity(throughput);
  }

  static Throughput capacity(JsonRequest throughput) {
    long read = throughput.longValue("ReadCapacityUnits");
    long write = throughput.longValue("WriteCapacityUnits");
    if (read > MAX_CAPACITY) {
      throw DynamoException.validation("Given value " + read + " for ReadCapacityUnits is out of bounds");
    }
    if (write > MAX_CAPACITY) {
      throw DynamoException.validation("Given value " + write + " for WriteCapacityUnits is out of bounds");
    }
    return Throughput.of(read, write);
  }

  static void checkThroughputShape(Constraints constraints, JsonRequest throughput, String path) {
    if (throughput == null) {
      return;
    }
    Long write = throughput.longValue("WriteCapacityUnits");
    Long read = throughput.longValue("ReadCapacityUnits");
    constraints.notNull(write, path + ".writeCapacityUnits").min(write, 1, path + ".writeCapacityUnits");
    constraints.notNull(read, path + ".readCapacityUnits").min(read, 1, path + ".readCapacityUnits");
  }

  /** Every attribute definition names an attribute and its type. */
  static void checkDefinitionsShape(Constraints constraints, List<JsonRequest> definitions) {
    if (definitions == null) {
      return;
    }
    for (int i = 0; i < definitions.size(); i++) {
      JsonRequest d = definitions.get(i);
      String path = "attributeDefinitions." + (i + 1) + ".member";
      String name = d == null ? null : d.string("AttributeName");
      // the name's length is a member constraint: reported before any check across definitions and keys
      constraints.notNull(name, path + ".attributeName").minLength(name, 1, path + ".attributeName")
          .maxLength(name, 255, path + ".attributeName");
      constraints.notNull(d == null ? null : d.string("AttributeType"), path + ".attributeType");
    }
  }

  static void checkKeySchemaShape(Constraints constraints, List<JsonRequest> keySchema, String path) {
    checkKeySchemaShape(constraints, keySchema, path, false);
  }

  /** A GSI's key schema may have up to eight elements (a multi-attribute key); its own checks bound them. */
  static void checkKeySchemaShape(Constraints constraints, List<JsonRequest> keySchema, String path, boolean global) {
    constraints.notNull(keySchema, path).minSize(keySchema, 1, path);
    if (!global) {
      constraints.maxSize(keySchema, 2, path);
    }
    if (keySchema == null) {
      return;
    }
    for (int i = 0; i < keySchema.size(); i++) {
      JsonRequest k = keySchema.get(i);
      String member = path + "." + (i + 1) + ".member";
      constraints.notNull(k == null ? null : k.string("AttributeName"), member + ".attributeName");
      String keyType = k == null ? null : k.string("KeyType");
      constraints.notNull(keyType, member + ".keyType");
      if (k != null) {
        constraints.minLength(k.string("AttributeName"), 1, member + ".attributeName")
            .maxLength(k.string("AttributeName"), 255, member + ".attributeName");
      }
    }
  }

  /** The member constraints of index definitions; {@code nonKeyAttributes}: of their projections' attribute lists too. */
  static void checkIndexShapes(Constraints constraints, List<JsonRequest> indexes, String path, boolean global,
                               boolean nonKeyAttributes) {
    if (indexes == null) {
      return;
    }
    for (int i = 0; i < indexes.size(); i++) {
      JsonRequest index = indexes.get(i);
      String member = path + "." + (i + 1) + ".member";
      String indexName = index == null ? null : index.string("IndexName");
      constraints.notNull(indexName, member + ".indexName").name(indexName, member + ".indexName");
      checkKeySchemaShape(constraints, index == null ? null : index.structures("KeySchema"), member + ".keySchema", global);
      JsonRequest projection = index == null ? null : index.structure("Projection");
      constraints.notNull(projection, member + ".projection");
      if (projection != null && nonKeyAttributes) {
        constraints.minSize(projection.strings("NonKeyAttributes"), 1, member + ".projection.nonKeyAttributes")
            .maxSize(projection.strings("NonKeyAttributes"), 20, member + ".projection.nonKeyAttributes")
            .eachLength(projection.strings("NonKeyAttributes"), 1, 255, member + ".projection.nonKeyAttributes");
      }
      if (global && index != null) {
        checkThroughputShape(constraints, index.structure("ProvisionedThroughput"), member + ".provisionedThroughput");
      }
    }
  }

  static KeySchema keySchema(List<JsonRequest> elements, Map<String, AttributeType> defined) {
    return keySchema(elements, defined, false);
  }

  /** A key schema; {@code multiAttribute} (GSIs) allows up to four HASH then up to four RANGE elements. */
  static KeySchema keySchema(List<JsonRequest> elements, Map<String, AttributeType> defined, boolean multiAttribute) {
    List<String> names = new ArrayList<>();
    for (JsonRequest element : elements) {
      names.add(element.string("AttributeName"));
    }
    if (names.size() > defined.size()) {
      throw DynamoException.validation("Invalid KeySchema: Some index key attribute have no definition");
    }
    for (String keyName : names) {
      if (!defined.containsKey(keyName)) {
        throw DynamoException.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. "
            + "Keys: " + names + ", AttributeDefinitions: " + defined.keySet());
      }
    }
    if (new HashSet<>(names).size() < names.size()) {
      throw DynamoException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (!"HASH".equals(elements.get(0).string("KeyType"))) {
      throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (!multiAttribute) {
      if (elements.size() == 2 && !"RANGE".equals(elements.get(1).string("KeyType"))) {
        throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
      }
    }
    List<KeyAttribute> partitions = new ArrayList<>();
    List<KeyAttribute> sorts = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      KeyAttribute attribute = new KeyAttribute(names.get(i), defined.get(names.get(i)));
      if ("RANGE".equals(elements.get(i).string("KeyType"))) {
        sorts.add(attribute);
      } else if (!sorts.isEmpty()) {
        throw DynamoException.invalidParameter("All HASH key attributes must precede RANGE key attributes in the KeySchema");
      } else {
        partitions.add(attribute);
      }
    }
    if (partitions.size() > KeySchema.MAX_KEY_ATTRIBUTES) {
      throw DynamoException.invalidParameter("The KeySchema exceeds the maximum allowed number of HASH key attributes");
    }
    if (sorts.size() > KeySchema.MAX_KEY_ATTRIBUTES) {
      throw DynamoException.invalidParameter("The KeySchema exceeds the maximum allowed number of RANGE key attributes");
    }
    return new KeySchema(partitions, sorts);
  }

  static IndexDefinition index(JsonRequest index, Map<String, AttributeType> defined, boolean global, BillingMode mode) {
    String indexName = index.string("IndexName");
    KeySchema schema = keySchema(index.structures("KeySchema"), defined, global);
    Projection p = projection(index.structure("Projection"));
    Throughput throughput = null;
    if (global) {
      JsonRequest t = index.structure("ProvisionedThroughput");
      if (mode == BillingMode.PAY_PER_REQUEST) {
        if (t != null) {
          throw DynamoException.invalidParameter("ProvisionedThroughput should not be specified for index: "
              + indexName + " when BillingMode is PAY_PER_REQUEST");
        }
        throughput = Throughput.NONE;
      } else {
        if (t == null) {
          throw DynamoException.invalidParameter("ProvisionedThroughput is not specified for index: " + indexName);
        }
        throughput = capacity(t);
      }
    }
    return new IndexDefinition(indexName, schema, p, global, throughput, IndexDefinition.IndexStatus.ACTIVE);
  }

  /** An index's Projection, checked as DynamoDB checks it (shared by CreateTable and the restores' overrides). */
  static Projection projection(JsonRequest projection) {
    String type = projection.string("ProjectionType");
    if (type == null) {
      throw DynamoException.invalidParameter("Unknown ProjectionType: null");
    }
    List<String> nonKey = projection.strings("NonKeyAttributes");
    if (nonKey != null && !"INCLUDE".equals(type)) {
      throw DynamoException.invalidParameter("ProjectionType is " + type + ", but NonKeyAttributes is specified");
    }
    if (nonKey == null && "INCLUDE".equals(type)) {
      throw DynamoException.invalidParameter("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    }
    if (nonKey != null) {
      Set<String> seen = new HashSet<>();
      for (String attribute : nonKey) {
        if (!seen.add(attribute)) {
          throw DynamoException.invalidParameter("Duplicate element in NonKeyAttributes: " + attribute);
        }
      }
    }
    return new Projection(Projection.ProjectionType.valueOf(type), nonKey == null ? List.of() : List.copyOf(nonKey));
  }

  private static void addIndex(Set<String> names, IndexDefinition index) {
    if (!names.add(index.name())) {
      throw DynamoException.invalidParameter("Duplicate index name: " + index.name());
    }
  }
}
