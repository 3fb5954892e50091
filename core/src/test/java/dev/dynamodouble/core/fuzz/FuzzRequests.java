package dev.dynamodouble.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fuzz test's generator: one valid request of every operation, and mutations of it (wrong
 * JSON types, removed and unknown fields, huge and boundary values, deep nesting, broken and
 * truncated JSON, wrong headers). Everything comes from one {@link Random}: a seed reproduces a run.
 */
final class FuzzRequests {
  static final String TABLE = "fuzzed";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String KEY = "{\"pk\":{\"S\":\"p1\"},\"sk\":{\"N\":\"1\"}}";
  private static final String ITEM = "{\"pk\":{\"S\":\"p1\"},\"sk\":{\"N\":\"1\"},\"g\":{\"S\":\"x\"},"
      + "\"n\":{\"N\":\"1.5\"},\"b\":{\"B\":\"AAEC\"},\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2\"]},"
      + "\"bs\":{\"BS\":[\"AQ==\"]},\"l\":{\"L\":[{\"S\":\"a\"},{\"NULL\":true}]},\"m\":{\"M\":{\"t\":{\"BOOL\":true}}}}";
  private static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/" + TABLE;

  /** The table every template refers to, with both kinds of secondary index. */
  static final String CREATE_TABLE = "{\"TableName\":\"" + TABLE + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
      + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
      + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
      + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
      + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
      + "\"Projection\":{\"ProjectionType\":\"ALL\"}}],"
      + "\"LocalSecondaryIndexes\":[{\"IndexName\":\"byGLocal\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
      + "{\"AttributeName\":\"g\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}]}";

