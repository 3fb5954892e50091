package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resolved ProjectionExpression (or AttributesToGet): the document paths to return.
 * {@link #apply} keeps only those paths, nested ones in their original shape; selected list
 * elements come back as a list holding just them, in index order.
 */
public final class Projection {
  private final List<DocumentPath> paths;
  private final PathTree<Void> tree;

  Projection(List<DocumentPath> paths) {
    this.paths = List.copyOf(paths);
    this.tree = PathTree.of(this.paths, null);
  }

  /** A projection of whole top-level attributes (what AttributesToGet means). */
  public static Projection ofAttributes(List<String> attributeNames) {
    return new Projection(attributeNames.stream().map(DocumentPath::of).toList());
  }

  /** The selected parts of {@code item}; an empty map when nothing matched or item is null. */
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
    return PathTree.project(item, tree);
  }

  public List<DocumentPath> paths() {
    return paths;
  }

  /** The top-level attribute names the projection reads, in expression order. */
  public Set<String> topLevelNames() {
    return DocumentPath.topLevelNames(paths);
  }

  @Override
  public String toString() {
    return "Projection" + paths;
  }
}
