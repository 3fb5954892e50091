package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resolved document path: attribute names (placeholders already substituted) and list indexes.
 * {@link #toString()} renders it as DynamoDB does in error messages: {@code [a, b, [1]]}.
 */
public final class DocumentPath {
  private final List<Element> elements;

  /** One step of a path. */
  public sealed interface Element permits Name, Index {}

  /** A map key (or, first, a top-level attribute name). */
  public record Name(String name) implements Element {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A list index. */
  public record Index(int index) implements Element {
    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }

  public DocumentPath(List<Element> elements) {
    if (elements.isEmpty() || !(elements.get(0) instanceof Name)) {
      throw new IllegalArgumentException("a document path starts with a name: " + elements);
    }
    this.elements = List.copyOf(elements);
  }

  /** A top-level attribute. */
  public static DocumentPath of(String attributeName) {
    return new DocumentPath(List.of(new Name(attributeName)));
  }

  public List<Element> elements() {
    return elements;
  }

  public int size() {
    return elements.size();
  }

  public Element get(int i) {
    return elements.get(i);
  }

  /** The name of the top-level attribute the path starts at. */
  public String topLevelName() {
    return ((Name) elements.get(0)).name();
  }

  /** The top-level attribute names {@code paths} start at, in their order, each once. */
  static Set<String> topLevelNames(List<DocumentPath> paths) {
    Set<String> names = new LinkedHashSet<>();
    for (DocumentPath p : paths) {
      names.add(p.topLevelName());
    }
    return names;
  }

  /** Whether this is just a top-level attribute name. */
  public boolean isTopLevel() {
    return elements.size() == 1;
  }

  /** Whether {@code this} is a (non-strict) prefix of {@code other}. */
  public boolean isPrefixOf(DocumentPath other) {
    if (elements.size() > other.elements.size()) {
      return false;
    }
    for (int i = 0; i < elements.size(); i++) {
      if (!elements.get(i).equals(other.elements.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the two paths conflict: after a common prefix, one goes on with a list index where the
   * other goes on with a map key.
   */
  public boolean conflictsWith(DocumentPath other) {
    int n = Math.min(elements.size(), other.elements.size());
    for (int i = 0; i < n; i++) {
      Element a = elements.get(i);
      Element b = other.elements.get(i);
      if (a.getClass() != b.getClass()) {
        return true;
      }
      if (!a.equals(b)) {
        return false;
      }
    }
    return false;
  }

  /** The value at this path in {@code item}, or null when any step is missing or mistyped. */
  public AttributeValue resolve(Map<String, AttributeValue> item) {
    if (item == null) {
      return null;
    }
    AttributeValue current = item.get(topLevelName());
    for (int i = 1; i < elements.size() && current != null; i++) {
      current = step(current, elements.get(i));
    }
    return current;
  }

  static AttributeValue step(AttributeValue container, Element element) {
    if (element instanceof Name name) {
      return container instanceof AttributeValue.M m ? m.value().get(name.name()) : null;
    }
    int index = ((Index) element).index();
    if (container instanceof AttributeValue.L list && index < list.value().size()) {
      return list.value().get(index);
    }
    return null;
  }

  /** A new path with {@code element} appended. */
  public DocumentPath child(Element element) {
    List<Element> copy = new ArrayList<>(elements);
    copy.add(element);
    return new DocumentPath(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocumentPath p && p.elements.equals(elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(elements.get(i));
    }
    return sb.append(']').toString();
  }
}
