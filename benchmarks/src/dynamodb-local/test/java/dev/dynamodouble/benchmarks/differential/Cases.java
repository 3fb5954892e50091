package dev.dynamodouble.benchmarks.differential;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Generates the read table's data and the cases. Case {@code i} of seed {@code s} depends on
 * {@code (s, i)} only, so a case can be regenerated alone ({@code -Ddiff.case=i}) and a longer
 * run starts with the same cases as a shorter one.
 */
final class Cases {

  /** Share of cases carrying a deliberate mistake. */
  static final double INVALID_SHARE = 0.22;
  static final int MAX_PAGES = 40;

  static final List<String> ALL_TOPS;

  static {
    List<String> tops = new ArrayList<>(Schema.NON_KEY);
    tops.add(Schema.PK);
    tops.add(Schema.SK);
    tops.add(Schema.GPK);
    tops.add(Schema.GSK);
    ALL_TOPS = List.copyOf(tops);
  }

  private final long seed;
  final List<Map<String, AttributeValue>> readItems;

  Cases(long seed) {
    this.seed = seed;
    this.readItems = readData(new RandomValues(new Random(seed)));
  }

  // ------------------------------------------------------------------ data

  private static List<Map<String, AttributeValue>> readData(RandomValues random) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    int counter = 0;
    for (String partition : Schema.PARTITIONS) {
      int size = random.between(8, 14);
      List<BigDecimal> seen = new ArrayList<>();
      while (seen.size() < size) {
        String sk = random.number();
        BigDecimal value = new BigDecimal(sk);
        if (seen.stream().anyMatch(other -> other.compareTo(value) == 0)) {
          continue;
        }
        seen.add(value);
        Map<String, AttributeValue> item = item(random, key(partition, sk), false);
        if (random.chance(0.7)) {
          String prefix = random.pick(Schema.GSK_PREFIXES);
          item.put(Schema.GPK, AttributeValue.fromS(random.pick(Schema.GSI_PARTITIONS)));
          item.put(Schema.GSK, AttributeValue.fromS(prefix + "#" + String.format("%03d", counter++)));
        }
        items.add(item);
      }
    }
    return items;
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    key.put(Schema.PK, AttributeValue.fromS(pk));
    key.put(Schema.SK, AttributeValue.fromN(sk));
    return key;
  }

  /** A random item with the given key; with {@code gsiKeys}, often the GSI's key attributes. */
  static Map<String, AttributeValue> item(RandomValues random, Map<String, AttributeValue> key,
      boolean gsiKeys) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(key);
    for (Map.Entry<String, AttributeValue.Type> attribute : Schema.ATTRIBUTES.entrySet()) {
      if (!random.chance(0.55)) {
        continue;
      }
      AttributeValue.Type type = attribute.getValue();
      item.put(attribute.getKey(), type != null && random.chance(0.8) ? random.ofType(type, 1) : random.value(1));
    }
    if (gsiKeys && random.chance(0.5)) {
      item.put(Schema.GPK, AttributeValue.fromS(random.pick(Schema.GSI_PARTITIONS)));
      item.put(Schema.GSK, AttributeValue.fromS(random.pick(Schema.GSK_PREFIXES) + random.string()));
    }
    return item;
  }

  /** The same number spelt differently: plain, scientific, or with trailing zeros. */
  static String respell(String number, RandomValues random) {
    BigDecimal value = new BigDecimal(number);
    switch (random.random().nextInt(5)) {
      case 0:
        return value.toPlainString();
      case 1:
        return value.toString();
      case 2:
        return value.stripTrailingZeros().toString();
      case 3:
        return value.toPlainString().contains(".") ? value.toPlainString() + "0" : value.toPlainString() + ".0";
      default:
        return number;
    }
  }

  private static Map<String, AttributeValue> respellKey(Map<String, AttributeValue> key, RandomValues random) {
    Map<String, AttributeValue> copy = new LinkedHashMap<>(key);
    copy.put(Schema.SK, AttributeValue.fromN(respell(key.get(Schema.SK).n(), random)));
    return copy;
  }

  // ------------------------------------------------------------------ cases

  static Random caseRandom(long seed, int index) {
    return new Random(seed * 0x5DEECE66DL + index * 0x9E3779B97F4A7C15L);
  }

  Case generate(int index) {
    RandomValues random = new RandomValues(caseRandom(seed, index));
    boolean invalid = random.chance(INVALID_SHARE);
    double roll = random.random().nextDouble();
    if (roll < 0.14) {
      return put(index, random, invalid);
    }
    if (roll < 0.24) {
      return delete(index, random, invalid);
    }
    if (roll < 0.52) {
      return update(index, random, invalid);
    }
    if (roll < 0.60) {
      return get(index, random, invalid);
    }
    if (roll < 0.82) {
      return query(index, random, invalid);
    }
    return scan(index, random, invalid);
  }

  /** The expressions and placeholder maps of one request, with the mistakes applied. */
  private static final class Parts {
    final Map<String, String> expressions = new LinkedHashMap<>();
    final Map<String, String> names;
    final Map<String, AttributeValue> values;
    boolean sendEmptyNames;
    boolean sendEmptyValues;

    Parts(Expressions expressions) {
      this.names = expressions.names;
      this.values = expressions.values;
    }

    String get(String parameter) {
      return expressions.get(parameter);
    }

    Map<String, String> names() {
      return names.isEmpty() && !sendEmptyNames ? null : names;
    }

    Map<String, AttributeValue> values() {
      return values.isEmpty() && !sendEmptyValues ? null : values;
    }

    void describe(List<String> lines) {
      expressions.forEach((parameter, text) -> lines.add("  " + parameter + ": " + Canon.text(text)));
      if (names() != null) {
        lines.add("  ExpressionAttributeNames: " + Canon.names(names));
      }
      if (values() != null) {
        lines.add("  ExpressionAttributeValues: " + Canon.values(values));
      }
    }
  }

  /**
   * For the "generic" fault: one of the mistakes any request with expressions can carry, among
   * those that apply. Returns the fault's name.
   */
  private static String applyGeneric(Parts parts, RandomValues random) {
    List<String> applicable = new ArrayList<>();
    if (!parts.expressions.isEmpty()) {
      applicable.add("syntax");
      applicable.add("syntax");
      applicable.add("unused-name");
      applicable.add("unused-value");
    }
    if (!parts.names.isEmpty()) {
      applicable.add("undefined-name");
    }
    if (!parts.values.isEmpty()) {
      applicable.add("undefined-value");
    }
    if (parts.names.isEmpty() || parts.values.isEmpty()) {
      applicable.add("empty-map");
    }
    String fault = random.pick(applicable);
    switch (fault) {
      case "syntax": {
        String parameter = random.pick(new ArrayList<>(parts.expressions.keySet()));
        parts.expressions.put(parameter, Syntax.breakIt(parts.expressions.get(parameter), random));
        break;
      }
      case "unused-name":
        parts.names.put(random.pick("#unused", "#n99"), random.pick("a", "status"));
        break;
      case "unused-value":
        parts.values.put(random.pick(":unused", ":v99"), AttributeValue.fromN("1"));
        break;
      case "undefined-name":
        parts.names.remove(random.pick(new ArrayList<>(parts.names.keySet())));
        break;
      case "undefined-value":
        parts.values.remove(random.pick(new ArrayList<>(parts.values.keySet())));
        break;
      default:
        if (parts.names.isEmpty()) {
          parts.sendEmptyNames = true;
        } else {
          parts.sendEmptyValues = true;
        }
        break;
    }
    return fault;
  }

  private static String pickFault(RandomValues random, boolean invalid, String... faults) {
    return invalid ? random.pick(faults) : null;
  }

  private static Expressions expressionsFor(RandomValues random, Map<String, AttributeValue> context, String fault) {
    Expressions expressions = new Expressions(random, context);
    expressions.literalReserved = "reserved-word".equals(fault);
    expressions.wrongOperands = "operand-type".equals(fault);
    return expressions;
  }

  private static void setUp(DynamoDbClient client, Outcome outcome, Map<String, AttributeValue> before) {
    if (before != null) {
      Outcome.aside(outcome.fields, "setUp", () -> client.putItem(b -> b.tableName(Schema.WRITE_TABLE).item(before)));
    }
  }

  private static void readBack(DynamoDbClient client, Outcome outcome, Map<String, AttributeValue> key) {
    GetItemResponse stored = Outcome.aside(outcome.fields, "stored", () -> client.getItem(b -> b
        .tableName(Schema.WRITE_TABLE).key(key).consistentRead(true)));
    if (stored != null) {
      outcome.fields.put("stored", Canon.item(stored.hasItem() ? stored.item() : null));
    }
  }

  private static Map<String, AttributeValue> writeKey(int index, RandomValues random) {
    return key("w" + index, random.number());
  }

  private static List<String> header(String operation, String table, Map<String, AttributeValue> before) {
    List<String> lines = new ArrayList<>();
    if (before != null) {
      lines.add("  (before: PutItem " + Canon.item(before) + ")");
    }
    lines.add(operation + " " + table);
    return lines;
  }

  private static ReturnValuesOnConditionCheckFailure onFailure(RandomValues random, Parts parts) {
    return parts.get("ConditionExpression") != null && random.chance(0.3)
        ? ReturnValuesOnConditionCheckFailure.ALL_OLD : null;
  }

  // ------------------------------------------------------------------ PutItem

  private Case put(int index, RandomValues random, boolean invalid) {
    String fault = pickFault(random, invalid, "generic", "generic", "reserved-word", "operand-type",
        "return-values", "index-key");
    Map<String, AttributeValue> key = writeKey(index, random);
    Map<String, AttributeValue> before = random.chance(0.75) ? item(random, key, true) : null;
    Map<String, AttributeValue> item = item(random, respellKey(key, random), true);
    if ("index-key".equals(fault)) {
      item.put(random.pick(Schema.GPK, Schema.GSK), random.chance(0.5) ? AttributeValue.fromN("1")
          : AttributeValue.fromS(""));
      item.putIfAbsent(Schema.GPK, AttributeValue.fromS("g0"));
    }
    Expressions expressions = expressionsFor(random, before != null ? before : item(random, key, true), fault);
    Parts parts = new Parts(expressions);
    if (random.chance(0.85) || fault != null) {
      parts.expressions.put("ConditionExpression", expressions.condition(ALL_TOPS, 2));
    }
    if ("generic".equals(fault)) {
      fault = applyGeneric(parts, random);
    }
    String returnValues = "return-values".equals(fault) ? random.pick("ALL_NEW", "UPDATED_OLD", "UPDATED_NEW", "all_old")
        : random.pick(null, "NONE", "ALL_OLD");
    ReturnValuesOnConditionCheckFailure onFailure = onFailure(random, parts);

    List<String> lines = header("PutItem", Schema.WRITE_TABLE, before);
    lines.add("  Item: " + Canon.item(item));
    parts.describe(lines);
    addOptions(lines, returnValues, onFailure);
    Function<DynamoDbClient, Outcome> run = client -> {
      Outcome outcome = new Outcome();
      setUp(client, outcome, before);
      PutItemResponse response = outcome.call(() -> client.putItem(b -> b.tableName(Schema.WRITE_TABLE)
          .item(item).conditionExpression(parts.get("ConditionExpression"))
          .expressionAttributeNames(parts.names()).expressionAttributeValues(parts.values())
          .returnValues(returnValues).returnValuesOnConditionCheckFailure(onFailure)));
      if (response != null) {
        outcome.fields.put("Attributes", Canon.item(response.hasAttributes() ? response.attributes() : null));
        outcome.attributes = response.hasAttributes() ? response.attributes() : null;
      }
      readBack(client, outcome, key);
      return outcome;
    };
    return new Case(index, "PutItem", fault, lines, parts.expressions, run);
  }

  private static void addOptions(List<String> lines, String returnValues, ReturnValuesOnConditionCheckFailure onFailure) {
    if (returnValues != null) {
      lines.add("  ReturnValues: " + returnValues);
    }
    if (onFailure != null) {
      lines.add("  ReturnValuesOnConditionCheckFailure: " + onFailure);
    }
  }

  // ------------------------------------------------------------------ DeleteItem

  private Case delete(int index, RandomValues random, boolean invalid) {
    String fault = pickFault(random, invalid, "generic", "generic", "reserved-word", "operand-type",
        "return-values", "key-type");
    Map<String, AttributeValue> key = writeKey(index, random);
    Map<String, AttributeValue> before = random.chance(0.8) ? item(random, key, true) : null;
    Map<String, AttributeValue> requestKey = respellKey(key, random);
    if ("key-type".equals(fault)) {
      requestKey.put(Schema.SK, random.chance(0.5) ? AttributeValue.fromS(key.get(Schema.SK).n()) : AttributeValue.fromN("abc"));
    }
    Expressions expressions = expressionsFor(random, before != null ? before : item(random, key, true), fault);
    Parts parts = new Parts(expressions);
    if (random.chance(0.85) || (fault != null && !fault.equals("key-type"))) {
      parts.expressions.put("ConditionExpression", expressions.condition(ALL_TOPS, 2));
    }
    if ("generic".equals(fault)) {
      fault = applyGeneric(parts, random);
    }
    String returnValues = "return-values".equals(fault) ? random.pick("ALL_NEW", "UPDATED_OLD", "UPDATED_NEW")
        : random.pick(null, "NONE", "ALL_OLD");
    ReturnValuesOnConditionCheckFailure onFailure = onFailure(random, parts);

    List<String> lines = header("DeleteItem", Schema.WRITE_TABLE, before);
    lines.add("  Key: " + Canon.item(requestKey));
    parts.describe(lines);
    addOptions(lines, returnValues, onFailure);
    Function<DynamoDbClient, Outcome> run = client -> {
      Outcome outcome = new Outcome();
      setUp(client, outcome, before);
      DeleteItemResponse response = outcome.call(() -> client.deleteItem(b -> b.tableName(Schema.WRITE_TABLE)
          .key(requestKey).conditionExpression(parts.get("ConditionExpression"))
          .expressionAttributeNames(parts.names()).expressionAttributeValues(parts.values())
          .returnValues(returnValues).returnValuesOnConditionCheckFailure(onFailure)));
      if (response != null) {
        outcome.fields.put("Attributes", Canon.item(response.hasAttributes() ? response.attributes() : null));
        outcome.attributes = response.hasAttributes() ? response.attributes() : null;
      }
      readBack(client, outcome, key);
      return outcome;
    };
    return new Case(index, "DeleteItem", fault, lines, parts.expressions, run);
  }

  // ------------------------------------------------------------------ UpdateItem

  private Case update(int index, RandomValues random, boolean invalid) {
    String fault = pickFault(random, invalid, "generic", "generic", "generic", "reserved-word",
        "operand-type", "return-values", "key-update", "key-update", "overlap", "overlap",
        "duplicate-clause");
    Map<String, AttributeValue> key = writeKey(index, random);
    Map<String, AttributeValue> before = random.chance(0.75) ? item(random, key, true) : null;
    Expressions expressions = expressionsFor(random, before, fault);
    Parts parts = new Parts(expressions);
    Expressions.UpdateFault updateFault = "key-update".equals(fault) ? Expressions.UpdateFault.KEY_ATTRIBUTE
        : "overlap".equals(fault) ? Expressions.UpdateFault.OVERLAP
        : "duplicate-clause".equals(fault) ? Expressions.UpdateFault.DUPLICATE_CLAUSE
        : Expressions.UpdateFault.NONE;
    if (random.chance(0.95) || updateFault != Expressions.UpdateFault.NONE) {
      parts.expressions.put("UpdateExpression", expressions.update(updateFault));
    }
    if (random.chance(0.35) || "operand-type".equals(fault)) {
      parts.expressions.put("ConditionExpression", expressions.condition(ALL_TOPS, random.between(0, 2)));
    }
    if ("generic".equals(fault)) {
      fault = applyGeneric(parts, random);
    }
    String returnValues = "return-values".equals(fault) ? random.pick("ALL", "NEW", "updated_new")
        : random.pick(null, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    ReturnValuesOnConditionCheckFailure onFailure = onFailure(random, parts);
    Map<String, AttributeValue> requestKey = respellKey(key, random);

    List<String> lines = header("UpdateItem", Schema.WRITE_TABLE, before);
    lines.add("  Key: " + Canon.item(requestKey));
    parts.describe(lines);
    addOptions(lines, returnValues, onFailure);
    Function<DynamoDbClient, Outcome> run = client -> {
      Outcome outcome = new Outcome();
      setUp(client, outcome, before);
      UpdateItemResponse response = outcome.call(() -> client.updateItem(b -> b.tableName(Schema.WRITE_TABLE)
          .key(requestKey).updateExpression(parts.get("UpdateExpression"))
          .conditionExpression(parts.get("ConditionExpression"))
          .expressionAttributeNames(parts.names()).expressionAttributeValues(parts.values())
          .returnValues(returnValues).returnValuesOnConditionCheckFailure(onFailure)));
      if (response != null) {
        outcome.fields.put("Attributes", Canon.item(response.hasAttributes() ? response.attributes() : null));
        outcome.attributes = response.hasAttributes() ? response.attributes() : null;
      }
      readBack(client, outcome, key);
      return outcome;
    };
    return new Case(index, "UpdateItem", fault, lines, parts.expressions, run);
  }

  // ------------------------------------------------------------------ GetItem

  private Case get(int index, RandomValues random, boolean invalid) {
    String fault = pickFault(random, invalid, "generic", "reserved-word", "overlap", "key-type",
        "names-without-expression");
    Map<String, AttributeValue> target = random.chance(0.9) ? random.pick(readItems)
        : item(random, key(random.pick(Schema.PARTITIONS), random.number()), false);
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    key.put(Schema.PK, target.get(Schema.PK));
    key.put(Schema.SK, AttributeValue.fromN(respell(target.get(Schema.SK).n(), random)));
    if ("key-type".equals(fault)) {
      if (random.chance(0.5)) {
        key.put(Schema.SK, AttributeValue.fromS(target.get(Schema.SK).n()));
      } else {
        key.put(random.pick("a", Schema.GPK), AttributeValue.fromS("x"));
      }
    }
    Expressions expressions = expressionsFor(random, target, fault);
    Parts parts = new Parts(expressions);
    if ((random.chance(0.85) || fault != null) && !"key-type".equals(fault)
        && !"names-without-expression".equals(fault)) {
      parts.expressions.put("ProjectionExpression", expressions.projection(ALL_TOPS, "overlap".equals(fault)));
    }
    if ("names-without-expression".equals(fault)) {
      parts.names.put("#a", "a");
    }
    if ("generic".equals(fault)) {
      fault = applyGeneric(parts, random);
    }
    List<String> lines = header("GetItem", Schema.READ_TABLE, null);
    lines.add("  Key: " + Canon.item(key));
    parts.describe(lines);
    lines.add("  ConsistentRead: true");
    Function<DynamoDbClient, Outcome> run = client -> {
      Outcome outcome = new Outcome();
      GetItemResponse response = outcome.call(() -> client.getItem(b -> b.tableName(Schema.READ_TABLE)
          .key(key).consistentRead(true).projectionExpression(parts.get("ProjectionExpression"))
          .expressionAttributeNames(parts.names())));
      if (response != null) {
        outcome.fields.put("Item", Canon.item(response.hasItem() ? response.item() : null));
      }
      return outcome;
    };
    return new Case(index, "GetItem", fault, lines, parts.expressions, run);
  }

  // ------------------------------------------------------------------ Query

  private Case query(int index, RandomValues random, boolean invalid) {
    String fault = pickFault(random, invalid, "generic", "generic", "reserved-word", "operand-type",
        "overlap", "key-condition", "key-condition", "filter-on-key", "consistent-gsi");
    boolean onIndex = random.chance(0.3) || "consistent-gsi".equals(fault);
    String hashName = onIndex ? Schema.GPK : Schema.PK;
    String rangeName = onIndex ? Schema.GSK : Schema.SK;
    String partition = onIndex ? random.pick(Schema.GSI_PARTITIONS)
        : random.chance(0.93) ? random.pick(Schema.PARTITIONS) : "p9";
    List<Map<String, AttributeValue>> members = new ArrayList<>();
    for (Map<String, AttributeValue> item : readItems) {
      AttributeValue hash = item.get(hashName);
      if (hash != null && hash.s().equals(partition)) {
        members.add(item);
      }
    }
    Map<String, AttributeValue> context = members.isEmpty() ? Map.of() : random.pick(members);
    Expressions expressions = expressionsFor(random, context, fault);
    Parts parts = new Parts(expressions);
    parts.expressions.put("KeyConditionExpression",
        keyCondition(expressions, random, onIndex, partition, members, "key-condition".equals(fault)));
    if (random.chance(0.45) || "operand-type".equals(fault) || "filter-on-key".equals(fault)
        || "reserved-word".equals(fault)) {
      List<String> tops = Schema.NON_KEY;
      if ("filter-on-key".equals(fault)) {
        tops = List.of(Schema.PK, Schema.SK, random.pick(Schema.PK, Schema.SK, hashName, rangeName));
      }
      parts.expressions.put("FilterExpression", expressions.condition(tops, 2));
    }
    boolean project = random.chance(0.35) || "overlap".equals(fault);
    if (project) {
      parts.expressions.put("ProjectionExpression", expressions.projection(ALL_TOPS, "overlap".equals(fault)));
    }
    if ("generic".equals(fault)) {
      fault = applyGeneric(parts, random);
    }
    Integer limit = random.chance(0.4) ? random.between(1, 6) : null;
    Boolean forward = random.pick(null, Boolean.TRUE, Boolean.FALSE);
    String select = !project && random.chance(0.06) ? "COUNT" : null;
    boolean consistent = onIndex ? "consistent-gsi".equals(fault) : random.chance(0.3);
    String indexName = onIndex ? Schema.GSI : null;

    List<String> lines = header("Query", Schema.READ_TABLE, null);
    if (indexName != null) {
      lines.add("  IndexName: " + indexName);
    }
    parts.describe(lines);
    lines.add("  Limit: " + limit + ", ScanIndexForward: " + forward + ", Select: " + select
        + ", ConsistentRead: " + consistent + " (all pages)");
    Function<DynamoDbClient, Outcome> run = client -> {
      Outcome outcome = new Outcome();
      Map<String, AttributeValue> start = null;
      int page = 0;
      do {
        Map<String, AttributeValue> from = start;
        QueryResponse response = outcome.call(() -> client.query(b -> b.tableName(Schema.READ_TABLE)
            .indexName(indexName).keyConditionExpression(parts.get("KeyConditionExpression"))
            .filterExpression(parts.get("FilterExpression"))
            .projectionExpression(parts.get("ProjectionExpression"))
            .expressionAttributeNames(parts.names()).expressionAttributeValues(parts.values())
            .limit(limit).scanIndexForward(forward).select(select).consistentRead(consistent)
            .exclusiveStartKey(from)));
        if (response == null) {
          if (page > 0) {
            outcome.fields.put("failedOnPage", String.valueOf(page));
          }
          break;
        }
        outcome.fields.put("page" + page, "Count=" + response.count() + " ScannedCount="
            + response.scannedCount() + " Items=" + list(response.hasItems() ? response.items() : null)
            + " LastEvaluatedKey=" + Canon.item(response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null));
        start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
        page++;
      } while (start != null && page < MAX_PAGES);
      return outcome;
    };
    return new Case(index, "Query", fault, lines, parts.expressions, run);
  }

  private static String list(List<Map<String, AttributeValue>> items) {
    if (items == null) {
      return Canon.NONE;
    }
    List<String> rendered = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      rendered.add(Canon.item(item));
    }
    return "[" + String.join(", ", rendered) + "]";
  }

  private static String keyCondition(Expressions expressions, RandomValues random, boolean onIndex,
      String partition, List<Map<String, AttributeValue>> members, boolean broken) {
    String hashName = onIndex ? Schema.GPK : Schema.PK;
    String rangeName = onIndex ? Schema.GSK : Schema.SK;
    String hashRef = expressions.name(hashName);
    String hash = hashRef + random.pick(" = ", "=", " =") + expressions.value(AttributeValue.fromS(partition));
    String range = null;
    if (random.chance(0.75) || broken) {
      String rangeRef = expressions.name(rangeName);
      AttributeValue pivot = rangeValue(random, onIndex, members, rangeName);
      int kind = random.random().nextInt(onIndex ? 8 : 7);
      if (!onIndex && random.chance(0.03)) {
        kind = 7;
      }
      if (kind < 5) {
        range = rangeRef + " " + random.pick("=", "<", "<=", ">", ">=") + " " + expressions.value(pivot);
      } else if (kind < 7) {
        AttributeValue other = rangeValue(random, onIndex, members, rangeName);
        boolean ordered = onIndex ? Expressions.compareUtf8(pivot.s(), other.s()) <= 0
            : new BigDecimal(pivot.n()).compareTo(new BigDecimal(other.n())) <= 0;
        AttributeValue low = ordered ? pivot : other;
        AttributeValue high = ordered ? other : pivot;
        range = rangeRef + " " + random.pick("BETWEEN", "between") + " " + expressions.value(low) + " AND "
            + expressions.value(high);
      } else {
        String prefix = onIndex && random.chance(0.5) ? random.pick(Schema.GSK_PREFIXES)
            : onIndex ? pivot.s().substring(0, pivot.s().offsetByCodePoints(0,
                random.between(0, pivot.s().codePointCount(0, pivot.s().length()))))
            : random.pick("1", "a");
        range = "begins_with(" + rangeRef + ", " + expressions.value(AttributeValue.fromS(prefix)) + ")";
      }
    }
    if (broken) {
      switch (random.random().nextInt(9)) {
        case 0:
          return hash.replace("=", random.pick("<", ">=", "<>"));
        case 1:
          return hash + " OR " + range;
        case 2:
          return "NOT " + hash;
        case 3:
          return hash + " AND " + expressions.name("a") + " = " + expressions.value(AttributeValue.fromS("x"));
        case 4:
          return range;
        case 5:
          return expressions.name(hashName) + " = " + expressions.value(AttributeValue.fromN("1"))
              + (random.chance(0.5) ? "" : " AND " + range);
        case 6:
          return hash + " AND " + range + " AND " + range;
        case 7:
          return hash + " AND " + expressions.name(rangeName) + " <> " + expressions.value(
              rangeValue(random, onIndex, members, rangeName));
        default:
          return hash + " AND " + expressions.name(rangeName) + " IN (" + expressions.value(
              rangeValue(random, onIndex, members, rangeName)) + ")";
      }
    }
    if (range == null) {
      return random.chance(0.1) ? "(" + hash + ")" : hash;
    }
    if (random.chance(0.1)) {
      hash = "(" + hash + ")";
      range = "(" + range + ")";
    }
    String and = random.pick(" AND ", " and ", " AND ");
    return random.chance(0.8) ? hash + and + range : range + and + hash;
  }

  private static AttributeValue rangeValue(RandomValues random, boolean onIndex,
      List<Map<String, AttributeValue>> members, String rangeName) {
    if (!members.isEmpty() && random.chance(0.8)) {
      AttributeValue existing = random.pick(members).get(rangeName);
      if (existing != null) {
        return onIndex ? existing : AttributeValue.fromN(respell(existing.n(), random));
      }
    }
    return onIndex ? AttributeValue.fromS(random.pick(Schema.GSK_PREFIXES) + random.string())
        : AttributeValue.fromN(random.number());
  }

  // ------------------------------------------------------------------ Scan

  private Case scan(int index, RandomValues random, boolean invalid) {
    String fault = pickFault(random, invalid, "generic", "generic", "reserved-word", "operand-type",
        "overlap");
    boolean onIndex = random.chance(0.2);
    Map<String, AttributeValue> context = random.pick(readItems);
    Expressions expressions = expressionsFor(random, context, fault);
    Parts parts = new Parts(expressions);
    if (random.chance(0.8) || (fault != null && !fault.equals("overlap"))) {
      parts.expressions.put("FilterExpression", expressions.condition(ALL_TOPS, 2));
    }
    boolean project = random.chance(0.35) || "overlap".equals(fault);
    if (project) {
      parts.expressions.put("ProjectionExpression", expressions.projection(ALL_TOPS, "overlap".equals(fault)));
    }
    if ("generic".equals(fault)) {
      fault = applyGeneric(parts, random);
    }
    Integer limit = random.chance(0.3) ? random.between(3, 25) : null;
    String select = !project && random.chance(0.06) ? "COUNT" : null;
    boolean consistent = !onIndex && random.chance(0.2);
    String indexName = onIndex ? Schema.GSI : null;

    List<String> lines = header("Scan", Schema.READ_TABLE, null);
    if (indexName != null) {
      lines.add("  IndexName: " + indexName);
    }
    parts.describe(lines);
    lines.add("  Limit: " + limit + ", Select: " + select + ", ConsistentRead: " + consistent
        + " (all pages, compared as a multiset)");
    Function<DynamoDbClient, Outcome> run = client -> {
      Outcome outcome = new Outcome();
      Map<String, AttributeValue> start = null;
      List<String> items = new ArrayList<>();
      boolean anyItems = false;
      int count = 0;
      int scanned = 0;
      int page = 0;
      do {
        Map<String, AttributeValue> from = start;
        ScanResponse response = outcome.call(() -> client.scan(b -> b.tableName(Schema.READ_TABLE)
            .indexName(indexName).filterExpression(parts.get("FilterExpression"))
            .projectionExpression(parts.get("ProjectionExpression"))
            .expressionAttributeNames(parts.names()).expressionAttributeValues(parts.values())
            .limit(limit).select(select).consistentRead(consistent).exclusiveStartKey(from)));
        if (response == null) {
          if (page > 0) {
            outcome.fields.put("failedOnPage", String.valueOf(page));
          }
          return outcome;
        }
        if (response.hasItems()) {
          anyItems = true;
          for (Map<String, AttributeValue> item : response.items()) {
            items.add(Canon.item(item));
          }
        }
        count += response.count();
        scanned += response.scannedCount();
        start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
        page++;
      } while (start != null && page < MAX_PAGES * 3);
      items.sort(java.util.Comparator.comparing(Canon::numbersByValue));
      outcome.fields.put("Count", String.valueOf(count));
      outcome.fields.put("ScannedCount", String.valueOf(scanned));
      outcome.fields.put("Items", anyItems ? "[" + String.join(", ", items) + "]" : Canon.NONE);
      return outcome;
    };
    return new Case(index, "Scan", fault, lines, parts.expressions, run);
  }
}