  /** A valid request of every operation (valid in shape: the state may still refuse some). */
  static final Map<String, String> TEMPLATES = Map.ofEntries(
      Map.entry("CreateTable", CREATE_TABLE.replace(TABLE, "fuzzed2")),
      Map.entry("DescribeTable", "{\"TableName\":\"" + TABLE + "\"}"),
      Map.entry("ListTables", "{\"Limit\":10,\"ExclusiveStartTableName\":\"abc\"}"),
      Map.entry("DeleteTable", "{\"TableName\":\"fuzzed2\"}"),
      Map.entry("UpdateTable", "{\"TableName\":\"" + TABLE + "\",\"BillingMode\":\"PROVISIONED\","
          + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5},"
          + "\"GlobalSecondaryIndexUpdates\":[{\"Update\":{\"IndexName\":\"byG\",\"ProvisionedThroughput\":"
          + "{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}}]}"),
      Map.entry("PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":" + ITEM + ",\"ConditionExpression\":"
          + "\"attribute_not_exists(#p) OR #n < :v\",\"ExpressionAttributeNames\":{\"#p\":\"pk\",\"#n\":\"n\"},"
          + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"10\"}},\"ReturnValues\":\"ALL_OLD\","
          + "\"ReturnConsumedCapacity\":\"INDEXES\",\"ReturnItemCollectionMetrics\":\"SIZE\"}"),
      Map.entry("GetItem", "{\"TableName\":\"" + TABLE + "\",\"Key\":" + KEY + ",\"ConsistentRead\":true,"
          + "\"ProjectionExpression\":\"#m.t, l[0], ss\",\"ExpressionAttributeNames\":{\"#m\":\"m\"}}"),
      Map.entry("DeleteItem", "{\"TableName\":\"" + TABLE + "\",\"Key\":" + KEY + ",\"Expected\":"
          + "{\"n\":{\"ComparisonOperator\":\"GT\",\"AttributeValueList\":[{\"N\":\"0\"}]}},\"ReturnValues\":\"ALL_OLD\"}"),
      Map.entry("UpdateItem", "{\"TableName\":\"" + TABLE + "\",\"Key\":" + KEY + ",\"UpdateExpression\":"
          + "\"SET #n = if_not_exists(#n, :z) + :one, l = list_append(l, :l) ADD ns :ns REMOVE m.t DELETE ss :ss\","
          + "\"ExpressionAttributeNames\":{\"#n\":\"n\"},\"ExpressionAttributeValues\":{\":z\":{\"N\":\"0\"},"
          + "\":one\":{\"N\":\"1\"},\":l\":{\"L\":[{\"S\":\"b\"}]},\":ns\":{\"NS\":[\"3\"]},\":ss\":{\"SS\":[\"a\"]}},"
          + "\"ReturnValues\":\"UPDATED_NEW\"}"),
      Map.entry("BatchWriteItem", "{\"RequestItems\":{\"" + TABLE + "\":[{\"PutRequest\":{\"Item\":" + ITEM + "}},"
          + "{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"p2\"},\"sk\":{\"N\":\"2\"}}}}]}}"),
      Map.entry("BatchGetItem", "{\"RequestItems\":{\"" + TABLE + "\":{\"Keys\":[" + KEY + "],"
          + "\"ProjectionExpression\":\"pk, n\"}}}"),
      Map.entry("Query", "{\"TableName\":\"" + TABLE + "\",\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\","
          + "\"FilterExpression\":\"size(l) > :z AND contains(ss, :s)\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p1\"},"
          + "\":a\":{\"N\":\"0\"},\":b\":{\"N\":\"9\"},\":z\":{\"N\":\"0\"},\":s\":{\"S\":\"a\"}},\"Limit\":5,"
          + "\"ScanIndexForward\":false,\"ExclusiveStartKey\":" + KEY + "}"),
      Map.entry("Scan", "{\"TableName\":\"" + TABLE + "\",\"IndexName\":\"byG\",\"Segment\":0,\"TotalSegments\":2,"
          + "\"ScanFilter\":{\"g\":{\"ComparisonOperator\":\"BEGINS_WITH\",\"AttributeValueList\":[{\"S\":\"x\"}]}},"
          + "\"Select\":\"ALL_ATTRIBUTES\"}"),
      Map.entry("TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"" + TABLE + "\",\"Item\":" + ITEM
          + "}},{\"Update\":{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"p3\"},\"sk\":{\"N\":\"3\"}},"
          + "\"UpdateExpression\":\"SET a = :a\",\"ExpressionAttributeValues\":{\":a\":{\"S\":\"v\"}}}},"
          + "{\"ConditionCheck\":{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"p4\"},\"sk\":{\"N\":\"4\"}},"
          + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}}],\"ClientRequestToken\":\"token-1\"}"),
      Map.entry("TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":\"" + TABLE + "\",\"Key\":" + KEY + "}}]}"),
      Map.entry("TagResource", "{\"ResourceArn\":\"" + TABLE_ARN + "\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}"),
      Map.entry("UntagResource", "{\"ResourceArn\":\"" + TABLE_ARN + "\",\"TagKeys\":[\"k\"]}"),
      Map.entry("ListTagsOfResource", "{\"ResourceArn\":\"" + TABLE_ARN + "\"}"),
      Map.entry("UpdateTimeToLive", "{\"TableName\":\"" + TABLE + "\",\"TimeToLiveSpecification\":"
          + "{\"Enabled\":true,\"AttributeName\":\"ttl\"}}"),
      Map.entry("DescribeTimeToLive", "{\"TableName\":\"" + TABLE + "\"}"),
      Map.entry("CreateBackup", "{\"TableName\":\"" + TABLE + "\",\"BackupName\":\"b1\"}"),
      Map.entry("DescribeBackup", "{\"BackupArn\":\"" + TABLE_ARN + "/backup/01234567890123-abcdefgh\"}"),
      Map.entry("ListBackups", "{\"TableName\":\"" + TABLE + "\",\"Limit\":5,\"BackupType\":\"ALL\","
          + "\"TimeRangeLowerBound\":0,\"TimeRangeUpperBound\":2000000000}"),
      Map.entry("DeleteBackup", "{\"BackupArn\":\"" + TABLE_ARN + "/backup/01234567890123-abcdefgh\"}"),
      Map.entry("RestoreTableFromBackup", "{\"TargetTableName\":\"restored\",\"BackupArn\":\"" + TABLE_ARN
          + "/backup/01234567890123-abcdefgh\"}"),
      Map.entry("UpdateContinuousBackups", "{\"TableName\":\"" + TABLE + "\",\"PointInTimeRecoverySpecification\":"
          + "{\"PointInTimeRecoveryEnabled\":true}}"),
      Map.entry("DescribeContinuousBackups", "{\"TableName\":\"" + TABLE + "\"}"),
      Map.entry("RestoreTableToPointInTime", "{\"SourceTableName\":\"" + TABLE + "\",\"TargetTableName\":\"pitr\","
          + "\"UseLatestRestorableTime\":true}"));

  /** One request to send: its headers (target, content type, authorization) and body bytes. */
  record Case(String description, String target, String contentType, String authorization, byte[] body) {
    String show() {
      String text = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8);
      return description + "\n  X-Amz-Target: " + target + "\n  Content-Type: " + contentType
          + "\n  Authorization: " + authorization + "\n  body (" + body.length + " bytes): " + text;
    }
  }

  private final Random random;
  private final List<String> operations = new ArrayList<>(new java.util.TreeSet<>(TEMPLATES.keySet()));

  FuzzRequests(long seed) {
    this.random = new Random(seed);
  }

  /** The next case: about one in eight unmutated, the rest with one to three mutations. */
  Case next() {
    String operation = operations.get(random.nextInt(operations.size()));
    JsonNode body = parse(TEMPLATES.get(operation));
    String target = "DynamoDB_20120810." + operation;
    String contentType = "application/x-amz-json-1.0";
    String authorization = null;
    List<String> applied = new ArrayList<>();
    int mutations = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(3);
    byte[] bytes = null;
    for (int i = 0; i < mutations; i++) {
      int kind = random.nextInt(100);
      if (kind < 30) {
        applied.add("wrong type at " + replaceRandom(body, this::wrongType));
      } else if (kind < 55) {
        applied.add("boundary value at " + replaceRandom(body, n -> n.isTextual() ? NODES.textNode(boundaryText()) : null));
      } else if (kind < 63) {
        applied.add("removed " + removeRandom(body));
      } else if (kind < 68) {
        applied.add("unknown field");
        if (body instanceof ObjectNode object) {
          object.put("Unknown" + random.nextInt(10), random.nextInt());
        }
      } else if (kind < 73) {
        applied.add("deep nesting at " + replaceRandom(body, n -> deep()));
      } else if (kind < 78) {
        applied.add("attribute value at " + replaceRandom(body, n -> isAttributeValue(n) ? attributeValue() : null));
      } else if (kind < 80) {
        applied.add("bad target");
        target = pick("DynamoDB_20120810.", "DynamoDB_20120810.Nope", "DynamoDBStreams_20120810.GetRecords",
            null, "", "DynamoDB_20120810." + operation.toLowerCase(java.util.Locale.ROOT), "x".repeat(5000));
      } else if (kind < 84) {
        applied.add("bad content type");
        contentType = pick(null, "text/plain", "application/json", "application/x-amz-json-1.1", "",
            "application/x-amz-json-1.0; charset=utf-16");
      } else if (kind < 88) {
        applied.add("bad authorization");
        authorization = pick("AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Credential=a/b",
            "AWS4-HMAC-SHA256 Credential=a/20260101/" + "r".repeat(3000) + "/dynamodb/aws4_request",
            "AWS4-HMAC-SHA256 Credential=a/20260101//dynamodb/aws4_request, SignedHeaders=host, Signature=00",
            "Basic xyz", "AWS4-HMAC-SHA256 Credential=a/20260101/eu-west-1");
      } else {
        bytes = brokenJson(serialize(body));
        applied.add("broken JSON");
      }
    }
    if (bytes == null) {
      bytes = serialize(body);
    }
    return new Case(operation + (applied.isEmpty() ? " (valid)" : ": " + String.join(", ", applied)),
        target, contentType, authorization, bytes);
  }

  private JsonNode wrongType(JsonNode node) {
    switch (random.nextInt(7)) {
      case 0: return NODES.numberNode(random.nextInt(3) == 0 ? Long.MAX_VALUE : random.nextInt(1000) - 500);
      case 1: return NODES.textNode("text");
      case 2: return NODES.booleanNode(random.nextBoolean());
      case 3: return NODES.nullNode();
      case 4: return NODES.arrayNode().add(1).add("a");
      case 5: return NODES.objectNode().put("S", "a");
      default: return NODES.numberNode(new java.math.BigDecimal("1e" + (random.nextInt(700) - 350)));
    }
  }

  /** Text at and around DynamoDB's limits, and text that is expensive to read if read carelessly. */
  private String boundaryText() {
    switch (random.nextInt(16)) {
      case 0: return "";
      case 1: return "x".repeat(3);
      case 2: return "x".repeat(255);
      case 3: return "x".repeat(256);
      case 4: return "x".repeat(1025);
      case 5: return "x".repeat(65_536);
      case 6: return "x".repeat(400 * 1024 + 1);
      case 7: return "1" + "0".repeat(1000 + random.nextInt(200_000));
      case 8: return "0." + "0".repeat(random.nextInt(200_000)) + "1";
      case 9: return "9".repeat(39);
      case 10: return "-1E-130";
      case 11: return "\uD83D\uDE00".repeat(100) + "\uD800";
      case 12: return "AAAA".repeat(random.nextInt(100_000)) + "A=";
      case 13: return "#a.#b[1].c[99999999999] = :v";
      case 14: return "(".repeat(2000) + "a" + ")".repeat(2000);
      default: return "a" + " AND a".repeat(1 + random.nextInt(1000));
    }
  }

  private static boolean isAttributeValue(JsonNode node) {
    return node instanceof ObjectNode && node.size() == 1
        && List.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS").contains(node.fieldNames().next());
  }

  /** An attribute value of a random type, its content often wrong for the type. */
  private JsonNode attributeValue() {
    String type = pick("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS", "X");
    String text = pick("", "a", "1", "-0", "1e126", "AQ==", "!!", "1".repeat(39), "true", boundaryText());
    switch (type) {
      case "BOOL": case "NULL": return NODES.objectNode().put(type, random.nextBoolean());
      case "M": return NODES.objectNode().set(type, NODES.objectNode().set(text, NODES.objectNode().put("S", text)));
      case "L": return NODES.objectNode().set(type, NODES.arrayNode().add(NODES.objectNode().put("N", text)));
      case "SS": case "NS": case "BS": {
        ArrayNode set = NODES.arrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          set.add(random.nextBoolean() ? text : "1");
        }
        return NODES.objectNode().set(type, set);
      }
      default: return NODES.objectNode().put(type, text);
    }
  }

  /** A value nested past DynamoDB's 32 levels (or, sometimes, just at them). */
  private JsonNode deep() {
    int levels = random.nextBoolean() ? 31 + random.nextInt(4) : 100 + random.nextInt(50);
    JsonNode value = NODES.objectNode().put("S", "leaf");
    for (int i = 0; i < levels; i++) {
      value = random.nextBoolean()
          ? NODES.objectNode().set("L", NODES.arrayNode().add(value))
          : NODES.objectNode().set("M", NODES.objectNode().set("k", value));
    }
    return value;
  }

  private byte[] brokenJson(byte[] json) {
    switch (random.nextInt(5)) {
      case 0: return java.util.Arrays.copyOf(json, random.nextInt(json.length)); // truncated
      case 1: {
        byte[] copy = json.clone();
        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        return copy;
      }
      case 2: return "[".repeat(5000).getBytes(StandardCharsets.UTF_8);
      case 3: return (new String(json, StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
      default: return new byte[0];
    }
  }

  /** A place in a request tree: a member of an object or an element of an array. */
  private record Spot(String path, JsonNode parent, Object key) {
    JsonNode get() {
      return parent instanceof ObjectNode o ? o.get((String) key) : ((ArrayNode) parent).get((Integer) key);
    }
  }

  /** A random place in the tree, or null when it has none. */
  private Spot randomSpot(JsonNode root) {
    List<String> paths = new ArrayList<>();
    List<JsonNode> parents = new ArrayList<>();
    List<Object> keys = new ArrayList<>();
    collect(root, "", paths, parents, keys);
    if (paths.isEmpty()) {
      return null;
    }
    int at = random.nextInt(paths.size());
    return new Spot(paths.get(at), parents.get(at), keys.get(at));
  }

  /** Replaces a random node of the tree by what {@code replacement} makes of it (null: no change). */
  private String replaceRandom(JsonNode root, java.util.function.Function<JsonNode, JsonNode> replacement) {
    Spot spot = randomSpot(root);
    if (spot == null) {
      return "(nothing)";
    }
    JsonNode replaced = replacement.apply(spot.get());
    if (replaced == null) {
      return spot.path() + " (unchanged)";
    }
    if (spot.parent() instanceof ObjectNode o) {
      o.set((String) spot.key(), replaced);
    } else {
      ((ArrayNode) spot.parent()).set((Integer) spot.key(), replaced);
    }
    return spot.path();
  }

  private String removeRandom(JsonNode root) {
    Spot spot = randomSpot(root);
    if (spot == null) {
      return "(nothing)";
    }
    if (spot.parent() instanceof ObjectNode o) {
      o.remove((String) spot.key());
    } else {
      ((ArrayNode) spot.parent()).remove((Integer) spot.key());
    }
    return spot.path();
  }

  private static void collect(JsonNode node, String path, List<String> paths, List<JsonNode> parents, List<Object> keys) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        paths.add(path + "." + e.getKey());
        parents.add(object);
        keys.add(e.getKey());
        collect(e.getValue(), path + "." + e.getKey(), paths, parents, keys);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        paths.add(path + "[" + i + "]");
        parents.add(array);
        keys.add(i);
        collect(array.get(i), path + "[" + i + "]", paths, parents, keys);
      }
    }
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a template is not JSON: " + json, e);
    }
  }

  private static byte[] serialize(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
