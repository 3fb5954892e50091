package dev.dynamodouble.junit5.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A table a test class declares: the CreateTable request that makes it, what to do right after
 * (TTL), its fixture files, and its enhanced-client bean class if it came from one.
 */
public final class TableDeclaration {
  private final CreateTableRequest request;
  private final String ttlAttribute;
  private final List<FixtureRef> fixtures;
  private final Class<?> bean;
  private final String declaredBy;
  private final List<String> replicas;
  private boolean capacityEnforced = true;
  private boolean strongConsistency;
  private String witness;

  public TableDeclaration(CreateTableRequest request, String ttlAttribute, List<FixtureRef> fixtures, Class<?> bean,
      String declaredBy, List<String> replicas) {
    this.replicas = List.copyOf(replicas);
    this.request = request;
    this.ttlAttribute = ttlAttribute;
    this.fixtures = List.copyOf(fixtures);
    this.bean = bean;
    this.declaredBy = declaredBy;
  }

  /** Whether its global table has multi-Region strong consistency (MultiRegionConsistency STRONG). */
  public boolean strongConsistency() {
    return strongConsistency;
  }

  /** The witness region of its MRSC global table, or null. */
  public String witness() {
    return witness;
  }

  TableDeclaration strongConsistency(boolean strong, String witnessRegion) {
    this.strongConsistency = strong;
    this.witness = witnessRegion == null || witnessRegion.isEmpty() ? null : witnessRegion;
    return this;
  }

  /** Whether the endpoint enforces this table's capacity ({@link dev.dynamodouble.junit5.DynamoTable#capacityEnforced()}). */
  public boolean capacityEnforced() {
    return capacityEnforced;
  }

  TableDeclaration capacityEnforced(boolean enforced) {
    this.capacityEnforced = enforced;
    return this;
  }

  public String name() {
    return request.tableName();
  }

  public CreateTableRequest request() {
    return request;
  }

  /** The TTL attribute, or null. */
  public String ttlAttribute() {
    return ttlAttribute;
  }

  public List<FixtureRef> fixtures() {
    return fixtures;
  }

  /** The enhanced-client bean class, or null. */
  public Class<?> bean() {
    return bean;
  }

  /** The regions of its replicas (a global table), or none. */
  public List<String> replicas() {
    return replicas;
  }

  /** Where it was declared, for messages. */
  public String declaredBy() {
    return declaredBy;
  }

  /** The declared type of every key attribute of the table and its indexes. */
  public Map<String, ScalarAttributeType> keyTypes() {
    Map<String, ScalarAttributeType> types = new LinkedHashMap<>();
    for (AttributeDefinition definition : request.attributeDefinitions()) {
      types.put(definition.attributeName(), definition.attributeType());
    }
    return types;
  }

  public String partitionKey() {
    return keyName(KeyType.HASH);
  }

  /** The sort key attribute, or null. */
  public String sortKey() {
    return keyName(KeyType.RANGE);
  }

  private String keyName(KeyType type) {
    for (KeySchemaElement element : request.keySchema()) {
      if (element.keyType() == type) {
        return element.attributeName();
      }
    }
    return null;
  }
}
