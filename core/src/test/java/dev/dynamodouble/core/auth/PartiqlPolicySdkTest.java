package dev.dynamodouble.core.auth;

import static dev.dynamodouble.core.auth.IamPolicySdkTest.policy;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.createTable;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;

/** PartiQL statements need dynamodb:PartiQLSelect / Insert / Update / Delete on the table they name. */
class PartiqlPolicySdkTest {
  @Test
  void partiqlActionsOnTheNamedTable() {
    String account = "123456789012";
    String orders = "arn:aws:dynamodb:us-east-1:" + account + ":table/orders";
    try (DynamoDouble dynamo = DynamoDouble.builder().auth(AuthConfig.of(
        Identity.of("AKIDADMIN", "admin-secret", "arn:aws:iam::" + account + ":root"),
        Identity.of("AKIDREAD", "read-secret", "arn:aws:iam::" + account + ":role/reader").withPolicy(policy("""
            {"Effect": "Allow", "Action": "dynamodb:PartiQLSelect", "Resource": "arn:aws:dynamodb:*:*:table/orders"}""")))).start();
         DynamoDbClient admin = AuthClients.client(dynamo, "AKIDADMIN", "admin-secret");
         DynamoDbClient reader = AuthClients.client(dynamo, "AKIDREAD", "read-secret")) {
      createTable(admin, "orders", "pk", null);
      admin.putItem(r -> r.tableName("orders").item(item("pk", "1")));
      assertThat(reader.executeStatement(r -> r.statement("SELECT * FROM \"orders\" WHERE pk = '1'")).items()).hasSize(1);
      String denied = "User: arn:aws:iam::" + account + ":role/reader is not authorized to perform: dynamodb:PartiQLInsert "
          + "on resource: " + orders + " because no identity-based policy allows the dynamodb:PartiQLInsert action";
      assertError(() -> reader.executeStatement(r -> r.statement("INSERT INTO orders VALUE {'pk': '2'}")),
          "AccessDeniedException", denied);
      assertError(() -> reader.batchExecuteStatement(r -> r.statements(
          BatchStatementRequest.builder().statement("SELECT * FROM orders WHERE pk = '1'").build(),
          BatchStatementRequest.builder().statement("INSERT INTO \"orders\" VALUE {'pk': '3'}").build())),
          "AccessDeniedException", denied);
      assertError(() -> reader.executeTransaction(r -> r.transactStatements(s -> s.statement(
          "DELETE FROM orders WHERE pk = '1'"))), "AccessDeniedException", denied.replace("PartiQLInsert", "PartiQLDelete"));
    }
  }

  /** A tenant's LeadingKeys condition holds for PartiQL as for GetItem and Query: the keys a statement addresses. */
  @Test
  void leadingKeysAreTheKeysAStatementAddresses() {
    String account = "123456789012";
    String orders = "arn:aws:dynamodb:us-east-1:" + account + ":table/orders";
    try (DynamoDouble dynamo = DynamoDouble.builder().auth(AuthConfig.of(
        Identity.of("AKIDADMIN", "admin-secret", "arn:aws:iam::" + account + ":root"),
        Identity.of("AKIDTENANT", "tenant-secret", "arn:aws:iam::" + account + ":role/tenant").withTag("tenant", "a")
            .withPolicy(policy("""
            {"Effect": "Allow", "Action": ["dynamodb:PartiQLSelect", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate"],
             "Resource": "arn:aws:dynamodb:*:*:table/orders",
             "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${aws:PrincipalTag/tenant}"]}}}""")))).start();
         DynamoDbClient admin = AuthClients.client(dynamo, "AKIDADMIN", "admin-secret");
         DynamoDbClient tenant = AuthClients.client(dynamo, "AKIDTENANT", "tenant-secret")) {
      createTable(admin, "orders", "pk", null);
      admin.putItem(r -> r.tableName("orders").item(item("pk", "b")));
      tenant.executeStatement(r -> r.statement("INSERT INTO orders VALUE {'pk': 'a'}"));
      assertThat(tenant.executeStatement(r -> r.statement("SELECT * FROM orders WHERE pk = ?")
          .parameters(item("pk", "a").get("pk"))).items()).hasSize(1);
      String denied = "User: arn:aws:iam::" + account + ":role/tenant is not authorized to perform: dynamodb:%s "
          + "on resource: " + orders + " because no identity-based policy allows the dynamodb:%s action";
      assertError(() -> tenant.executeStatement(r -> r.statement("SELECT * FROM orders WHERE pk = 'b'")),
          "AccessDeniedException", denied.formatted("PartiQLSelect", "PartiQLSelect"));
      assertError(() -> tenant.executeStatement(r -> r.statement("SELECT * FROM orders WHERE pk IN ['a', 'b']")),
          "AccessDeniedException", denied.formatted("PartiQLSelect", "PartiQLSelect"));
      assertError(() -> tenant.executeTransaction(r -> r.transactStatements(s -> s.statement(
          "UPDATE orders SET n = 1 WHERE pk = 'b'"))), "AccessDeniedException",
          denied.formatted("PartiQLUpdate", "PartiQLUpdate"));
    }
  }
}
