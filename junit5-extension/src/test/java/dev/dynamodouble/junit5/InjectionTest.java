package dev.dynamodouble.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What tests can ask for, as parameters or fields, and the errors for what cannot be supplied. */
@DynamoTable(name = "customers", bean = Customer.class)
@DynamoTable(name = "archived_customers", partitionKey = "id")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionTest {
  @DynamoInject
  DynamoDbAsyncClient asyncField;

  @DynamoInject
  DynamoDbEnhancedClient enhancedField;

  @DynamoInject
  DynamoDbTable<Customer> customersField;

  @DynamoInject(table = "archived_customers")
  DynamoDbAsyncTable<Customer> archivedField;

  @DynamoInject
  URI endpointField;

  DynamoDbClient fromBeforeAll;

  @BeforeAll
  void beforeAll(DynamoDbClient dynamo) {
    fromBeforeAll = dynamo;
  }

  @BeforeEach
  void beforeEach(DynamoDbTable<Customer> customers) {
    customers.putItem(new Customer("c-0", "first@example.com", "FR", 1L));
  }

  @Test
  void everyClientOfOneEndpointIsBuiltOnceAndShared(DynamoDbClient sync, DynamoDbAsyncClient async,
      DynamoDbEnhancedClient enhanced, DynamoDbEnhancedAsyncClient enhancedAsync, URI endpoint) {
    assertThat(sync).isSameAs(fromBeforeAll);
    assertThat(async).isSameAs(asyncField);
    assertThat(enhanced).isSameAs(enhancedField);
    assertThat(endpoint).isEqualTo(endpointField);
    assertThat(async.listTables().join().tableNames()).containsExactly("archived_customers", "customers");
    // In process by default: the clients never connect to the HTTP endpoint the URI names.
    assertThat(sync.serviceClientConfiguration().endpointOverride()).contains(dev.dynamodouble.sdk.InProcess.ENDPOINT);
    assertThat(enhancedAsync.table("customers", software.amazon.awssdk.enhanced.dynamodb.TableSchema
        .fromBean(Customer.class)).getItem(Key.builder().partitionValue("c-0").build()).join().getEmail())
        .isEqualTo("first@example.com");
  }

  @Test
  void tablesFoundByBeanOrByName(DynamoDbTable<Customer> byBean,
      @DynamoInject(table = "archived_customers") DynamoDbTable<Customer> byName) {
    assertThat(byBean.tableName()).isEqualTo("customers");
    assertThat(customersField.tableName()).isEqualTo("customers");
    assertThat(byName.tableName()).isEqualTo("archived_customers");
    assertThat(archivedField.tableName()).isEqualTo("archived_customers");
    byName.putItem(new Customer("c-9", "old@example.com", "DE", 2L));
    assertThat(archivedField.getItem(Key.builder().partitionValue("c-9").build()).join().getCountry()).isEqualTo("DE");
  }

  @Test
  void clientsAndEndpointAreClosedWithTheClass() {
    TestKit.assertAllPassed(TestKit.execute(Captures.class));
    assertThatThrownBy(() -> Captures.dynamo.endpoint()).isInstanceOf(IllegalStateException.class);
    // Closed client (Apache 5: "Connection pool shut down"), or closed endpoint (URL connection client).
    assertThatThrownBy(() -> Captures.client.listTables())
        .isInstanceOfAny(IllegalStateException.class, SdkClientException.class);
  }

  @Test
  void whatCannotBeSupplied() {
    assertThat(failure(AnnotatedString.class)).isInstanceOf(ParameterResolutionException.class)
        .hasMessage("Cannot supply parameter 0 (java.lang.String) of AnnotatedString.test(...): Dynamo Double injects "
            + "DynamoDbClient, DynamoDbAsyncClient, DynamoDbStreamsClient, Triggers, DynamoDbEnhancedClient, "
            + "DynamoDbEnhancedAsyncClient, "
            + "DynamoDbTable<T>, DynamoDbAsyncTable<T>, URI, DynamoDouble, DynamoClock, ManualClock, java.time.Clock, "
            + "DynamoTables, Faults, CapacityEnforcement, "
            + "not java.lang.String");
    assertThat(failure(WhichTable.class)).isInstanceOf(ParameterResolutionException.class)
        .hasMessage("Cannot supply parameter 0 (software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable"
            + "<dev.dynamodouble.junit5.Shipment>) of WhichTable.test(...): which table? Name it with "
            + "@DynamoInject(table = \"...\"); the tables of WhichTable are first, second");
    assertThat(failure(RawTable.class)).isInstanceOf(ParameterResolutionException.class)
        .hasMessage("Cannot supply parameter 0 (software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable) of "
            + "RawTable.test(...): give its item type, as in DynamoDbTable<Order>, or declare the table with "
            + "@DynamoTable(bean = Order.class)");
    assertThat(failure(NotABean.class)).isInstanceOf(ParameterResolutionException.class)
        .hasMessageStartingWith("Cannot supply field NotABean.table: java.lang.String is not an enhanced-client bean "
            + "(@DynamoDbBean or @DynamoDbImmutable): ");
    assertThat(failure(FinalField.class)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Cannot inject field FinalField.dynamo: it is final");
  }

  private static Throwable failure(Class<?> testClass) {
    return TestKit.firstFailure(TestKit.execute(testClass));
  }

  @TestKitOnly
  @DynamoDoubleTest
  static class Captures {
    static DynamoDouble dynamo;
    static DynamoDbClient client;

    @Test
    void test(DynamoDouble d, DynamoDbClient c, DynamoClock clock, DynamoTables tables) {
      dynamo = d;
      client = c;
      assertThat(c.listTables().tableNames()).isEmpty();
      assertThat(tables.names()).isEqualTo(List.of());
    }
  }

  @TestKitOnly
  @DynamoDoubleTest
  static class AnnotatedString {
    @Test
    void test(@DynamoInject String nope) {}
  }

  @TestKitOnly
  @DynamoTable(name = "first", partitionKey = "id")
  @DynamoTable(name = "second", partitionKey = "id")
  static class WhichTable {
    @Test
    void test(DynamoDbTable<Shipment> table) {}
  }

  @TestKitOnly
  @DynamoTable(name = "first", partitionKey = "id")
  static class RawTable {
    @Test
    @SuppressWarnings("rawtypes")
    void test(DynamoDbTable table) {}
  }

  @TestKitOnly
  @DynamoTable(name = "first", partitionKey = "id")
  static class NotABean {
    @DynamoInject
    DynamoDbTable<String> table;

    @Test
    void test() {}
  }

  @TestKitOnly
  @DynamoDoubleTest
  static class FinalField {
    @DynamoInject
    final DynamoDbClient dynamo = null;

    @Test
    void test() {}
  }
}
