package dev.dynamodouble.junit5;

/** How a method's fixtures combine with its class's. */
public enum FixtureMode {
  /** Loaded on top of the class's fixtures (the default). */
  ADD,
  /** Loaded into empty tables: the class's fixtures are not there for this test. */
  REPLACE
}
