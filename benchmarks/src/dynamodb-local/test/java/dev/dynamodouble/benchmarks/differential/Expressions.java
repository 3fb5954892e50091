package dev.dynamodouble.benchmarks.differential;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Generates the expressions of one request, and the ExpressionAttributeNames and
 * ExpressionAttributeValues they use. Values are often taken from {@link #context} (the item the
 * expression will meet), so that conditions come out true as well as false.
 */
final class Expressions {

  private static final String[] COMPARATORS = {"=", "<>", "<", "<=", ">", ">="};
  private static final String[] TYPE_NAMES = {"S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"};

  final RandomValues random;
  final Map<String, String> names = new LinkedHashMap<>();
  final Map<String, AttributeValue> values = new LinkedHashMap<>();
  /** The item the expressions are likely evaluated against (may be empty). */
  final Map<String, AttributeValue> context;

  /** Invalid input: reserved words used literally instead of through a placeholder. */
  boolean literalReserved;
  /** Invalid input: a share of condition leaves get operands of a type the function rejects. */
  boolean wrongOperands;

  private int nameCount;
  private int valueCount;

  Expressions(RandomValues random, Map<String, AttributeValue> context) {
    this.random = random;
    this.context = context == null ? Map.of() : context;
  }

  // ---------------------------------------------------------------- names, values, paths

  String name(String attribute) {
    if (literalReserved && Schema.RESERVED.contains(attribute)) {
      return attribute;
    }
    if (Schema.LITERAL_OK.contains(attribute) && random.chance(0.5)) {
      return attribute;
    }
    for (Map.Entry<String, String> entry : names.entrySet()) {
      if (entry.getValue().equals(attribute) && random.chance(0.8)) {
        return entry.getKey();
      }
    }
    String placeholder = (random.chance(0.8) ? "#n" : "#Attr_") + nameCount++;
    names.put(placeholder, attribute);
    return placeholder;
  }

  String value(AttributeValue value) {
    String placeholder = (random.chance(0.85) ? ":v" : ":V_") + valueCount++;
    values.put(placeholder, value);
    return placeholder;
  }

  String render(Path path) {
    StringBuilder out = new StringBuilder(name(path.top()));
    for (int i = 1; i < path.segments.size(); i++) {
      Object segment = path.segments.get(i);
      if (segment instanceof Integer) {
        out.append('[').append(segment).append(']');
      } else {
        out.append('.').append(name((String) segment));
      }
    }
    return out.toString();
  }

  /** A path starting at one of {@code tops}, following the context item where it can. */
  Path path(List<String> tops, int maxNesting) {
    Path path = Path.of(random.pick(tops));
    AttributeValue current = path.in(context);
    boolean keyAttribute = Schema.isKey(path.top()) || path.top().equals(Schema.GPK)
        || path.top().equals(Schema.GSK);
    int nesting = maxNesting == 0 || random.chance(0.5) || (keyAttribute && !random.chance(0.15))
        ? 0 : random.between(1, maxNesting);
    for (int i = 0; i < nesting; i++) {
      if (current != null && current.type() == AttributeValue.Type.M && !current.m().isEmpty()
          && random.chance(0.75)) {
        String key = random.pick(new ArrayList<>(current.m().keySet()));
        path = path.child(key);
        current = current.m().get(key);
      } else if (current != null && current.type() == AttributeValue.Type.L
          && !current.l().isEmpty() && random.chance(0.75)) {
        int index = random.random().nextInt(current.l().size());
        path = path.child(index);
        current = current.l().get(index);
      } else {
        path = path.child(random.chance(0.5) ? (Object) random.pick(RandomValues.MAP_KEYS)
            : (Object) random.between(0, 3));
        current = null;
      }
    }
    return path;
  }

