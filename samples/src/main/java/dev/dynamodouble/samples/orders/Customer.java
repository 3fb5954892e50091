package dev.dynamodouble.samples.orders;

import java.util.Set;

/** A customer as the order service sees it. */
public record Customer(String customerId, String name, String email, boolean blocked, Set<String> tags) {
  public Customer {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }
}
