package dev.dynamodouble.core.fault;

import java.util.List;
import java.util.Set;

/** What a rule's matchers look at: a request, or a replication or stream delivery. */
interface Target {
  /** The operation, or null for a delivery. */
  String operation();

  String region();

  /** The index read, or null. */
  String index();

  Set<String> tables();

  List<String> partitionKeys();

  /** Whether the call reads something without ConsistentRead (a stale read can apply). */
  default boolean eventuallyConsistent() {
    return false;
  }

  /**
   * A delivery of one table's changes (replication, streams, triggers): no operation or index; the
   * partition keys of the items delivered, as text.
   */
  record Delivery(String region, String table, List<String> partitionKeys) implements Target {
    @Override
    public String operation() {
      return null;
    }

    @Override
    public String index() {
      return null;
    }

    @Override
    public Set<String> tables() {
      return Set.of(table);
    }
  }
}