  /** A value like the one at {@code path} in the context: often equal, or near, or random. */
  AttributeValue valueLike(Path path) {
    AttributeValue actual = path.in(context);
    if (actual != null && random.chance(0.5)) {
      if (actual.type() == AttributeValue.Type.N && random.chance(0.4)) {
        BigDecimal near = new BigDecimal(actual.n()).add(BigDecimal.valueOf(random.between(-2, 2)));
        return AttributeValue.fromN(near.toPlainString());
      }
      return actual;
    }
    return random.chance(0.85) ? random.scalar() : random.value(2);
  }

  // ---------------------------------------------------------------- conditions

  /** A condition or filter expression over paths starting at {@code tops}. */
  String condition(List<String> tops, int depth) {
    double roll = random.random().nextDouble();
    if (depth > 0 && roll < 0.3) {
      String operator = random.pick("AND", "OR", "and", "Or");
      return condition(tops, depth - 1) + " " + operator + " " + condition(tops, depth - 1);
    }
    if (depth > 0 && roll < 0.38) {
      return random.pick("NOT ", "not ", "NOT") + condition(tops, depth - 1);
    }
    if (depth > 0 && roll < 0.48) {
      return "(" + condition(tops, depth - 1) + ")";
    }
    if (wrongOperands && random.chance(0.4)) {
      return badLeaf(tops);
    }
    return leaf(tops);
  }

