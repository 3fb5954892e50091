package dev.dynamodouble.junit5.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Builds a CreateTable request from keys, indexes and billing, collecting the attribute
 * definitions and refusing a key attribute given two different types.
 */
final class CreateTableBuilder {
  private final String declaredBy;
  private final Map<String, ScalarAttributeType> definitions = new LinkedHashMap<>();

  CreateTableBuilder(String declaredBy) {
    this.declaredBy = declaredBy;
  }

  CreateTableRequest.Builder build(String name, String partitionKey, ScalarAttributeType partitionType, String sortKey,
      ScalarAttributeType sortType, List<IndexSpec> indexes, boolean provisioned, long read, long write) {
    define(partitionKey, partitionType, "the table's partition key");
    List<KeySchemaElement> keySchema = new ArrayList<>();
    keySchema.add(key(partitionKey, KeyType.HASH));
    if (sortKey != null) {
      define(sortKey, sortType, "the table's sort key");
      keySchema.add(key(sortKey, KeyType.RANGE));
    }
    List<LocalSecondaryIndex> locals = new ArrayList<>();
    List<GlobalSecondaryIndex> globals = new ArrayList<>();
    for (IndexSpec index : indexes) {
      if (index.global() && index.partition().isEmpty()) {
        throw fail("global index " + index.name() + " needs a partitionKey");
      }
      if (!index.global() && index.sort().isEmpty()) {
        throw fail("local index " + index.name() + " needs a sortKey");
      }
      List<KeySchemaElement> indexKeys = new ArrayList<>();
      if (index.partition().isEmpty()) {
        indexKeys.add(key(partitionKey, KeyType.HASH));
      }
      for (IndexSpec.KeyPart part : index.partition()) {
        define(part.name(), part.type(), "the partition key of index " + index.name());
        indexKeys.add(key(part.name(), KeyType.HASH));
      }
      for (IndexSpec.KeyPart part : index.sort()) {
        define(part.name(), part.type(), "the sort key of index " + index.name());
        indexKeys.add(key(part.name(), KeyType.RANGE));
      }
      Projection projection = projection(index);
      if (index.global()) {
        GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder().indexName(index.name())
            .keySchema(indexKeys).projection(projection);
        if (provisioned) {
          gsi.provisionedThroughput(throughput(index.read() > 0 ? index.read() : read,
              index.write() > 0 ? index.write() : write));
        }
        globals.add(gsi.build());
      } else {
        locals.add(LocalSecondaryIndex.builder().indexName(index.name()).keySchema(indexKeys)
            .projection(projection).build());
      }
    }
    List<AttributeDefinition> attributeDefinitions = new ArrayList<>();
    definitions.forEach((attribute, type) -> attributeDefinitions.add(
        AttributeDefinition.builder().attributeName(attribute).attributeType(type).build()));
    CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name).keySchema(keySchema)
        .attributeDefinitions(attributeDefinitions)
        .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
    if (provisioned) {
      request.provisionedThroughput(throughput(read, write));
    }
    if (!locals.isEmpty()) {
      request.localSecondaryIndexes(locals);
    }
    if (!globals.isEmpty()) {
      request.globalSecondaryIndexes(globals);
    }
    return request;
  }

  private Projection projection(IndexSpec index) {
    if (!index.include().isEmpty() && index.projection() != ProjectionType.INCLUDE) {
      throw fail("index " + index.name() + " lists include attributes " + index.include()
          + " but its projection is " + index.projection() + "; use projection = INCLUDE");
    }
    Projection.Builder projection = Projection.builder().projectionType(index.projection());
    if (index.projection() == ProjectionType.INCLUDE) {
      projection.nonKeyAttributes(index.include());
    }
    return projection.build();
  }

  /** Defines {@code attribute}; a null type means "whatever it already is, else S". */
  private void define(String attribute, ScalarAttributeType type, String role) {
    ScalarAttributeType known = definitions.get(attribute);
    if (known == null) {
      definitions.put(attribute, type == null ? ScalarAttributeType.S : type);
    } else if (type != null && type != known) {
      throw fail("attribute " + attribute + " is " + known + " elsewhere but " + type + " as " + role);
    }
  }

  private static KeySchemaElement key(String attribute, KeyType type) {
    return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
  }

  private static ProvisionedThroughput throughput(long read, long write) {
    return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
  }

  private ExtensionConfigurationException fail(String reason) {
    return new ExtensionConfigurationException(declaredBy + ": " + reason);
  }
}
