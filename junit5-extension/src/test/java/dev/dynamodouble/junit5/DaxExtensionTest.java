package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A DAX cluster per class, the real DAX client injected, caches on the endpoint's clock and emptied by the reset. */
@DynamoDoubleTest(clock = "manual")
@Dax(itemTtl = "PT1M")
@DynamoTable(name = "prices", partitionKey = "sku")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaxExtensionTest {
  @Dax
  DynamoDbClient daxField;

  static Map<String, AttributeValue> price(DynamoDbClient client) {
    return client.getItem(r -> r.tableName("prices").key(item("sku", "a"))).item();
  }

  @Test
  @Order(1)
  void aDirectWriteStaysInvisibleThroughDaxUntilTheItemTtlPasses(@Dax DynamoDbClient dax, DynamoDbClient dynamo,
                                                                 ManualClock clock) {
    dynamo.putItem(r -> r.tableName("prices").item(item("sku", "a", "price", 1)));
    assertThat(price(dax)).isEqualTo(item("sku", "a", "price", 1));
    dynamo.putItem(r -> r.tableName("prices").item(item("sku", "a", "price", 2)));
    assertThat(price(dax)).as("cached").isEqualTo(item("sku", "a", "price", 1));
    clock.advance(Duration.ofSeconds(59));
    assertThat(price(dax)).as("still cached").isEqualTo(item("sku", "a", "price", 1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(price(dax)).as("expired: read from the table").isEqualTo(item("sku", "a", "price", 2));
  }

  @Test
  @Order(2)
  void aWriteThroughDaxIsCached(@Dax DynamoDbClient dax) {
    dax.putItem(r -> r.tableName("prices").item(item("sku", "a", "price", 3)));
    assertThat(price(dax)).isEqualTo(item("sku", "a", "price", 3));
  }

  @Test
  @Order(3)
  void theResetBeforeEachTestEmptiesTheCaches(@Dax DynamoDbClient dax, DynamoDbClient dynamo) {
    // The previous test cached price 3 for a; the reset emptied the table and the caches.
    assertThat(price(dax)).isEmpty();
    dynamo.putItem(r -> r.tableName("prices").item(item("sku", "a", "price", 4)));
    assertThat(price(dax)).as("the miss was cached").isEmpty();
  }

  @Test
  void theFieldTheParameterAndTheUrlAreTheClassCluster(@Dax DynamoDbClient dax, @Dax URI url) {
    assertThat(daxField).isSameAs(dax);
    assertThat(url.toString()).startsWith("dax://127.0.0.1:");
  }

  @Nested
  class AnInnerClass {
    @Test
    void usesTheSameCluster(@Dax DynamoDbClient dax, DynamoDbClient dynamo) {
      assertThat(dax).isSameAs(daxField);
      dax.putItem(r -> r.tableName("prices").item(item("sku", "a", "price", 5)));
      dynamo.putItem(r -> r.tableName("prices").item(item("sku", "a", "price", 6)));
      assertThat(price(dax)).isEqualTo(item("sku", "a", "price", 5));
    }
  }

  @Test
  void aClassWithoutDaxCannotHaveItsClient() {
    Throwable failure = TestKit.firstFailure(TestKit.execute(WithoutDax.class));
    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("WithoutDax runs no DAX cluster; annotate the class with @Dax");
  }

  @TestKitOnly
  @DynamoTable(name = "things", partitionKey = "pk")
  static class WithoutDax {
    @Test
    void test(@Dax DynamoDbClient dax) {
      dax.listTables();
    }
  }

  @Test
  void withAuthOnTheInjectedClientSignsWithTheExtensionsOwnKey() {
    TestKit.assertAllPassed(TestKit.execute(WithAuth.class));
  }

  @TestKitOnly
  @Dax
  @DynamoIdentity(accessKeyId = "READER", principal = "arn:aws:iam::123456789012:user/reader")
  @DynamoTable(name = "things", partitionKey = "pk")
  static class WithAuth {
    @Test
    void test(@Dax DynamoDbClient dax) {
      dax.putItem(r -> r.tableName("things").item(item("pk", "a")));
      assertThat(dax.getItem(r -> r.tableName("things").key(item("pk", "a"))).item()).isEqualTo(item("pk", "a"));
    }
  }
}
