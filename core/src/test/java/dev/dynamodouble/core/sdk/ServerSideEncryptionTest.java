package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** SSESpecification: the default AWS owned key and the request's shape (KMS keys: {@link EncryptionTest}). */
class ServerSideEncryptionTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private void create(String name, Consumer<SSESpecification.Builder> sse) {
    client.createTable(r -> r.tableName(name).keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST).sseSpecification(sse));
  }

  @Test
  void theDefaultAwsOwnedKeyIsAccepted() {
    create("owned", s -> s.enabled(false));
    assertThat(client.describeTable(r -> r.tableName("owned")).table().sseDescription()).isNull();
  }

  @Test
  void anSseTypeOutsideTheEnumIsAValidationError() {
    assertValidation(() -> create("bad", s -> s.enabled(true).sseType("ROT13")),
        "1 validation error detected: Value 'ROT13' at 'sSESpecification.sSEType' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [AES256, KMS]");
    SdkTestSupport.createTable(client, "sse", "pk", null);
    assertValidation(() -> client.updateTable(r -> r.tableName("sse").sseSpecification(s -> s.sseType("ROT13"))),
        "1 validation error detected: Value 'ROT13' at 'sSESpecification.sSEType' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [AES256, KMS]");
  }

  @Test
  void sseTypeWithoutEnabledAndAes256AreRefusedAsDynamoDbRefusesThem() {
    assertValidation(() -> create("sse", s -> s.enabled(false).sseType("KMS")),
        "One or more parameter values were invalid: SSEType can not be specified if Enabled is false");
    assertValidation(() -> create("sse", s -> s.enabled(true).sseType("AES256")),
        "One or more parameter values were invalid: SSEType AES256 is not supported");
  }
}
