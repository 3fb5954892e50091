package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Identities declared on the class, clients signed as them, over HTTPS. */
@DynamoTable(name = "orders", partitionKey = "tenant", sortKey = "id")
@DynamoIdentity(accessKeyId = "TENANT_A", principal = "arn:aws:iam::123456789012:role/tenant-a",
    policyFile = "tenant-policy.json", tags = "tenant=tenant-a")
@DynamoIdentity(accessKeyId = "TENANT_B", principal = "arn:aws:iam::123456789012:role/tenant-b",
    policyFile = "tenant-policy.json", tags = "tenant=tenant-b")
@DynamoSecurity(tls = true)
class SecurityTest {
  private static Map<String, AttributeValue> key(String tenant, String id) {
    return Map.of("tenant", AttributeValue.fromS(tenant), "id", AttributeValue.fromS(id));
  }

  @Test
  void aTenantReadsItsOwnPartitionOnly(DynamoDbClient admin, @DynamoInject(identity = "TENANT_A") DynamoDbClient tenantA,
                                       DynamoDouble dynamo) {
    assertThat(dynamo.endpoint().getScheme()).isEqualTo("https");
    admin.putItem(r -> r.tableName("orders").item(key("tenant-b", "1")));
    tenantA.putItem(r -> r.tableName("orders").item(key("tenant-a", "1")));
    assertThat(tenantA.getItem(r -> r.tableName("orders").key(key("tenant-a", "1"))).item()).isNotEmpty();
    assertThatThrownBy(() -> tenantA.getItem(r -> r.tableName("orders").key(key("tenant-b", "1"))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("User: arn:aws:iam::123456789012:role/tenant-a is not authorized to perform: dynamodb:GetItem "
                + "on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders because no identity-based "
                + "policy allows the dynamodb:GetItem action"));
  }

  @Test
  void tablesAndTheAdminClientBelongToTheIdentitiesAccount(DynamoDbClient admin,
                                                            @DynamoInject(identity = "TENANT_B") DynamoDbClient tenantB) {
    assertThat(admin.describeTable(r -> r.tableName("orders")).table().tableArn())
        .isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
    assertThatThrownBy(() -> tenantB.scan(r -> r.tableName("orders"))).isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("is not authorized to perform: dynamodb:Scan");
  }

  @Test
  void theAsyncClientTrustsTheGeneratedCertificateAndSignsAsTheRoot(DynamoDbAsyncClient async, DynamoDbClient admin,
                                                                   DynamoDouble dynamo) {
    assertThat(dynamo.endpoint().getScheme()).isEqualTo("https");
    async.putItem(r -> r.tableName("orders").item(key("tenant-c", "1"))).join();
    assertThat(admin.getItem(r -> r.tableName("orders").key(key("tenant-c", "1"))).hasItem()).isTrue();
    assertThat(async.getItem(r -> r.tableName("orders").key(key("tenant-c", "1"))).join().hasItem()).isTrue();
  }
}
