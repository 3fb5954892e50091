package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** SSESpecification on CreateTable and UpdateTable, described as SSEDescription, carried through backups. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptionTest {
  private static final String KMS = "arn:aws:kms:us-east-1:000000000000:key/";
  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private int tables;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
  }

  @AfterAll
  void stop() {
    dynamo.close();
  }

  private String create(SSESpecification sse) {
    String name = "sse" + tables++;
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)).sseSpecification(sse));
    return name;
  }

  private SSEDescription described(String name) {
    return client.describeTable(r -> r.tableName(name)).table().sseDescription();
  }

  static Stream<Arguments> specifications() {
    return Stream.of(
        Arguments.of(SSESpecification.builder().enabled(false).build(), null),
        Arguments.of(SSESpecification.builder().enabled(true).build(), "managed"),
        Arguments.of(SSESpecification.builder().enabled(true).sseType(SSEType.KMS).kmsMasterKeyId("1234abcd").build(),
            KMS + "1234abcd"),
        Arguments.of(SSESpecification.builder().enabled(true).kmsMasterKeyId(KMS + "feed").build(), KMS + "feed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specifications")
  void createTableDescribesIt(SSESpecification sse, String keyArn) {
    String name = create(sse);
    SSEDescription description = described(name);
    if (keyArn == null) {
      assertThat(description).isNull();
    } else {
      assertThat(description.status().toString()).isEqualTo("ENABLED");
      assertThat(description.sseType()).isEqualTo(SSEType.KMS);
      assertThat(description.kmsMasterKeyArn()).startsWith(KMS);
      if (!keyArn.equals("managed")) {
        assertThat(description.kmsMasterKeyArn()).isEqualTo(keyArn);
      }
    }
  }

  @Test
  void invalidSpecifications() {
    assertValidation(() -> create(SSESpecification.builder().enabled(false).sseType(SSEType.KMS).build()),
        "One or more parameter values were invalid: SSEType can not be specified if Enabled is false");
    assertValidation(() -> create(SSESpecification.builder().enabled(true).sseType(SSEType.AES256).build()),
        "One or more parameter values were invalid: SSEType AES256 is not supported");
  }

  @Test
  void updateTableSwitchesKeys() {
    String name = create(null);
    assertValidation(() -> client.updateTable(r -> r.tableName(name).sseSpecification(s -> s.enabled(false))),
        "Table is already encrypted by default");
    client.updateTable(r -> r.tableName(name).sseSpecification(s -> s.enabled(true).kmsMasterKeyId("k1")));
    assertThat(described(name).kmsMasterKeyArn()).isEqualTo(KMS + "k1");
    assertValidation(() -> client.updateTable(r -> r.tableName(name).sseSpecification(s -> s.enabled(true).kmsMasterKeyId("k1"))),
        "Table is already encrypted with the given KMS key");
    client.putItem(r -> r.tableName(name).item(item("pk", "1")));
    String backup = client.createBackup(r -> r.tableName(name).backupName("before-switch")).backupDetails().backupArn();
    client.updateTable(r -> r.tableName(name).sseSpecification(s -> s.enabled(false)));
    assertThat(described(name)).isNull();
    client.restoreTableFromBackup(r -> r.backupArn(backup).targetTableName(name + "-restored"));
    assertThat(described(name + "-restored").kmsMasterKeyArn()).isEqualTo(KMS + "k1");
    client.restoreTableFromBackup(r -> r.backupArn(backup).targetTableName(name + "-default")
        .sseSpecificationOverride(s -> s.enabled(false)));
    assertThat(described(name + "-default")).isNull();
  }
}
