package dev.dynamodouble.junit5;

/** When the extension puts every table back to its state right after the class's fixtures were loaded. */
public enum Reset {
  /** Not set here: the next level of configuration decides. */
  DEFAULT,
  /** Before each test (the default): every test starts from the fixture state, in O(1). */
  PER_TEST,
  /** Once per test class: the tests of a class share state; each class (and each @Nested class) starts from its fixtures. */
  PER_CLASS,
  /** Never: state carries over from test to test. */
  NEVER
}
