package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.junit5.Billing;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.FixtureFormat;
import dev.dynamodouble.junit5.Index;
import dev.dynamodouble.junit5.KeyType;
import dev.dynamodouble.junit5.StreamView;
import dev.dynamodouble.junit5.internal.AnnotationSearch.Found;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.enhanced.dynamodb.IndexMetadata;
import software.amazon.awssdk.enhanced.dynamodb.KeyAttributeMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Turns the {@link DynamoTable} annotations of a class into table declarations. */
public final class TableDeclarations {
  private TableDeclarations() {}

  /** The tables declared on {@code testClass}, its superclasses and meta-annotations (not enclosing classes). */
  public static List<TableDeclaration> declaredOn(Class<?> testClass) {
    Map<String, TableDeclaration> byName = new LinkedHashMap<>();
    Map<String, DynamoTable> annotations = new LinkedHashMap<>();
    for (Found<DynamoTable> found : AnnotationSearch.onClassHierarchy(testClass, DynamoTable.class)) {
      TableDeclaration declaration = from(found, testClass);
      TableDeclaration earlier = byName.get(declaration.name());
      if (earlier != null) {
        if (annotations.get(declaration.name()).equals(found.annotation())) {
          continue; // the same annotation reached twice, e.g. through a meta-annotation and its use
        }
        throw new ExtensionConfigurationException("Table \"" + declaration.name() + "\" is declared twice: by "
            + earlier.declaredBy() + " and by " + declaration.declaredBy());
      }
      byName.put(declaration.name(), declaration);
      annotations.put(declaration.name(), found.annotation());
    }
    return new ArrayList<>(byName.values());
  }

