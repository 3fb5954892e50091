package dev.dynamodouble.benchmarks.differential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tables both systems get, and the attributes items are made of.
 *
 * <p>Both tables have a string partition key {@code pk}, a number sort key {@code sk} and a GSI
 * {@code byG} on {@code gpk} (S) / {@code gsk} (S), projecting everything. The read table holds a
 * fixed data set that Query, Scan and GetItem cases read; the write table gets one fresh item
 * key per write case.
 */
final class Schema {

  static final String READ_TABLE = "diff_read";
  static final String WRITE_TABLE = "diff_write";
  static final String GSI = "byG";
  static final String PK = "pk";
  static final String SK = "sk";
  static final String GPK = "gpk";
  static final String GSK = "gsk";

  /** Non-key attribute names and the type each usually has (null: any type). */
  static final Map<String, AttributeValue.Type> ATTRIBUTES = new LinkedHashMap<>();

  static {
    ATTRIBUTES.put("a", null);
    ATTRIBUTES.put("b", null);
    ATTRIBUTES.put("c", null);
    ATTRIBUTES.put("n", AttributeValue.Type.N);
    ATTRIBUTES.put("s", AttributeValue.Type.S);
    ATTRIBUTES.put("m", AttributeValue.Type.M);
    ATTRIBUTES.put("l", AttributeValue.Type.L);
    ATTRIBUTES.put("ss", AttributeValue.Type.SS);
    ATTRIBUTES.put("ns", AttributeValue.Type.NS);
    ATTRIBUTES.put("bs", AttributeValue.Type.BS);
    ATTRIBUTES.put("bin", AttributeValue.Type.B);
    ATTRIBUTES.put("t", AttributeValue.Type.BOOL);
    ATTRIBUTES.put("z", AttributeValue.Type.NUL);
    // Reserved words: usable through #placeholders only.
    ATTRIBUTES.put("status", AttributeValue.Type.S);
    ATTRIBUTES.put("count", AttributeValue.Type.N);
    ATTRIBUTES.put("data", AttributeValue.Type.M);
    // Names that are no identifier: placeholders only.
    ATTRIBUTES.put("my-attr", AttributeValue.Type.S);
    ATTRIBUTES.put("x.y", AttributeValue.Type.N);
    ATTRIBUTES.put("\u65e5\u672c", AttributeValue.Type.L);
  }

  static final List<String> NON_KEY = List.copyOf(ATTRIBUTES.keySet());

  /** Names (and map keys) that may appear literally in an expression. */
  static final Set<String> LITERAL_OK = Set.of("a", "b", "c", "n", "s", "m", "l", "ss", "ns", "bs",
      "bin", "t", "z", "x", "y", PK, SK, GPK, GSK);

  /** Names that are DynamoDB reserved words. */
  static final Set<String> RESERVED = Set.of("status", "count", "data");

  static final List<String> PARTITIONS = List.of("p0", "p1", "p2", "p3", "p4");
  static final List<String> GSI_PARTITIONS = List.of("g0", "g1", "g2");
  static final List<String> GSK_PREFIXES = List.of("a", "ab", "abc", "b", "\u00e9", "\ud83d\ude00",
      "\uff5e", "Z");

  private Schema() {}

  static boolean isKey(String name) {
    return PK.equals(name) || SK.equals(name);
  }
}
