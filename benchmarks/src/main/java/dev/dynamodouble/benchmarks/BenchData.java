package dev.dynamodouble.benchmarks;

/**
 * The tables and the item shape every workload uses, shared by the harness and the floor server
 * so that the floor's canned responses are as big as the real ones.
 */
public final class BenchData {

  /** Table of every workload but Scan: partition key {@code pk} (S), sort key {@code sk} (S). */
  public static final String TABLE = "bench";
  /** Table holding exactly {@link #SCAN_ITEMS} items for the Scan workload; same key schema. */
  public static final String SCAN_TABLE = "bench_scan";

  public static final String PK = "pk";
  public static final String SK = "sk";
  /** A number attribute (incremented by UpdateItem). */
  public static final String NUM = "n";
  /** A 100-character string attribute, so an item is about 150 bytes like a small real item. */
  public static final String STR = "s";
  public static final String BOOL = "b";

  public static final String PAYLOAD =
      "The quick brown fox jumps over the lazy dog; "
          + "pack my box with five dozen liquor jugs, sphinx of black q.";

  public static final String GET_PK = "get";
  public static final String GET_SK = "0";
  public static final String QUERY_PK = "query";
  public static final int QUERY_ITEMS = 10;
  public static final String SCAN_PK_PREFIX = "scan-";
  public static final int SCAN_ITEMS = 100;
  public static final int SCAN_PAGE_SIZE = 25;
  public static final int BATCH_SIZE = 25;

  private BenchData() {}
}
