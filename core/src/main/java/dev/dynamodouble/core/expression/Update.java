package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.DynamoNumber;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resolved UpdateExpression (or legacy AttributeUpdates). {@link #apply} computes the new item
 * from the old one the way DynamoDB does: every SET value is computed from the old item first,
 * then all actions are applied together; list elements removed by index shift the rest, and writes
 * past the end of a list append, in index order.
 */
public final class Update {
  /** One action; {@code value} is null for REMOVE and a literal for ADD and DELETE. */
  record Action(Syntax.Clause clause, DocumentPath path, Operand value) {}

  private static final String LEGACY_TYPE_MISMATCH = "Type mismatch for attribute to update";

  private final List<Action> actions;
  private final List<DocumentPath> paths;
  private final boolean legacy;

  Update(List<Action> actions, boolean legacy) {
    this.actions = List.copyOf(actions);
    this.legacy = legacy;
    List<DocumentPath> p = new ArrayList<>();
    for (Action a : this.actions) {
      p.add(a.path());
    }
    this.paths = List.copyOf(p);
  }

  /** The paths the update writes, in expression order. */
  public List<DocumentPath> updatedPaths() {
    return paths;
  }

  /** Whether every action only takes something away (REMOVE, DELETE): on a missing item that writes nothing. */
  public boolean removesOnly() {
    for (Action a : actions) {
      if (a.clause() != Syntax.Clause.REMOVE && a.clause() != Syntax.Clause.DELETE) {
        return false;
      }
    }
    return true;
  }

  /**
   * Fails with "One or more parameter values were invalid: Cannot update attribute pk. This
   * attribute is part of the key" when an action writes a key attribute or anything inside one.
   * DynamoDB checks this before the condition; {@link #apply} checks it too.
   */
  public void checkKeyAttributes(Set<String> keyAttributeNames) {
    for (Action a : actions) {
      if (keyAttributeNames.contains(a.path().topLevelName())) {
        throw Errors.keyUpdate(a.path().topLevelName());
      }
    }
  }

  /**
   * Applies the update to {@code oldItem}. For an item that does not exist yet, pass its key
   * attributes: DynamoDB evaluates {@code SET b = if_not_exists(b, pk)} against them.
   *
   * @param keyAttributeNames the table's key attribute names: updating any of them, even inside,
   *     is refused with "Cannot update attribute pk. This attribute is part of the key"
   * @throws DynamoException ValidationException for the runtime errors of UpdateItem
   */
  public UpdateResult apply(Map<String, AttributeValue> oldItem, Set<String> keyAttributeNames) {
    Map<String, AttributeValue> old = oldItem == null ? Map.of() : oldItem;
    checkKeyAttributes(keyAttributeNames);
    List<AttributeValue> values = new ArrayList<>(actions.size());
    List<Integer> indexes = new ArrayList<>(actions.size());
    for (int i = 0; i < actions.size(); i++) {
      Action a = actions.get(i);
      values.add(a.value() == null ? null
          : a.clause() == Syntax.Clause.SET ? UpdateEvaluation.value(a.value(), old)
          : ((Operand.Literal) a.value()).value());
      indexes.add(i);
    }
    PathTree<Integer> tree = PathTree.of(paths, indexes);
    Map<String, AttributeValue> updated = applyMap(old, tree, values);
    return new UpdateResult(old, updated, paths);
  }

  private Map<String, AttributeValue> applyMap(Map<String, AttributeValue> current,
      PathTree<Integer> node, List<AttributeValue> values) {
    Map<String, AttributeValue> copy = new LinkedHashMap<>(current);
    for (Map.Entry<String, PathTree<Integer>> e : node.names.entrySet()) {
      AttributeValue existing = copy.get(e.getKey());
      PathTree<Integer> child = e.getValue();
      AttributeValue result = child.leaf
          ? leaf(existing, actions.get(child.payload), values.get(child.payload))
          : container(existing, child, values);
      if (result == null) {
        copy.remove(e.getKey());
      } else {
        copy.put(e.getKey(), result);
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  private AttributeValue container(AttributeValue existing, PathTree<Integer> node,
      List<AttributeValue> values) {
    if (!node.names.isEmpty()) {
      if (existing instanceof AttributeValue.M m) {
        return new AttributeValue.M(applyMap(m.value(), node, values));
      }
      throw DynamoException.validation(Errors.INVALID_PATH_FOR_UPDATE);
    }
    if (!(existing instanceof AttributeValue.L list)) {
      throw DynamoException.validation(Errors.INVALID_PATH_FOR_UPDATE);
    }
    List<AttributeValue> elements = list.value();
    List<AttributeValue> result = new ArrayList<>(elements.size() + node.indexes.size());
    for (int k = 0; k < elements.size(); k++) {
      PathTree<Integer> child = node.indexes.get(k);
      if (child == null) {
        result.add(elements.get(k));
      } else if (child.leaf) {
        AttributeValue v = leaf(elements.get(k), actions.get(child.payload), values.get(child.payload));
        if (v != null) {
          result.add(v);
        }
      } else {
        result.add(container(elements.get(k), child, values));
      }
    }
    for (Map.Entry<Integer, PathTree<Integer>> e : node.indexes.tailMap(elements.size()).entrySet()) {
      PathTree<Integer> child = e.getValue();
      if (!child.leaf) {
        throw DynamoException.validation(Errors.INVALID_PATH_FOR_UPDATE);
      }
      AttributeValue v = leaf(null, actions.get(child.payload), values.get(child.payload));
      if (v != null) {
        result.add(v);
      }
    }
    return AttributeValue.list(result);
  }

  /** The new value at one written path; null removes it. */
  private AttributeValue leaf(AttributeValue existing, Action action, AttributeValue value) {
    switch (action.clause()) {
      case SET:
        return value;
      case REMOVE:
        return null;
      case ADD:
        return existing == null ? value : add(existing, value);
      default:
        return existing == null ? null : delete(existing, value);
    }
  }

  private AttributeValue add(AttributeValue existing, AttributeValue value) {
    if (existing instanceof AttributeValue.N a && value instanceof AttributeValue.N b) {
      return DynamoNumber.of(a.decimal().add(b.decimal()));
    }
    if (existing instanceof AttributeValue.SS a && value instanceof AttributeValue.SS b) {
      Set<String> union = new LinkedHashSet<>(a.value());
      union.addAll(b.value());
      return new AttributeValue.SS(union);
    }
    if (existing instanceof AttributeValue.NS a && value instanceof AttributeValue.NS b) {
      Set<AttributeValue.N> union = new LinkedHashSet<>(a.value());
      union.addAll(b.value());
      return new AttributeValue.NS(union);
    }
    if (existing instanceof AttributeValue.BS a && value instanceof AttributeValue.BS b) {
      Set<AttributeValue.B> union = new LinkedHashSet<>(a.value());
      union.addAll(b.value());
      return new AttributeValue.BS(union);
    }
    if (legacy && existing instanceof AttributeValue.L a && value instanceof AttributeValue.L b) {
      List<AttributeValue> joined = new ArrayList<>(a.value());
      joined.addAll(b.value());
      return AttributeValue.list(joined);
    }
    throw typeMismatch();
  }

  private AttributeValue delete(AttributeValue existing, AttributeValue value) {
    if (existing instanceof AttributeValue.SS a && value instanceof AttributeValue.SS b) {
      Set<String> rest = new LinkedHashSet<>(a.value());
      rest.removeAll(b.value());
      return rest.isEmpty() ? null : new AttributeValue.SS(rest);
    }
    if (existing instanceof AttributeValue.NS a && value instanceof AttributeValue.NS b) {
      Set<AttributeValue.N> rest = new LinkedHashSet<>(a.value());
      rest.removeAll(b.value());
      return rest.isEmpty() ? null : new AttributeValue.NS(rest);
    }
    if (existing instanceof AttributeValue.BS a && value instanceof AttributeValue.BS b) {
      Set<AttributeValue.B> rest = new LinkedHashSet<>(a.value());
      rest.removeAll(b.value());
      return rest.isEmpty() ? null : new AttributeValue.BS(rest);
    }
    throw typeMismatch();
  }

  private DynamoException typeMismatch() {
    return DynamoException.validation(legacy ? LEGACY_TYPE_MISMATCH : Errors.WRONG_OPERAND_TYPE);
  }

  @Override
  public String toString() {
    return "Update" + actions;
  }
}
