package dev.dynamodouble.core.table;

/** The life cycle of a table as DescribeTable reports it. */
public enum TableStatus {
  CREATING, UPDATING, DELETING, ACTIVE;

  /** Whether reads and writes of items are served in this state. */
  public boolean servesItems() {
    return this == ACTIVE || this == UPDATING;
  }
}
