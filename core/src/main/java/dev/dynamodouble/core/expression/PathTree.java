package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trie of non-overlapping document paths, each leaf carrying a payload. Projections and updates
 * walk it together with an item so that several paths into one map or list are handled at once.
 */
final class PathTree<T> {
  final Map<String, PathTree<T>> names = new LinkedHashMap<>();
  final TreeMap<Integer, PathTree<T>> indexes = new TreeMap<>();
  boolean leaf;
  T payload;

  static <T> PathTree<T> of(List<DocumentPath> paths, List<T> payloads) {
    PathTree<T> root = new PathTree<>();
    for (int i = 0; i < paths.size(); i++) {
      PathTree<T> node = root;
      for (DocumentPath.Element e : paths.get(i).elements()) {
        if (e instanceof DocumentPath.Name n) {
          node = node.names.computeIfAbsent(n.name(), k -> new PathTree<>());
        } else {
          node = node.indexes.computeIfAbsent(((DocumentPath.Index) e).index(), k -> new PathTree<>());
        }
      }
      node.leaf = true;
      node.payload = payloads == null ? null : payloads.get(i);
    }
    return root;
  }

  /** The parts of {@code item} the paths select, in the item's shape; lists are compacted. */
  static Map<String, AttributeValue> project(Map<String, AttributeValue> item, PathTree<?> tree) {
    Map<String, AttributeValue> result = new LinkedHashMap<>();
    if (item == null) {
      return result;
    }
    for (Map.Entry<String, ? extends PathTree<?>> e : tree.names.entrySet()) {
      AttributeValue v = item.get(e.getKey());
      AttributeValue selected = v == null ? null : select(v, e.getValue());
      if (selected != null) {
        result.put(e.getKey(), selected);
      }
    }
    return Collections.unmodifiableMap(result);
  }

  private static AttributeValue select(AttributeValue value, PathTree<?> node) {
    if (node.leaf) {
      return value;
    }
    if (!node.names.isEmpty()) {
      if (!(value instanceof AttributeValue.M m)) {
        return null;
      }
      Map<String, AttributeValue> sub = new LinkedHashMap<>();
      for (Map.Entry<String, ? extends PathTree<?>> e : node.names.entrySet()) {
        AttributeValue v = m.value().get(e.getKey());
        AttributeValue selected = v == null ? null : select(v, e.getValue());
        if (selected != null) {
          sub.put(e.getKey(), selected);
        }
      }
      return sub.isEmpty() ? null : new AttributeValue.M(Collections.unmodifiableMap(sub));
    }
    if (!(value instanceof AttributeValue.L list)) {
      return null;
    }
    List<AttributeValue> elements = new ArrayList<>();
    for (Map.Entry<Integer, ? extends PathTree<?>> e : node.indexes.entrySet()) {
      if (e.getKey() < list.value().size()) {
        AttributeValue selected = select(list.value().get(e.getKey()), e.getValue());
        if (selected != null) {
          elements.add(selected);
        }
      }
    }
    return elements.isEmpty() ? null : new AttributeValue.L(List.copyOf(elements));
  }
}
