package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of {@link Update#apply}: the item before and after, and what ReturnValues
 * UPDATED_OLD / UPDATED_NEW return, which is the old or new item projected onto the updated
 * document paths (nested paths keep their shape, as a ProjectionExpression would).
 */
public final class UpdateResult {
  private final Map<String, AttributeValue> oldItem;
  private final Map<String, AttributeValue> newItem;
  private final List<DocumentPath> updatedPaths;
  private final PathTree<Void> tree;

  UpdateResult(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem,
      List<DocumentPath> updatedPaths) {
    this.oldItem = oldItem;
    this.newItem = newItem;
    this.updatedPaths = updatedPaths;
    this.tree = PathTree.of(updatedPaths, null);
  }

  /** The item before the update (empty when it did not exist). */
  public Map<String, AttributeValue> oldItem() {
    return oldItem;
  }

  /** The item after the update, without any key attribute the old item lacked. */
  public Map<String, AttributeValue> newItem() {
    return newItem;
  }

  public List<DocumentPath> updatedPaths() {
    return updatedPaths;
  }

  /** The top-level attributes the update wrote, in expression order. */
  public Set<String> updatedAttributeNames() {
    Set<String> names = new LinkedHashSet<>();
    for (DocumentPath p : updatedPaths) {
      names.add(p.topLevelName());
    }
    return names;
  }

  /** ReturnValues=UPDATED_OLD: the old item projected onto the updated paths. */
  public Map<String, AttributeValue> updatedOld() {
    return PathTree.project(oldItem, tree);
  }

  /** ReturnValues=UPDATED_NEW: the new item projected onto the updated paths. */
  public Map<String, AttributeValue> updatedNew() {
    return PathTree.project(newItem, tree);
  }
}
