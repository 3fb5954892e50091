package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Query's key condition (KeyConditionExpression or legacy KeyConditions): one or two parts, each
 * an operator on one top-level attribute. Its shape is validated when it is built; {@link #bind}
 * then checks it against the key schema of the table or index queried, which DynamoDB does only
 * after finding the table.
 */
public final class KeyCondition {
  /** Key condition operators; the last six only come from legacy KeyConditions and are refused. */
  public enum Operator {
    EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH, NE, NULL, NOT_NULL, CONTAINS, NOT_CONTAINS, IN;

    boolean indexable() {
      return ordinal() <= BEGINS_WITH.ordinal();
    }
  }

  /** One condition: {@code attributeName operator values} (two values for BETWEEN). */
  public record Part(String attributeName, Operator operator, List<AttributeValue> values) {
    public Part {
      values = List.copyOf(values);
    }

    /** Whether a key value satisfies this part (values of another type never do). */
    public boolean matches(AttributeValue v) {
      if (v == null) {
        return false;
      }
      if (operator == Operator.EQ) {
        return Values.equal(v, values.get(0));
      }
      if (operator == Operator.BEGINS_WITH) {
        return Values.beginsWith(v, values.get(0));
      }
      Integer c = Values.compare(v, values.get(0));
      if (c == null) {
        return false;
      }
      switch (operator) {
        case LT:
          return c < 0;
        case LE:
          return c <= 0;
        case GT:
          return c > 0;
        case GE:
          return c >= 0;
        case BETWEEN:
          Integer high = Values.compare(v, values.get(1));
          return c >= 0 && high != null && high <= 0;
        default:
          return false;
      }
    }
  }

  private static final String NESTED_OPERATIONS =
      "Invalid KeyConditionExpression: KeyConditionExpressions cannot contain nested operations";
  private static final String NESTED_ATTRIBUTES = "Invalid KeyConditionExpression: "
      + "KeyConditionExpressions cannot have conditions on nested attributes";
  private static final String LENGTH = "Conditions can be of length 1 or 2 only";
  private static final String ONE_PER_KEY = "KeyConditionExpressions must only contain one condition per key";

  private final List<Part> parts;

  KeyCondition(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** The parts in expression order. */
  public List<Part> parts() {
    return parts;
  }

  /** {@link #bind(String, AttributeType, String, AttributeType)} without the type check. */
  public Bound bind(String partitionKey, String sortKey) {
    return bind(partitionKey, null, sortKey, null);
  }

  /**
   * Checks the condition against a key schema: the partition key by equality only, the sort key
   * (if any) by one of = < <= > >= BETWEEN begins_with, nothing else.
   *
   * @param sortKey null for a table or index without a sort key
   * @param partitionKeyType,sortKeyType the key attribute types, or null to skip the type check
   */
  public Bound bind(String partitionKey, AttributeType partitionKeyType, String sortKey,
      AttributeType sortKeyType) {
    Objects.requireNonNull(partitionKey, "partitionKey");
    if (parts.size() > 2) { // checked here, not when parsed: a multi-attribute GSI key takes more
      throw DynamoException.validation(LENGTH);
    }
    if (sortKey == null && parts.size() > 1) {
      throw DynamoException.validation("Query key condition not supported");
    }
    Part partition = null;
    Part sort = null;
    for (Part p : parts) {
      if (p.attributeName().equals(partitionKey)) {
        partition = p;
      }
    }
    if (partition == null) {
      throw DynamoException.validation("Query condition missed key schema element: " + partitionKey);
    }
    if (!partition.operator().indexable()) {
      throw notIndexable();
    }
    if (partition.operator() != Operator.EQ) {
      throw DynamoException.validation("Query key condition not supported");
    }
    for (Part p : parts) {
      if (p != partition) {
        if (!p.attributeName().equals(sortKey)) {
          throw DynamoException.validation("Query condition missed key schema element: " + sortKey);
        }
        if (!p.operator().indexable()) {
          throw notIndexable();
        }
        sort = p;
      }
    }
    checkType(partition, partitionKeyType);
    if (sort != null) {
      checkType(sort, sortKeyType);
    }
    return new Bound(partitionKey, partition.values().get(0), sortKey, sort);
  }

  /**
   * Checks the condition against a multi-attribute key (a GSI's): equality on every partition
   * attribute, and conditions on the sort attributes left to right, equality on all but the last
   * one used. Returns the parts in key order: the partition attributes', then the sort attributes'.
   */
  public List<Part> bindMultiAttribute(List<String> partitionKeys, List<AttributeType> partitionTypes,
                                       List<String> sortKeys, List<AttributeType> sortTypes) {
    if (parts.size() > partitionKeys.size() + sortKeys.size()) {
      throw DynamoException.validation("Query key condition not supported");
    }
    List<String> missing = new ArrayList<>();
    List<Part> bound = new ArrayList<>();
    for (String key : partitionKeys) {
      Part p = partOn(key);
      if (p == null || p.operator() != Operator.EQ) {
        missing.add(key);
      }
      bound.add(p);
    }
    if (!missing.isEmpty()) {
      throw DynamoException.validation("HASH key attributes " + String.join(", ", missing)
          + " must have equality conditions specified in the query");
    }
    int last = -1;
    for (Part p : parts) {
      int at = sortKeys.indexOf(p.attributeName());
      if (at < 0 && !partitionKeys.contains(p.attributeName())) {
        throw DynamoException.validation("Query condition missed key schema element");
      }
      last = Math.max(last, at);
    }
    for (int i = 0; i < last; i++) {
      Part p = partOn(sortKeys.get(i));
      if (p == null || p.operator() != Operator.EQ) {
        missing.add(sortKeys.get(i));
      }
    }
    if (!missing.isEmpty()) {
      throw DynamoException.validation("RANGE key attributes " + String.join(", ", missing)
          + " must have equality conditions specified in the query because a condition is present on key attribute "
          + sortKeys.get(last));
    }
    for (int i = 0; i <= last; i++) {
      bound.add(partOn(sortKeys.get(i)));
    }
    for (Part p : bound) {
      if (!p.operator().indexable()) {
        throw notIndexable();
      }
    }
    for (int i = 0; i < bound.size(); i++) {
      checkType(bound.get(i), i < partitionKeys.size() ? partitionTypes.get(i) : sortTypes.get(i - partitionKeys.size()));
    }
    return bound;
  }

  private Part partOn(String attributeName) {
    for (Part p : parts) {
      if (p.attributeName().equals(attributeName)) {
        return p;
      }
    }
    return null;
  }

  private static DynamoException notIndexable() {
    return DynamoException.validation("Attempted conditional constraint is not an indexable operation");
  }

  private static void checkType(Part part, AttributeType type) {
    if (type == null) {
      return;
    }
    for (AttributeValue v : part.values()) {
      if (v.type() != type) {
        throw DynamoException.invalidParameter("Condition parameter type does not match schema type");
      }
    }
  }

  /** A key condition checked against a key schema: what a Query reads. */
  public static final class Bound {
    private final String partitionKey;
    private final AttributeValue partitionValue;
    private final String sortKey;
    private final Part sortCondition;

    Bound(String partitionKey, AttributeValue partitionValue, String sortKey, Part sortCondition) {
      this.partitionKey = partitionKey;
      this.partitionValue = partitionValue;
      this.sortKey = sortKey;
      this.sortCondition = sortCondition;
    }

    public String partitionKey() {
      return partitionKey;
    }

    /** The partition key value to read. */
    public AttributeValue partitionValue() {
      return partitionValue;
    }

    /** The sort key name, or null when the schema has none. */
    public String sortKey() {
      return sortKey;
    }

    /** The condition on the sort key, or null to read the whole partition. */
    public Part sortCondition() {
      return sortCondition;
    }

    /** Whether a sort key value is within the condition (true when there is no condition). */
    public boolean matchesSortKey(AttributeValue sortKeyValue) {
      return sortCondition == null || sortCondition.matches(sortKeyValue);
    }

    /** Whether an item (of the table or index) satisfies the whole key condition. */
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue pk = item.get(partitionKey);
      return pk != null && Values.equal(pk, partitionValue)
          && (sortCondition == null || sortCondition.matches(item.get(sortKey)));
    }
  }

  // ---------------------------------------------------------------- shape checks

  /** Builds a key condition from a resolved condition, checking DynamoDB's shape rules. */
  static KeyCondition of(Cond root) {
    String invalid = invalidOperator(root);
    if (invalid != null) {
      throw DynamoException.validation("Invalid operator used in KeyConditionExpression: " + invalid);
    }
    List<Cond> leaves = new ArrayList<>();
    flatten(root, leaves);
    List<Part> parts = new ArrayList<>();
    for (Cond leaf : leaves) {
      parts.add(part(leaf));
    }
    Set<String> seen = new HashSet<>();
    for (Part p : parts) {
      if (!seen.add(p.attributeName())) {
        throw DynamoException.validation(ONE_PER_KEY);
      }
    }
    return new KeyCondition(parts);
  }

  private static String invalidOperator(Cond c) {
    if (c instanceof Cond.Or) {
      return "OR";
    }
    if (c instanceof Cond.Not) {
      return "NOT";
    }
    if (c instanceof Cond.In) {
      return "IN";
    }
    if (c instanceof Cond.Comparison cmp && cmp.comparator() == Cond.Comparator.NE) {
      return "<>";
    }
    if (c instanceof Cond.Exists e) {
      return e.functionName();
    }
    if (c instanceof Cond.TypeIs) {
      return "attribute_type";
    }
    if (c instanceof Cond.Contains) {
      return "contains";
    }
    if (c instanceof Cond.And and) {
      String left = invalidOperator(and.left());
      return left != null ? left : invalidOperator(and.right());
    }
    return null;
  }

  private static void flatten(Cond c, List<Cond> out) {
    if (c instanceof Cond.And and) {
      flatten(and.left(), out);
      flatten(and.right(), out);
    } else {
      out.add(c);
    }
  }

  private static Part part(Cond leaf) {
    List<Operand> operands;
    if (leaf instanceof Cond.Between b) {
      if (!(b.subject() instanceof Operand.Path)) {
        throw firstOperand("BETWEEN");
      }
      operands = List.of(b.subject(), b.lower(), b.upper());
    } else if (leaf instanceof Cond.BeginsWith bw) {
      if (!(bw.value() instanceof Operand.Path)) {
        throw firstOperand("begins_with");
      }
      operands = List.of(bw.value(), bw.prefix());
    } else {
      Cond.Comparison cmp = (Cond.Comparison) leaf;
      operands = List.of(cmp.left(), cmp.right());
    }
    DocumentPath key = null;
    int keyAt = -1;
    List<AttributeValue> values = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      Operand op = operands.get(i);
      if (op instanceof Operand.Size) {
        throw DynamoException.validation(NESTED_OPERATIONS);
      }
      if (op instanceof Operand.Path p) {
        if (key != null) {
          throw invalidCondition("Multiple attribute names used in one condition");
        }
        if (!p.path().isTopLevel()) {
          throw DynamoException.validation(NESTED_ATTRIBUTES);
        }
        key = p.path();
        keyAt = i;
      } else {
        values.add(((Operand.Literal) op).value());
      }
    }
    if (key == null) {
      throw invalidCondition("No key attribute specified");
    }
    Operator operator;
    if (leaf instanceof Cond.Between) {
      operator = Operator.BETWEEN;
    } else if (leaf instanceof Cond.BeginsWith) {
      operator = Operator.BEGINS_WITH;
    } else {
      Cond.Comparator c = ((Cond.Comparison) leaf).comparator();
      operator = Operator.valueOf((keyAt == 0 ? c : c.flipped()).name());
    }
    return new Part(key.topLevelName(), operator, values);
  }

  private static DynamoException firstOperand(String operator) {
    return invalidCondition(operator + " operator must have the key attribute as its first operand");
  }

  private static DynamoException invalidCondition(String detail) {
    return DynamoException.validation("Invalid condition in KeyConditionExpression: " + detail);
  }

  @Override
  public String toString() {
    return "KeyCondition" + parts;
  }
}
