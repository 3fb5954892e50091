package dev.dynamodouble.junit5;

/** How {@link ExpectedItems} compares a table with the expected items. */
public enum CompareMode {
  /** The table holds exactly the expected items, no more. */
  EXACT,
  /** The table holds every expected item; other items may be there too. */
  CONTAINS
}
