package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static dev.dynamodouble.core.sdk.SdkTestSupport.repeat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** CreateTable: key schema, attribute definitions, billing, throughput, tags, and index validation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreateTableTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private int counter;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().clock(DynamoClock.manual(T0)).start();
    client = SdkTestSupport.client(dynamo);
  }

  @AfterAll
  void stop() {
    client.close();
    dynamo.close();
  }

  private String name() {
    return "create-" + (++counter);
  }

  private static ProvisionedThroughput throughput(long read, long write) {
    return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
  }

  private static Projection projection(ProjectionType type, String... nonKey) {
    Projection.Builder p = Projection.builder().projectionType(type);
    if (nonKey.length > 0) {
      p.nonKeyAttributes(nonKey);
    }
    return p.build();
  }

  /** A valid on-demand request for a table with a string hash key "pk", changed by {@code change}. */
  private CreateTableRequest request(Consumer<CreateTableRequest.Builder> change) {
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name())
        .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST);
    change.accept(b);
    return b.build();
  }

  /** A valid on-demand request for a table with keys pk (S) and sk (S) plus index attribute "alt" (S). */
  private CreateTableRequest indexed(Consumer<CreateTableRequest.Builder> change) {
    return request(b -> {
      b.keySchema(hash("pk"), range("sk")).attributeDefinitions(attr("pk", ScalarAttributeType.S),
          attr("sk", ScalarAttributeType.S), attr("alt", ScalarAttributeType.S));
      change.accept(b);
    });
  }

  private static LocalSecondaryIndex lsi(String name, String rangeKey, Projection projection) {
    return LocalSecondaryIndex.builder().indexName(name).keySchema(hash("pk"), range(rangeKey))
        .projection(projection).build();
  }

  private static GlobalSecondaryIndex gsi(String name, List<KeySchemaElement> keys, Projection projection) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys).projection(projection).build();
  }

  private void rejects(CreateTableRequest request, String message) {
    assertValidation(() -> client.createTable(request), message);
  }

  @Test
  void onDemandTableDescription() {
    TableDescription t = client.createTable(request(b -> b.tableName("orders"))).tableDescription();

    assertThat(t.tableName()).isEqualTo("orders");
    assertThat(t.tableStatus()).isEqualTo(TableStatus.CREATING);
    assertThat(t.keySchema()).containsExactly(hash("pk"));
    assertThat(t.attributeDefinitions()).containsExactly(attr("pk", ScalarAttributeType.S));
    assertThat(t.creationDateTime()).isEqualTo(T0);
    assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    // The CreateTable answer has neither yet; DescribeTable has both.
    assertThat(t.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isNull();
    assertThat(t.warmThroughput()).isNull();
    assertThat(t.provisionedThroughput().readCapacityUnits()).isZero();
    assertThat(t.provisionedThroughput().writeCapacityUnits()).isZero();
    assertThat(t.provisionedThroughput().numberOfDecreasesToday()).isZero();
    assertThat(t.itemCount()).isZero();
    assertThat(t.tableSizeBytes()).isZero();
    assertThat(t.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders");
    assertThat(t.tableId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(t.deletionProtectionEnabled()).isFalse();
    assertThat(t.hasLocalSecondaryIndexes()).isFalse();
    assertThat(t.hasGlobalSecondaryIndexes()).isFalse();
  }

  @Test
  void provisionedTableDescription() {
    TableDescription t = client.createTable(request(b -> b.billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(throughput(5, 7)))).tableDescription();
    // A table that has only ever been PROVISIONED has no BillingModeSummary.
    assertThat(t.billingModeSummary()).isNull();
    assertThat(t.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
    assertThat(t.provisionedThroughput().writeCapacityUnits()).isEqualTo(7);
    assertThat(t.provisionedThroughput().numberOfDecreasesToday()).isZero();
    assertThat(t.provisionedThroughput().lastIncreaseDateTime()).isNull();
    TableDescription described = client.describeTable(r -> r.tableName(t.tableName())).table();
    assertThat(described.billingModeSummary()).isNull();
    assertThat(described.warmThroughput().readUnitsPerSecond()).isEqualTo(5);
    assertThat(described.warmThroughput().writeUnitsPerSecond()).isEqualTo(7);
  }

  @Test
  void provisionedIsTheDefaultBillingMode() {
    TableDescription t = client.createTable(request(b -> b.billingMode((String) null)
        .provisionedThroughput(throughput(1, 1)))).tableDescription();
    assertThat(t.billingModeSummary()).isNull();
    assertThat(t.provisionedThroughput().readCapacityUnits()).isEqualTo(1);
  }

  @Test
  void compositeKeysOfEveryScalarType() {
    TableDescription t = client.createTable(request(b -> b.keySchema(hash("id"), range("at"))
        .attributeDefinitions(attr("id", ScalarAttributeType.B), attr("at", ScalarAttributeType.N))))
        .tableDescription();
    assertThat(t.keySchema()).containsExactly(hash("id"), range("at"));
    assertThat(t.attributeDefinitions()).containsExactlyInAnyOrder(attr("id", ScalarAttributeType.B),
        attr("at", ScalarAttributeType.N));
  }

  @Test
  void tagsTableClassAndDeletionProtectionAreAccepted() {
    TableDescription t = client.createTable(request(b -> b.tags(Tag.builder().key("team").value("a").build())
        .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS).deletionProtectionEnabled(true))).tableDescription();
    assertThat(t.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    assertThat(t.deletionProtectionEnabled()).isTrue();
  }

  @Test
  void localAndGlobalSecondaryIndexesAreDescribed() {
    TableDescription t = client.createTable(indexed(b -> b.tableName("indexed")
        .localSecondaryIndexes(lsi("byAlt", "alt", projection(ProjectionType.INCLUDE, "y", "x")))
        .globalSecondaryIndexes(gsi("byAltGlobal", List.of(hash("alt"), range("sk")),
            projection(ProjectionType.KEYS_ONLY))))).tableDescription();

    LocalSecondaryIndexDescription l = t.localSecondaryIndexes().get(0);
    assertThat(l.indexName()).isEqualTo("byAlt");
    assertThat(l.keySchema()).containsExactly(hash("pk"), range("alt"));
    assertThat(l.projection()).isEqualTo(projection(ProjectionType.INCLUDE, "x", "y")); // listed by name
    assertThat(l.indexArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/indexed/index/byAlt");
    assertThat(l.itemCount()).isZero();
    assertThat(l.indexSizeBytes()).isZero();

    GlobalSecondaryIndexDescription g = t.globalSecondaryIndexes().get(0);
    assertThat(g.indexName()).isEqualTo("byAltGlobal");
    assertThat(g.keySchema()).containsExactly(hash("alt"), range("sk"));
    assertThat(g.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    assertThat(g.indexStatus()).isEqualTo(IndexStatus.CREATING);
    assertThat(g.backfilling()).isNull();
    assertThat(g.provisionedThroughput().readCapacityUnits()).isZero();
    assertThat(g.indexArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/indexed/index/byAltGlobal");
    assertThat(g.warmThroughput()).isNull();

    TableDescription described = client.describeTable(r -> r.tableName("indexed")).table();
    assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(described.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
  }

  @Test
  void provisionedGlobalIndexesCarryTheirThroughput() {
    TableDescription t = client.createTable(indexed(b -> b.billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(throughput(1, 1))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("alt", ScalarAttributeType.N))
        .keySchema(hash("pk"))
        .globalSecondaryIndexes(gsi("gsi1", List.of(hash("alt")), projection(ProjectionType.ALL)).toBuilder()
            .provisionedThroughput(throughput(3, 4)).build()))).tableDescription();
    assertThat(t.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits()).isEqualTo(3);
    assertThat(t.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits()).isEqualTo(4);
  }

  @Test
  void anExistingTableIsInUse() {
    client.createTable(request(b -> b.tableName("twice")));
    assertError(() -> client.createTable(request(b -> b.tableName("twice"))), "ResourceInUseException",
        "Table already exists: twice");
  }

  @Test
  void tableNameRules() {
    rejects(request(b -> b.tableName(null)), "The parameter 'TableName' is required but was not present in the request");
    rejects(request(b -> b.tableName("ab")), "1 validation error detected: Value 'ab' at 'tableName' failed to "
        + "satisfy constraint: Member must have length greater than or equal to 3");
    rejects(request(b -> b.tableName("bad table!")), "1 validation error detected: Value 'bad table!' at "
        + "'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    String longName = repeat('a', 256);
    rejects(request(b -> b.tableName(longName)), "1 validation error detected: Value '" + longName + "' at "
        + "'tableName' failed to satisfy constraint: Member must have length less than or equal to 255");
    rejects(request(b -> b.tableName("a;")), "2 validation errors detected: Value 'a;' at 'tableName' failed to "
        + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at "
        + "'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
    // Every allowed character, at both length limits.
    assertThat(client.createTable(request(b -> b.tableName("a-Z.0_"))).tableDescription().tableName())
        .isEqualTo("a-Z.0_");
    assertThat(client.createTable(request(b -> b.tableName(repeat('x', 255)))).tableDescription().tableName())
        .hasSize(255);
    assertThat(client.createTable(request(b -> b.tableName("abc"))).tableDescription().tableName()).isEqualTo("abc");
  }

  @Test
  void keySchemaShape() {
    rejects(request(b -> b.keySchema((List<KeySchemaElement>) null)), "1 validation error detected: Value null at "
        + "'keySchema' failed to satisfy constraint: Member must not be null");
    rejects(request(b -> b.keySchema(List.of())), "1 validation error detected: Value '[]' at 'keySchema' failed "
        + "to satisfy constraint: Member must have length greater than or equal to 1");
    rejects(request(b -> b.keySchema(KeySchemaElement.builder().attributeName("pk").keyType("INVALID").build())),
        "1 validation error detected: Value 'INVALID' at 'keySchema.1.member.keyType' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [HASH, RANGE]");
    rejects(request(b -> b.keySchema(KeySchemaElement.builder().build())), "2 validation errors detected: "
        + "Value null at 'keySchema.1.member.attributeName' failed to satisfy constraint: Member must not be null; "
        + "Value null at 'keySchema.1.member.keyType' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void attributeDefinitionShape() {
    rejects(request(b -> b.attributeDefinitions((List<software.amazon.awssdk.services.dynamodb.model.AttributeDefinition>) null)),
        "1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: "
            + "Member must not be null");
    rejects(request(b -> b.attributeDefinitions(software.amazon.awssdk.services.dynamodb.model.AttributeDefinition
        .builder().attributeName("pk").attributeType("INVALID").build())),
        "1 validation error detected: Value 'INVALID' at 'attributeDefinitions.1.member.attributeType' failed to "
            + "satisfy constraint: Member must satisfy enum value set: [B, N, S]");
    rejects(request(b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("pk", ScalarAttributeType.S))),
        "Attribute Name is duplicated: pk");
  }

  @Test
  void keySchemaAgainstDefinitions() {
    rejects(request(b -> b.attributeDefinitions(attr("other", ScalarAttributeType.S))),
        "One or more parameter values were invalid: Some index key attributes are not defined in "
            + "AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]");
    rejects(request(b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("extra", ScalarAttributeType.N))),
        "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match "
            + "number of attributes defined in AttributeDefinitions");
    rejects(request(b -> b.keySchema(hash("pk"), range("sk"))),
        "Invalid KeySchema: Some index key attribute have no definition");
    rejects(request(b -> b.keySchema(hash("pk"), range("pk"))),
        "Invalid KeySchema: Some index key attribute have no definition");
    rejects(request(b -> b.keySchema(hash("pk"), range("pk"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S))),
        "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    rejects(request(b -> b.keySchema(range("pk"))), "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    rejects(request(b -> b.keySchema(hash("pk"), hash("sk"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S))),
        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
  }

  @Test
  void billingModeAndThroughput() {
    rejects(request(b -> b.billingMode("FREE")), "1 validation error detected: Value 'FREE' at 'billingMode' failed "
        + "to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
    rejects(request(b -> b.provisionedThroughput(throughput(5, 5))), "One or more parameter values were invalid: "
        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    rejects(request(b -> b.billingMode(BillingMode.PROVISIONED)), "One or more parameter values were invalid: "
        + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    rejects(request(b -> b.billingMode((String) null)), "One or more parameter values were invalid: "
        + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    rejects(request(b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(0, 1))),
        "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy "
            + "constraint: Member must have value greater than or equal to 1");
    rejects(request(b -> b.billingMode(BillingMode.PROVISIONED)
            .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).build())),
        "1 validation error detected: Value null at 'provisionedThroughput.writeCapacityUnits' failed to satisfy "
            + "constraint: Member must not be null");
    rejects(request(b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(1_000_000_000_001L, 1))),
        "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
    rejects(request(b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(1, 1_000_000_000_001L))),
        "Given value 1000000000001 for WriteCapacityUnits is out of bounds");
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  @Test
  void tagRules() {
    rejects(request(b -> b.tags(Tag.builder().value("v").build())), "The Tag Key provided is invalid, Key: null");
    rejects(request(b -> b.tags(Tag.builder().key("k").build())), "The Tag Value provided is invalid, Value: null");
    rejects(request(b -> b.tags(tag("aws:owner", "me"))), "Tag Key cannot be prefixed with aws:, Key: aws:owner");
    rejects(request(b -> b.tags(tag("k", "1"), tag("k", "2"))),
        "Duplicate Tag Keys provided as input: Duplicate Tag Key found k");
    List<Tag> many = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      many.add(tag("k" + i, "v"));
    }
    rejects(request(b -> b.tags(many)), "Number of Tags exceed the current limit for the provided ResourceArn");
    String longKey = repeat('k', 129);
    rejects(request(b -> b.tags(tag(longKey, "v"))), "1 validation error detected: Value '" + longKey + "' at "
        + "'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128");
    assertThat(client.createTable(request(b -> b.tags(many.subList(0, 50)).tags(tag("k", ""))))
        .tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);
  }

  @Test
  void tableClassMustBeKnown() {
    rejects(request(b -> b.tableClass("GLACIER")), "Invalid table-class parameter provided. Please try again with a "
        + "valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
  }

  @Test
  void localIndexRules() {
    rejects(request(b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("alt", ScalarAttributeType.S))
            .localSecondaryIndexes(lsi("lsi1", "alt", projection(ProjectionType.ALL)))),
        "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required "
            + "when specifying a LocalSecondaryIndex");
    rejects(indexed(b -> b.localSecondaryIndexes(List.of())
            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S))),
        "One or more parameter values were invalid: List of LocalSecondaryIndexes is empty");
    rejects(indexed(b -> b.localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi1")
            .keySchema(hash("alt"), range("sk")).projection(projection(ProjectionType.ALL)).build())),
        "One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as "
            + "table KeySchema for index: lsi1. index hash key: alt, table hash key: pk");
    rejects(indexed(b -> b.localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi1")
            .keySchema(hash("pk")).projection(projection(ProjectionType.ALL)).build())
            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S))),
        "One or more parameter values were invalid: Index KeySchema does not have a range key for index: lsi1");
    rejects(indexed(b -> b.localSecondaryIndexes(lsi("same", "alt", projection(ProjectionType.ALL)),
            lsi("same", "alt", projection(ProjectionType.KEYS_ONLY)))),
        "One or more parameter values were invalid: Duplicate index name: same");
    List<LocalSecondaryIndex> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(lsi("lsi" + i, "alt", projection(ProjectionType.KEYS_ONLY)));
    }
    rejects(indexed(b -> b.localSecondaryIndexes(six)),
        "One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of 5");
  }

  @Test
  void globalIndexRules() {
    rejects(indexed(b -> b.globalSecondaryIndexes(List.of())
            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S))),
        "One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty");
    rejects(indexed(b -> b.globalSecondaryIndexes(gsi("gsi1", List.of(hash("nope")), projection(ProjectionType.ALL)))),
        "One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions: "
            + "[pk, sk, alt], keys used: [pk, sk, nope]");
    rejects(indexed(b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S))
            .globalSecondaryIndexes(gsi("gsi1", List.of(hash("alt")), projection(ProjectionType.ALL)))),
        "One or more parameter values were invalid: Some index key attributes are not defined in "
            + "AttributeDefinitions. Keys: [alt], AttributeDefinitions: [pk, sk]");
    rejects(indexed(b -> b.globalSecondaryIndexes(gsi("gsi1", List.of(hash("alt")), projection(ProjectionType.INCLUDE)))),
        "One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    rejects(indexed(b -> b.globalSecondaryIndexes(gsi("gsi1", List.of(hash("alt")),
            projection(ProjectionType.KEYS_ONLY, "x")))),
        "One or more parameter values were invalid: ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified");
    rejects(indexed(b -> b.globalSecondaryIndexes(gsi("gsi1", List.of(hash("alt")),
            projection(ProjectionType.INCLUDE, "x", "x")))),
        "One or more parameter values were invalid: Duplicate element in NonKeyAttributes: x");
    rejects(indexed(b -> b.globalSecondaryIndexes(gsi("gsi1", List.of(hash("alt")), Projection.builder().build()))),
        "One or more parameter values were invalid: Unknown ProjectionType: null");
    rejects(indexed(b -> b.globalSecondaryIndexes(gsi("gsi1", List.of(hash("alt")), projection(ProjectionType.ALL))
            .toBuilder().provisionedThroughput(throughput(1, 1)).build())),
        "One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: gsi1 "
            + "when BillingMode is PAY_PER_REQUEST");
    rejects(indexed(b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(1, 1))
            .globalSecondaryIndexes(gsi("gsi1", List.of(hash("alt")), projection(ProjectionType.ALL)))),
        "One or more parameter values were invalid: ProvisionedThroughput is not specified for index: gsi1");
    rejects(indexed(b -> b.globalSecondaryIndexes(gsi("gsi1", List.of(hash("alt")), projection(ProjectionType.ALL)),
            gsi("gsi1", List.of(hash("alt"), range("sk")), projection(ProjectionType.ALL)))),
        "One or more parameter values were invalid: Duplicate index name: gsi1");
    rejects(indexed(b -> b.globalSecondaryIndexes(gsi("g", List.of(hash("alt")), projection(ProjectionType.ALL)))),
        "1 validation error detected: Value 'g' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy "
            + "constraint: Member must have length greater than or equal to 3");
  }
}
