package dev.dynamodouble.core.engine;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.table.Table;
import java.util.Collection;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The tables of one region, by name. */
public final class Catalog {
  private final String region;
  private final ConcurrentSkipListMap<String, Table> tables = new ConcurrentSkipListMap<>();
  private final java.util.function.Consumer<Table> added;

  Catalog(String region, java.util.function.Consumer<Table> added) {
    this.region = region;
    this.added = added;
  }

  public String region() {
    return region;
  }

  /**
   * The table of that name (or ARN), whatever its status, or null. A table ARN of another region
   * names no table here: looking its name up in this region would act on another table than the
   * one the caller named (a global table's other replica); the operations refuse such an ARN first
   * (see {@link dev.dynamodouble.core.protocol.Constraints#tableNameOrArn}), and this holds for
   * every other caller. The ARN's account is not checked: the endpoint's tables are one account's,
   * and a test may well name them with its production ARNs.
   */
  public Table find(String nameOrArn) {
    String name = nameHere(nameOrArn);
    return name == null ? null : tables.get(name);
  }

  /**
   * The name of the table of this region that a TableName (a name or an ARN) names, whether or not
   * such a table exists: a name as it is, a table ARN of this region its name, and null for an ARN
   * that names no table here (another region's or partition's, an index's or a stream's, another
   * resource's) or for null. What every stage before the operation keys a table by (fault rules, IAM's condition
   * keys, capacity), so that none of them acts on this region's namesake of another region's table.
   */
  public String nameHere(String nameOrArn) {
    if (nameOrArn == null || !nameOrArn.startsWith("arn:")) {
      return nameOrArn; // the common case: no parsing, no allocation
    }
    ArnResource resource = resourceOf(nameOrArn);
    return namesATableHere(resource) ? resource.name() : null;
  }

  /** Whether {@code table} is this region's table of its name (not deleted, not replaced by a new one). */
  public boolean holds(Table table) {
    return find(table.name()) == table;
  }

  /** The table whose items can be read and written now, or DynamoDB's ResourceNotFoundException. */
  public Table itemTable(String nameOrArn) {
    Table table = find(nameOrArn);
    if (table == null || !table.status().servesItems()) {
      throw itemTableNotFound();
    }
    return table;
  }

  /**
   * Checks, under the engine's lock, that a table resolved by {@link #itemTable} before the lock
   * was taken still serves items: a DeleteTable, a removal or a restore that ran in between leaves
   * it orphaned, and a write to it would be lost. Answers as {@link #itemTable} does for it now.
   */
  public void requireItemTable(Table table) {
    if (!holds(table) || !table.status().servesItems()) {
      throw itemTableNotFound();
    }
  }

  private static DynamoException itemTableNotFound() {
    return DynamoException.resourceNotFound("Requested resource not found");
  }

  /** The table for a control-plane call, or "Requested resource not found: Table: x not found". */
  public Table describedTable(String nameOrArn) {
    Table table = find(nameOrArn);
    if (table == null) {
      throw DynamoException.resourceNotFound("Requested resource not found: Table: " + nameOf(nameOrArn) + " not found");
    }
    return table;
  }

  public Collection<Table> tables() {
    return tables.values();
  }

  /** Table names after {@code exclusiveStart} (null: from the first), in order. */
  public NavigableMap<String, Table> tablesAfter(String exclusiveStart) {
    return exclusiveStart == null ? tables : tables.tailMap(exclusiveStart, false);
  }

  /** Adds a table; the caller holds the engine's write lock and has checked the name is free. */
  public void add(Table table) {
    tables.put(table.name(), table);
    added.accept(table);
  }

  public void remove(Table table) {
    tables.remove(table.name(), table);
  }

  /**
   * The partition and region of an ARN ({@code arn:partition:service:region:account:type/name}) and
   * the resource it names there: its type and its name, everything after the type's slash (an
   * index's ARN has the name {@code t/index/i}).
   */
  public record ArnResource(String partition, String region, String type, String name) {
    /** Whether the resource lies where a request of {@code requestRegion} may name it: its region, a partition it accepts. */
    public boolean isIn(String requestRegion) {
      return region.equals(requestRegion) && Partitions.accepts(partition, requestRegion);
    }
  }

  /** The resource of an ARN, or null when it is not one of {@code arn:partition:service:region:account:type/name}. */
  public static ArnResource resourceOf(String arn) {
    int[] ends = new int[5]; // the colons after arn, partition, service, region and account
    int colon = -1;
    for (int field = 0; field < ends.length; field++) {
      colon = arn.indexOf(':', colon + 1);
      if (colon < 0) {
        return null;
      }
      ends[field] = colon;
    }
    int slash = arn.indexOf('/', colon + 1);
    return slash < 0 ? null : new ArnResource(arn.substring(ends[0] + 1, ends[1]), arn.substring(ends[2] + 1, ends[3]),
        arn.substring(colon + 1, slash), arn.substring(slash + 1));
  }

  /**
   * Whether an ARN's resource is a table of this region itself: not a part of one (an index, a
   * stream, a backup: their ARNs start with the table's), nor another kind of resource, nor nothing.
   */
  private boolean namesATableHere(ArnResource resource) {
    return resource != null && resource.isIn(region) && resource.type().equals("table")
        && resource.name().indexOf('/') < 0;
  }

  /**
   * The table name of a name or of any ARN under a table ({@code arn:aws:dynamodb:region:account:table/name...}),
   * whatever its region: for messages, and for callers that mean every region's table of that name.
   * Where a request names a table of its region, use {@link #nameHere} or {@link #find}.
   */
  public static String nameOf(String nameOrArn) {
    if (nameOrArn.startsWith("arn:")) {
      int slash = nameOrArn.indexOf(":table/");
      if (slash >= 0) {
        String rest = nameOrArn.substring(slash + 7);
        int next = rest.indexOf('/');
        return next >= 0 ? rest.substring(0, next) : rest;
      }
    }
    return nameOrArn;
  }
}
