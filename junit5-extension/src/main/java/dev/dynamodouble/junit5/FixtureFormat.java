package dev.dynamodouble.junit5;

/**
 * How the items of a fixture file are written. The file itself may be JSON or YAML (by its
 * extension), and its items may be grouped by table ({@code {"orders": [...]}}), be a bare array
 * (for the one table it belongs to), or use the AWS CLI {@code batch-write-item} shape
 * ({@code {"orders": [{"PutRequest": {"Item": {...}}}]}}, optionally inside {@code "RequestItems"}).
 */
public enum FixtureFormat {
  /** Decided per file: DynamoDB JSON when every attribute of every item is a typed value, plain JSON otherwise. */
  AUTO,
  /** DynamoDB JSON: {@code {"pk": {"S": "a"}, "n": {"N": "1"}}}. */
  DYNAMODB_JSON,
  /**
   * Plain JSON (or YAML): {@code {"pk": "a", "n": 1}}. Key attributes take the type of the table's
   * key definitions; other values take their JSON type (string S, number N, boolean BOOL, null
   * NULL, object M, array L). Sets and binaries are written explicitly:
   * {@code {"$ss": ["a", "b"]}}, {@code {"$ns": [1, 2]}}, {@code {"$bs": ["AQI="]}},
   * {@code {"$b": "AQI="}} (base64); {@code {"$n": "12"}} and {@code {"$s": "12"}} force a type.
   */
  PLAIN_JSON
}
