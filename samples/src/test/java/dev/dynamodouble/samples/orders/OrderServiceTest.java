package dev.dynamodouble.samples.orders;

import static dev.dynamodouble.junit5.DynamoAssertions.assertThat;
import static dev.dynamodouble.junit5.Items.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.junit5.CompareMode;
import dev.dynamodouble.junit5.DynamoFixture;
import dev.dynamodouble.junit5.DynamoTables;
import dev.dynamodouble.junit5.ExpectedItems;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The order service against real tables: every test starts from the customers and orders in the fixtures. */
@OrderTables
class OrderServiceTest {
  static final Instant NINE_AM = Instant.parse("2024-03-01T09:00:00Z");

  OrderService service;

  @BeforeEach
  void wire(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamo, Clock clock) {
    AtomicInteger ids = new AtomicInteger();
    service = new OrderService(new OrderRepository(enhanced, "orders"), new CustomerRepository(dynamo, "customers"),
        clock, () -> "o-" + ids.incrementAndGet());
  }

  @Test
  @ExpectedItems(value = "expected/placed.yml", compare = CompareMode.CONTAINS, ignore = {"createdAt", "updatedAt"})
  void placesAnOrderForAKnownCustomer(Clock clock) {
    Order order = service.place("c-ada", List.of(new OrderLine("BOOK-2", 2, new BigDecimal("12.00")),
        new OrderLine("PEN-7", 2, new BigDecimal("3.50"))));

    assertThat(order.getOrderId()).isEqualTo("o-1");
    assertThat(order.getTotal()).isEqualByComparingTo("31");
    assertThat(order.getCreatedAt()).isEqualTo(clock.instant());
  }

  @Test
  void refusesUnknownAndBlockedCustomers(DynamoTables tables) {
    List<OrderLine> lines = List.of(new OrderLine("BOOK-1", 1, BigDecimal.TEN));
    assertThatThrownBy(() -> service.place("c-nobody", lines)).hasMessage("unknown customer c-nobody");
    assertThatThrownBy(() -> service.place("c-mallory", lines)).hasMessage("customer c-mallory is blocked");
    assertThat(tables.table("orders")).hasSize(2);
  }

  @Test
  void paysThenShipsAsTimeGoesBy(ManualClock clock, DynamoTables tables) {
    // The reset puts items back but does not rewind the clock: times are relative to the test's start.
    Instant start = clock.now();
    assertThat(start).isAfterOrEqualTo(NINE_AM);
    service.pay("c-ada", "o-1001");
    clock.advance(Duration.ofHours(3));
    service.ship("c-ada", "o-1001");

    assertThat(tables.table("orders")).item(key("customerId", "c-ada", "orderId", "o-1001"))
        .hasString("status", "SHIPPED")
        .hasString("createdAt", "2024-02-28T10:00:00Z")
        .hasString("updatedAt", start.plus(Duration.ofHours(3)).toString());
  }

  @Test
  void cannotShipAnUnpaidOrder() {
    assertThatThrownBy(() -> service.ship("c-ada", "o-1001")).hasMessage("order o-1001 is NEW, not PAID");
  }

  @Test
  @DynamoFixture("shipped-order.yml")
  void cannotCancelAShippedOrder(DynamoTables tables) {
    assertThatThrownBy(() -> service.cancel("c-grace", "o-1002"))
        .hasMessage("order o-1002 has shipped; it cannot be cancelled");
    assertThat(tables.table("orders")).item(key("customerId", "c-grace", "orderId", "o-1002"))
        .hasString("status", "SHIPPED");
  }

  @Nested
  class Cancelling {
    @Test
    void aPaidOrder(DynamoTables tables) {
      Order cancelled = service.cancel("c-grace", "o-1002");

      assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(tables.table("orders").items(Order.class))
          .extracting(Order::getOrderId, Order::getStatus)
          .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("o-1001", OrderStatus.NEW),
              org.assertj.core.groups.Tuple.tuple("o-1002", OrderStatus.CANCELLED));
    }

    @Test
    void anOrderThatDoesNotExist() {
      assertThatThrownBy(() -> service.cancel("c-grace", "o-404")).hasMessage("no order o-404 for customer c-grace");
    }
  }
}
