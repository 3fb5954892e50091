package dev.dynamodouble.benchmarks.overhead;

import org.junit.jupiter.api.Test;

/** A test class with nothing in it: what JUnit itself costs per class, subtracted from the others. */
public class PlainClass {

  @Test
  void test() {
    // nothing
  }
}