  static TableDeclaration from(Found<DynamoTable> found, Class<?> testClass) {
    DynamoTable a = found.annotation();
    String where = found.describe();
    CreateTableRequest.Builder request;
    if (!a.definition().isEmpty()) {
      request = fromDefinition(a, found, testClass);
    } else if (a.bean() != void.class) {
      request = fromBean(a, where);
    } else {
      request = fromAttributes(a, where);
    }
    if (a.stream() != StreamView.NONE) {
      request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
          .streamViewType(StreamViewType.fromValue(a.stream().name())).build());
    }
    CreateTableRequest built = request.build();
    if (built.tableName() == null || built.tableName().isEmpty()) {
      throw new ExtensionConfigurationException(where + ": the table needs a name");
    }
    String declaredBy = "@DynamoTable(name = \"" + built.tableName() + "\")" + where.substring("@DynamoTable".length());
    List<FixtureRef> fixtures = new ArrayList<>();
    for (String path : a.fixtures()) {
      fixtures.add(new FixtureRef(path, built.tableName(), FixtureFormat.AUTO, found.anchor(), declaredBy));
    }
    return new TableDeclaration(built, a.ttlAttribute().isEmpty() ? null : a.ttlAttribute(), fixtures,
        a.bean() == void.class ? null : a.bean(), declaredBy, List.of(a.replicas()))
        .capacityEnforced(a.capacityEnforced()).strongConsistency(a.strongConsistency(), a.witness());
  }

  private static CreateTableRequest.Builder fromDefinition(DynamoTable a, Found<DynamoTable> found, Class<?> testClass) {
    String where = found.describe();
    if (a.bean() != void.class) {
      throw new ExtensionConfigurationException(where + ": definition and bean are two ways to declare a table; "
          + "use one");
    }
    if (!a.partitionKey().isEmpty() || !a.sortKey().isEmpty() || a.lsi().length > 0 || a.gsi().length > 0) {
      throw new ExtensionConfigurationException(where + ": with definition = \"" + a.definition()
          + "\", the keys and indexes come from that file; remove partitionKey, sortKey, lsi and gsi");
    }
    ResourceLocator.Resource resource = ResourceLocator.require("Table definition", a.definition(), found.anchor(),
        testClass, where);
    CreateTableRequest.Builder request = CreateTableJson.read(resource);
    if (!a.name().isEmpty()) {
      request.tableName(a.name());
    }
    return request;
  }

  private static CreateTableRequest.Builder fromAttributes(DynamoTable a, String where) {
    if (a.name().isEmpty()) {
      throw new ExtensionConfigurationException(where + ": the table needs a name (or a definition file)");
    }
    if (a.partitionKey().isEmpty()) {
      throw new ExtensionConfigurationException(where + ": table " + a.name() + " needs a partitionKey");
    }
    List<IndexSpec> indexes = new ArrayList<>();
    for (Index index : a.lsi()) {
      indexes.add(spec(index, false, where));
    }
    for (Index index : a.gsi()) {
      indexes.add(spec(index, true, where));
    }
    return new CreateTableBuilder(where).build(a.name(), a.partitionKey(), type(a.partitionKeyType()),
        a.sortKey().isEmpty() ? null : a.sortKey(), type(a.sortKeyType()), indexes,
        a.billingMode() == Billing.PROVISIONED, a.readCapacity(), a.writeCapacity());
  }

  private static CreateTableRequest.Builder fromBean(DynamoTable a, String where) {
    if (a.name().isEmpty()) {
      throw new ExtensionConfigurationException(where + ": a table declared from bean " + a.bean().getSimpleName()
          + " needs a name");
    }
    if (!a.partitionKey().isEmpty() || !a.sortKey().isEmpty()) {
      throw new ExtensionConfigurationException(where + ": with bean = " + a.bean().getSimpleName()
          + ".class, the keys come from the bean; remove partitionKey and sortKey");
    }
    TableMetadata metadata;
    try {
      metadata = TableSchema.fromClass(a.bean()).tableMetadata();
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException(where + ": " + a.bean().getName()
          + " is not an enhanced-client bean: " + e.getMessage(), e);
    }
    String partitionKey = metadata.primaryPartitionKey();
    String sortKey = metadata.primarySortKey().orElse(null);
    Map<String, IndexSpec> settings = new LinkedHashMap<>();
    for (Index index : a.lsi()) {
      settings.put(index.name(), spec(index, false, where));
    }
    for (Index index : a.gsi()) {
      settings.put(index.name(), spec(index, true, where));
    }
    List<IndexSpec> indexes = new ArrayList<>();
    for (IndexMetadata index : metadata.indices()) {
      if (index.name().equals(TableMetadata.primaryIndexName())) {
        continue;
      }
      List<IndexSpec.KeyPart> partition = parts(index.partitionKeys());
      boolean global = !partition.isEmpty()
          && !(partition.size() == 1 && partition.get(0).name().equals(partitionKey));
      IndexSpec spec = new IndexSpec(index.name(), global, global ? partition : List.of(), parts(index.sortKeys()),
          ProjectionType.ALL, List.of(), 0, 0);
      IndexSpec override = settings.remove(index.name());
      indexes.add(override == null ? spec : spec.withSettingsOf(override));
    }
    indexes.addAll(settings.values());
    return new CreateTableBuilder(where).build(a.name(), partitionKey,
        metadata.scalarAttributeType(partitionKey).orElse(ScalarAttributeType.S), sortKey,
        sortKey == null ? null : metadata.scalarAttributeType(sortKey).orElse(ScalarAttributeType.S), indexes,
        a.billingMode() == Billing.PROVISIONED, a.readCapacity(), a.writeCapacity());
  }

  private static IndexSpec spec(Index index, boolean global, String where) {
    return new IndexSpec(index.name(), global,
        parts(index, "partition", index.partitionKey(), index.partitionKeyType(), index.partitionKeys(),
            index.partitionKeyTypes(), where),
        parts(index, "sort", index.sortKey(), index.sortKeyType(), index.sortKeys(), index.sortKeyTypes(), where),
        ProjectionType.fromValue(index.projection().name()), List.of(index.include()), index.readCapacity(),
        index.writeCapacity());
  }

  /** One key of an annotated index: a single attribute ({@code partitionKey}) or a list ({@code partitionKeys}). */
  private static List<IndexSpec.KeyPart> parts(Index index, String role, String single, KeyType singleType,
      String[] names, KeyType[] types, String where) {
    if (!single.isEmpty() && names.length > 0) {
      throw new ExtensionConfigurationException(where + ": index " + index.name() + " gives both " + role + "Key and "
          + role + "Keys; use one");
    }
    if (types.length > 0 && types.length != names.length) {
      throw new ExtensionConfigurationException(where + ": index " + index.name() + " has " + names.length + " "
          + role + "Keys but " + types.length + " " + role + "KeyTypes; give one type per attribute or none");
    }
    if (!single.isEmpty()) {
      return List.of(new IndexSpec.KeyPart(single, lenient(singleType)));
    }
    List<IndexSpec.KeyPart> parts = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      parts.add(new IndexSpec.KeyPart(names[i], types.length == 0 ? null : lenient(types[i])));
    }
    return parts;
  }

  /** The key attributes of a bean's index, in key order. */
  private static List<IndexSpec.KeyPart> parts(List<KeyAttributeMetadata> keys) {
    List<IndexSpec.KeyPart> parts = new ArrayList<>();
    for (KeyAttributeMetadata key : keys) {
      parts.add(new IndexSpec.KeyPart(key.name(), key.attributeValueType().scalarAttributeType()));
    }
    return parts;
  }

  private static ScalarAttributeType type(KeyType type) {
    return ScalarAttributeType.fromValue(type.name());
  }

  /** S is the default, so it does not override a type defined elsewhere. */
  private static ScalarAttributeType lenient(KeyType type) {
    return type == KeyType.S ? null : type(type);
  }
}
