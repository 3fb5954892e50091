package dev.dynamodouble.samples.orders;

/** Where an order is in its life. */
public enum OrderStatus {
  NEW, PAID, SHIPPED, CANCELLED
}
