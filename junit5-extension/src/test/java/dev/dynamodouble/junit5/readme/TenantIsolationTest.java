package dev.dynamodouble.junit5.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.junit5.DynamoIdentity;
import dev.dynamodouble.junit5.DynamoInject;
import dev.dynamodouble.junit5.DynamoTable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

@DynamoTable(name = "orders", partitionKey = "tenant", sortKey = "id")
@DynamoIdentity(accessKeyId = "TENANT_A", principal = "arn:aws:iam::123456789012:role/tenant",
    tags = "tenant=tenant-a", policy = """
        {"Version": "2012-10-17", "Statement": [{
          "Effect": "Allow",
          "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
          "Resource": "arn:aws:dynamodb:*:*:table/orders",
          "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${aws:PrincipalTag/tenant}"]}}}]}""")
class TenantIsolationTest {
  static Map<String, AttributeValue> order(String tenant, String id) {
    return Map.of("tenant", AttributeValue.fromS(tenant), "id", AttributeValue.fromS(id));
  }

  @Test
  void aTenantCannotReadAnotherTenantsPartition(DynamoDbClient admin,
      @DynamoInject(identity = "TENANT_A") DynamoDbClient tenantA) {
    admin.putItem(r -> r.tableName("orders").item(order("tenant-b", "1")));  // the account root may

    tenantA.putItem(r -> r.tableName("orders").item(order("tenant-a", "1")));
    assertThat(tenantA.getItem(r -> r.tableName("orders").key(order("tenant-a", "1"))).item()).isNotEmpty();

    assertThatThrownBy(() -> tenantA.getItem(r -> r.tableName("orders").key(order("tenant-b", "1"))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("User: arn:aws:iam::123456789012:role/tenant is not authorized to perform: "
                + "dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders "
                + "because no identity-based policy allows the dynamodb:GetItem action"));
    assertThatThrownBy(() -> tenantA.scan(r -> r.tableName("orders")))   // not granted at all
        .isInstanceOf(DynamoDbException.class);
  }
}
