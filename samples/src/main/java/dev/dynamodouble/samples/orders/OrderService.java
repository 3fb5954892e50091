package dev.dynamodouble.samples.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** Places, pays, ships and cancels orders for known, unblocked customers. */
public class OrderService {
  private final OrderRepository orders;
  private final CustomerRepository customers;
  private final Clock clock;
  private final Supplier<String> ids;

  public OrderService(OrderRepository orders, CustomerRepository customers, Clock clock, Supplier<String> ids) {
    this.orders = orders;
    this.customers = customers;
    this.clock = clock;
    this.ids = ids;
  }

  public Order place(String customerId, List<OrderLine> lines) {
    Customer customer = customers.find(customerId)
        .orElseThrow(() -> new IllegalArgumentException("unknown customer " + customerId));
    if (customer.blocked()) {
      throw new IllegalStateException("customer " + customerId + " is blocked");
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
    Order order = new Order();
    order.setCustomerId(customerId);
    order.setOrderId(ids.get());
    order.setStatus(OrderStatus.NEW);
    order.setLines(List.copyOf(lines));
    order.setTotal(lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add));
    order.setCreatedAt(clock.instant());
    order.setUpdatedAt(clock.instant());
    orders.save(order);
    return order;
  }

  public Order pay(String customerId, String orderId) {
    return move(customerId, orderId, OrderStatus.NEW, OrderStatus.PAID);
  }

  public Order ship(String customerId, String orderId) {
    return move(customerId, orderId, OrderStatus.PAID, OrderStatus.SHIPPED);
  }

  public Order cancel(String customerId, String orderId) {
    Order order = require(customerId, orderId);
    if (order.getStatus() == OrderStatus.SHIPPED) {
      throw new IllegalStateException("order " + orderId + " has shipped; it cannot be cancelled");
    }
    return save(order, OrderStatus.CANCELLED);
  }

  private Order move(String customerId, String orderId, OrderStatus from, OrderStatus to) {
    Order order = require(customerId, orderId);
    if (order.getStatus() != from) {
      throw new IllegalStateException("order " + orderId + " is " + order.getStatus() + ", not " + from);
    }
    return save(order, to);
  }

  private Order save(Order order, OrderStatus status) {
    order.setStatus(status);
    order.setUpdatedAt(clock.instant());
    orders.save(order);
    return order;
  }

  private Order require(String customerId, String orderId) {
    return orders.find(customerId, orderId)
        .orElseThrow(() -> new IllegalArgumentException("no order " + orderId + " for customer " + customerId));
  }
}