  private String leaf(List<String> tops) {
    Path path = path(tops, 3);
    String p = render(path);
    AttributeValue actual = path.in(context);
    switch (random.random().nextInt(11)) {
      case 0:
      case 1:
      case 2: {
        String left = random.chance(0.1) ? "size(" + p + ")" : p;
        String right = random.chance(0.8) ? value(left.startsWith("size(")
            ? AttributeValue.fromN(String.valueOf(random.between(0, 4))) : valueLike(path))
            : render(path(tops, 2));
        String comparator = random.pick(COMPARATORS);
        String space = random.chance(0.85) ? " " : "";
        return random.chance(0.15) ? right + space + comparator + space + left
            : left + space + comparator + space + right;
      }
      case 3: {
        AttributeValue[] bounds = bounds(actual);
        return p + " " + random.pick("BETWEEN", "between") + " " + value(bounds[0]) + " "
            + random.pick("AND", "and") + " " + value(bounds[1]);
      }
      case 4: {
        int count = random.between(1, 5);
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          operands.add(value(valueLike(path)));
        }
        return p + " " + random.pick("IN", "in") + " (" + String.join(", ", operands) + ")";
      }
      case 5:
        return (random.chance(0.5) ? "attribute_exists(" : "attribute_not_exists(") + p + ")";
      case 6: {
        String type = actual != null && random.chance(0.5) ? typeName(actual) : random.pick(TYPE_NAMES);
        return "attribute_type(" + p + ", " + value(AttributeValue.fromS(type)) + ")";
      }
      case 7:
        return "begins_with(" + p + ", " + value(prefixOf(actual)) + ")";
      case 8:
        return "contains(" + p + ", " + value(elementOf(actual)) + ")";
      case 9:
        return "size(" + p + ") " + random.pick(COMPARATORS) + " "
            + value(AttributeValue.fromN(String.valueOf(random.between(0, 5))));
      default:
        return p + " " + random.pick("=", "<>") + " " + value(random.value(1));
    }
  }

  /** A leaf whose operand types DynamoDB rejects before it reads the item. */
  private String badLeaf(List<String> tops) {
    String p = render(path(tops, 2));
    switch (random.random().nextInt(9)) {
      case 0:
        return "begins_with(" + p + ", " + value(AttributeValue.fromN(random.number())) + ")";
      case 1:
        return "attribute_type(" + p + ", " + value(AttributeValue.fromN("1")) + ")";
      case 2:
        return "attribute_type(" + p + ", " + value(AttributeValue.fromS(random.pick("X", "s", "STRING", ""))) + ")";
      case 3:
        return "attribute_exists(" + value(random.scalar()) + ")";
      case 4:
        return "size(" + value(random.scalar()) + ") > " + value(AttributeValue.fromN("1"));
      case 5:
        return p + " " + random.pick("<", ">=") + " " + value(random.chance(0.5)
            ? AttributeValue.fromBool(true) : random.value(2));
      case 6:
        return p + " BETWEEN " + value(AttributeValue.fromN("5")) + " AND " + value(AttributeValue.fromN("1"));
      case 7:
        return p + " BETWEEN " + value(AttributeValue.fromS("a")) + " AND " + value(AttributeValue.fromN("1"));
      default:
        return p + " = " + value(random.scalar()) + " + " + value(AttributeValue.fromN("1"));
    }
  }

  private AttributeValue[] bounds(AttributeValue actual) {
    AttributeValue low;
    AttributeValue high;
    if (actual != null && actual.type() == AttributeValue.Type.N && random.chance(0.7)) {
      BigDecimal value = new BigDecimal(actual.n());
      low = AttributeValue.fromN(value.subtract(BigDecimal.valueOf(random.between(0, 3))).toPlainString());
      high = AttributeValue.fromN(value.add(BigDecimal.valueOf(random.between(0, 3))).toPlainString());
    } else if (random.chance(0.5)) {
      BigDecimal a = new BigDecimal(random.number());
      BigDecimal b = new BigDecimal(random.number());
      low = AttributeValue.fromN((a.compareTo(b) <= 0 ? a : b).toString());
      high = AttributeValue.fromN((a.compareTo(b) <= 0 ? b : a).toString());
    } else {
      String a = actual != null && actual.type() == AttributeValue.Type.S && random.chance(0.5)
          ? actual.s() : random.string();
      String b = random.string();
      boolean ordered = compareUtf8(a, b) <= 0;
      low = AttributeValue.fromS(ordered ? a : b);
      high = AttributeValue.fromS(ordered ? b : a);
    }
    if (random.chance(0.08)) {
      return new AttributeValue[] {high, low};
    }
    return new AttributeValue[] {low, high};
  }

  private AttributeValue prefixOf(AttributeValue actual) {
    if (actual != null && actual.type() == AttributeValue.Type.S && random.chance(0.6)) {
      String s = actual.s();
      int end = s.offsetByCodePoints(0, random.between(0, s.codePointCount(0, s.length())));
      return AttributeValue.fromS(s.substring(0, end));
    }
    if (actual != null && actual.type() == AttributeValue.Type.B && random.chance(0.6)) {
      byte[] bytes = actual.b().asByteArray();
      return AttributeValue.fromB(SdkBytes.fromByteArray(Arrays.copyOf(bytes, random.between(0, bytes.length))));
    }
    return random.chance(0.75) ? AttributeValue.fromS(random.string()) : AttributeValue.fromB(random.binary());
  }

  private AttributeValue elementOf(AttributeValue actual) {
    if (actual != null && random.chance(0.6)) {
      switch (actual.type()) {
        case S:
          String s = actual.s();
          int from = s.offsetByCodePoints(0, random.between(0, s.codePointCount(0, s.length())));
          return AttributeValue.fromS(s.substring(from));
        case SS:
          return AttributeValue.fromS(random.pick(actual.ss()));
        case NS:
          return AttributeValue.fromN(random.pick(actual.ns()));
        case BS:
          return AttributeValue.fromB(random.pick(actual.bs()));
        case L:
          if (!actual.l().isEmpty()) {
            return random.pick(actual.l());
          }
          break;
        default:
          break;
      }
    }
    return random.chance(0.8) ? random.scalar() : random.value(2);
  }

  static String typeName(AttributeValue value) {
    return value.type() == AttributeValue.Type.NUL ? "NULL" : value.type().name();
  }

  /** DynamoDB orders strings by their UTF-8 bytes (unsigned). */
  static int compareUtf8(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return Arrays.compareUnsigned(x, y);
  }

  // ---------------------------------------------------------------- updates

  /** Which mistakes an update expression should contain (none for a valid one). */
  enum UpdateFault { NONE, KEY_ATTRIBUTE, OVERLAP, DUPLICATE_CLAUSE }

  /** An update expression over the non-key attributes. */
  String update(UpdateFault fault) {
    Map<String, List<String>> clauses = new LinkedHashMap<>();
    List<Path> targets = new ArrayList<>();
    int actions = random.between(1, 4);
    for (int i = 0; i < actions; i++) {
      double roll = random.random().nextDouble();
      String clause = roll < 0.5 ? "SET" : roll < 0.7 ? "REMOVE" : roll < 0.85 ? "ADD" : "DELETE";
      Path target = freshTarget(targets, clause);
      if (target == null) {
        break;
      }
      targets.add(target);
      clauses.computeIfAbsent(clause, k -> new ArrayList<>()).add(action(clause, target));
    }
    if (clauses.isEmpty()) {
      clauses.put("SET", new ArrayList<>(List.of(action("SET", Path.of("c")))));
    }
    switch (fault) {
      case KEY_ATTRIBUTE: {
        Path key = Path.of(random.pick(Schema.PK, Schema.SK));
        String clause = random.pick("SET", "REMOVE", "ADD");
        clauses.computeIfAbsent(clause, k -> new ArrayList<>()).add(0, action(clause, key));
        break;
      }
      case OVERLAP: {
        Path first = targets.isEmpty() ? Path.of("a") : targets.get(0);
        Path second = random.chance(0.4) ? first
            : random.chance(0.5) ? first.child(random.chance(0.5) ? (Object) "a" : (Object) 0)
            : Path.of(first.top()).child(first.nested() && first.segments.get(1) instanceof String
                ? (Object) 1 : (Object) "b");
        String clause = random.pick("SET", "REMOVE");
        clauses.computeIfAbsent(clause, k -> new ArrayList<>()).add(action(clause, second));
        break;
      }
      default:
        break;
    }
    List<String> rendered = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : clauses.entrySet()) {
      rendered.add(keyword(entry.getKey()) + " " + String.join(random.pick(", ", ",", " , "), entry.getValue()));
    }
    if (fault == UpdateFault.DUPLICATE_CLAUSE) {
      String clause = random.pick(new ArrayList<>(clauses.keySet()));
      Path other = freshTarget(targets, clause);
      rendered.add(keyword(clause) + " " + action(clause, other == null ? Path.of("c") : other));
    }
    java.util.Collections.shuffle(rendered, random.random());
    return String.join(" ", rendered);
  }

  private String keyword(String clause) {
    double roll = random.random().nextDouble();
    if (roll < 0.8) {
      return clause;
    }
    if (roll < 0.9) {
      return clause.toLowerCase(java.util.Locale.ROOT);
    }
    return clause.charAt(0) + clause.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  /** A target path whose top-level attribute no earlier action touches. */
  private Path freshTarget(List<Path> taken, String clause) {
    for (int attempt = 0; attempt < 10; attempt++) {
      Path candidate = target(clause);
      if (candidate != null && taken.stream().noneMatch(t -> t.top().equals(candidate.top()))) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Where an action writes: mostly a path the context item has (or a new child of one of its
   * maps or lists), sometimes any path, which may not be valid for update.
   */
  private Path target(String clause) {
    double roll = random.random().nextDouble();
    switch (clause) {
      case "SET":
        if (roll < 0.45) {
          Path existing = existing(Schema.NON_KEY, v -> true);
          if (existing != null) {
            return existing;
          }
        } else if (roll < 0.75) {
          Path container = existing(Schema.NON_KEY, v -> v.type() == AttributeValue.Type.M
              || v.type() == AttributeValue.Type.L);
          if (container != null && container.segments.size() < 4) {
            AttributeValue value = container.in(context);
            return container.child(value.type() == AttributeValue.Type.M
                ? (Object) random.pick(RandomValues.MAP_KEYS)
                : (Object) random.between(0, value.l().size() + 2));
          }
        }
        return path(Schema.NON_KEY, roll < 0.9 ? 0 : 3);
      case "REMOVE":
        if (roll < 0.7) {
          Path existing = existing(Schema.NON_KEY, v -> true);
          if (existing != null) {
            return existing;
          }
        }
        return path(Schema.NON_KEY, 3);
      case "ADD":
        if (roll < 0.6) {
          Path existing = existing(Schema.NON_KEY, v -> v.type() == AttributeValue.Type.N
              || isSet(v));
          if (existing != null && (!existing.nested() || random.chance(0.2))) {
            return existing;
          }
        }
        return path(Schema.NON_KEY, random.chance(0.1) ? 2 : 0);
      default:
        if (roll < 0.7) {
          Path existing = existing(Schema.NON_KEY, Expressions::isSet);
          if (existing != null && (!existing.nested() || random.chance(0.2))) {
            return existing;
          }
        }
        return path(Schema.NON_KEY, random.chance(0.1) ? 2 : 0);
    }
  }

  static boolean isSet(AttributeValue value) {
    return value.type() == AttributeValue.Type.SS || value.type() == AttributeValue.Type.NS
        || value.type() == AttributeValue.Type.BS;
  }

  /** A random path that exists in the context item (up to 3 levels deep) and whose value passes the test. */
  Path existing(List<String> tops, java.util.function.Predicate<AttributeValue> wanted) {
    List<Path> found = new ArrayList<>();
    for (String top : tops) {
      AttributeValue value = context.get(top);
      if (value != null) {
        collect(Path.of(top), value, wanted, found);
      }
    }
    return found.isEmpty() ? null : random.pick(found);
  }

  private static void collect(Path path, AttributeValue value,
      java.util.function.Predicate<AttributeValue> wanted, List<Path> found) {
    if (wanted.test(value)) {
      found.add(path);
    }
    if (path.segments.size() > 3) {
      return;
    }
    if (value.type() == AttributeValue.Type.M) {
      value.m().forEach((key, child) -> collect(path.child(key), child, wanted, found));
    } else if (value.type() == AttributeValue.Type.L) {
      for (int i = 0; i < value.l().size(); i++) {
        collect(path.child(i), value.l().get(i), wanted, found);
      }
    }
  }

  private String action(String clause, Path target) {
    String p = render(target);
    AttributeValue actual = target.in(context);
    switch (clause) {
      case "SET":
        return p + random.pick(" = ", "=", " =") + setValue(target, actual);
      case "REMOVE":
        return p;
      case "ADD":
        return p + " " + value(addOperand(actual));
      default:
        return p + " " + value(deleteOperand(actual));
    }
  }

  /** A path to read a value of the wanted kind from: the context's if it has one, else any. */
  private Path source(Path target, java.util.function.Predicate<AttributeValue> wanted) {
    AttributeValue actual = target.in(context);
    if (actual != null && wanted.test(actual) && random.chance(0.5)) {
      return target;
    }
    Path existing = random.chance(0.85) ? existing(Schema.NON_KEY, wanted) : null;
    return existing != null ? existing : random.chance(0.5) ? target : path(Schema.NON_KEY, 2);
  }

  private String setValue(Path target, AttributeValue actual) {
    java.util.function.Predicate<AttributeValue> numbers = v -> v.type() == AttributeValue.Type.N;
    java.util.function.Predicate<AttributeValue> lists = v -> v.type() == AttributeValue.Type.L;
    switch (random.random().nextInt(10)) {
      case 0:
      case 1:
      case 2:
        return value(random.chance(0.3) ? valueLike(target) : random.value(1));
      case 3:
        return render(source(target, v -> true));
      case 4:
        return render(source(target, numbers)) + random.pick(" + ", " - ", "+", "-") + value(number());
      case 5:
        return value(number()) + random.pick(" + ", " - ") + render(source(target, numbers));
      case 6:
        return "if_not_exists(" + render(source(target, v -> true)) + ", "
            + value(random.chance(0.6) ? number() : random.value(1)) + ")";
      case 7:
        return "if_not_exists(" + render(source(target, numbers)) + ", " + value(number()) + ")"
            + random.pick(" + ", " - ") + value(number());
      case 8: {
        String list = value(AttributeValue.fromL(List.of(random.value(2))));
        String path = render(source(target, lists));
        return random.chance(0.5) ? "list_append(" + path + ", " + list + ")"
            : "list_append(" + list + ", " + path + ")";
      }
      default:
        return "list_append(if_not_exists(" + render(source(target, lists)) + ", "
            + value(AttributeValue.fromL(List.of())) + "), "
            + value(AttributeValue.fromL(List.of(random.scalar()))) + ")";
    }
  }

  private AttributeValue number() {
    return AttributeValue.fromN(random.chance(0.7) ? String.valueOf(random.between(-5, 5)) : random.number());
  }

  private AttributeValue addOperand(AttributeValue actual) {
    if (actual != null && random.chance(0.7)) {
      switch (actual.type()) {
        case SS:
          return random.stringSet();
        case NS:
          return random.numberSet();
        case BS:
          return random.binarySet();
        default:
          break;
      }
    }
    switch (random.random().nextInt(10)) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 4:
        return number();
      case 5:
      case 6:
        return random.stringSet();
      case 7:
      case 8:
        return random.numberSet();
      default:
        return random.value(2);
    }
  }

  private AttributeValue deleteOperand(AttributeValue actual) {
    if (actual != null && random.chance(0.7)) {
      switch (actual.type()) {
        case SS: {
          List<String> elements = new ArrayList<>(actual.ss().subList(0, random.between(1, actual.ss().size())));
          if (random.chance(0.3)) {
            String extra = random.nonEmptyString();
            if (!elements.contains(extra)) {
              elements.add(extra);
            }
          }
          return AttributeValue.fromSs(elements);
        }
        case NS:
          return AttributeValue.fromNs(actual.ns().subList(0, random.between(1, actual.ns().size())));
        case BS:
          return AttributeValue.fromBs(actual.bs().subList(0, random.between(1, actual.bs().size())));
        default:
          break;
      }
    }
    switch (random.random().nextInt(7)) {
      case 0:
      case 1:
        return random.stringSet();
      case 2:
      case 3:
        return random.numberSet();
      case 4:
      case 5:
        return random.binarySet();
      default:
        return random.value(2);
    }
  }

  // ---------------------------------------------------------------- projections

  /** A projection expression; with {@code overlap}, two of its paths overlap or conflict. */
  String projection(List<String> tops, boolean overlap) {
    List<Path> chosen = new ArrayList<>();
    int count = random.between(1, 4);
    for (int attempt = 0; attempt < 12 && chosen.size() < count; attempt++) {
      Path candidate = path(tops, 3);
      if (chosen.stream().allMatch(c -> c.relationTo(candidate) == Path.Relation.DISJOINT)) {
        chosen.add(candidate);
      }
    }
    if (overlap) {
      Path first = chosen.get(0);
      chosen.add(random.chance(0.3) ? first : random.chance(0.5) ? first.child("a")
          : Path.of(first.top()).child(first.nested() && first.segments.get(1) instanceof String ? (Object) 0 : (Object) "a"));
      java.util.Collections.shuffle(chosen, random.random());
    }
    List<String> rendered = new ArrayList<>();
    for (Path path : chosen) {
      rendered.add(render(path));
    }
    return String.join(random.pick(", ", ",", " ,"), rendered);
  }
}
