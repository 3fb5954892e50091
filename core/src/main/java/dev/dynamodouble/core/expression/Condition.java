package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resolved ConditionExpression or FilterExpression (or a legacy Expected / QueryFilter /
 * ScanFilter translated into the same form), ready to test items.
 */
public final class Condition {
  private final Cond root;
  private final String filterName;
  private final List<DocumentPath> paths;

  Condition(Cond root, String filterName) {
    this.root = root;
    this.filterName = filterName;
    List<DocumentPath> found = new ArrayList<>();
    collect(root, found);
    this.paths = List.copyOf(found);
  }

  /**
   * Whether {@code item} satisfies the condition. A null item is an absent item: only conditions
   * such as {@code attribute_not_exists(x)} or {@code x <> :v} hold for it.
   */
  public boolean test(Map<String, AttributeValue> item) {
    return root.test(item == null ? Map.of() : item);
  }

  /** The document paths the condition reads, in expression order (with repeats). */
  public List<DocumentPath> paths() {
    return paths;
  }

  /**
   * The condition as equalities of top-level attributes to values joined by AND (a vector
   * search's SearchConditionExpression), name to value in expression order; null when it is
   * anything else (another comparator, OR, NOT, a function, a nested path, two attributes).
   */
  public List<Map.Entry<String, AttributeValue>> equalities() {
    List<Map.Entry<String, AttributeValue>> found = new ArrayList<>();
    return equalities(root, found) ? found : null;
  }

  private static boolean equalities(Cond cond, List<Map.Entry<String, AttributeValue>> found) {
    if (cond instanceof Cond.And and) {
      return equalities(and.left(), found) && equalities(and.right(), found);
    }
    if (cond instanceof Cond.Comparison c && c.comparator() == Cond.Comparator.EQ) {
      Operand path = c.left() instanceof Operand.Path ? c.left() : c.right();
      Operand literal = path == c.left() ? c.right() : c.left();
      if (path instanceof Operand.Path p && p.path().isTopLevel() && literal instanceof Operand.Literal l) {
        found.add(Map.entry(p.path().topLevelName(), l.value()));
        return true;
      }
    }
    return false;
  }

  /** The top-level attribute names the condition reads, in expression order. */
  public Set<String> topLevelNames() {
    return DocumentPath.topLevelNames(paths);
  }

  /**
   * For Query filters: DynamoDB refuses a filter on a key attribute of the table or index queried,
   * with "Filter Expression can only contain non-primary key attributes: Primary key attribute: a"
   * (or "QueryFilter can only contain ..." for the legacy parameter).
   */
  public void requireNoKeyAttributes(Collection<String> keyAttributeNames) {
    for (DocumentPath p : paths) {
      if (keyAttributeNames.contains(p.topLevelName())) {
        throw DynamoException.validation(filterName
            + " can only contain non-primary key attributes: Primary key attribute: "
            + p.topLevelName());
      }
    }
  }

  Cond root() {
    return root;
  }

  private static void collect(Cond c, List<DocumentPath> out) {
    if (c instanceof Cond.And and) {
      collect(and.left(), out);
      collect(and.right(), out);
    } else if (c instanceof Cond.Or or) {
      collect(or.left(), out);
      collect(or.right(), out);
    } else if (c instanceof Cond.Not not) {
      collect(not.inner(), out);
    } else if (c instanceof Cond.Comparison cmp) {
      collect(cmp.left(), out);
      collect(cmp.right(), out);
    } else if (c instanceof Cond.Between b) {
      collect(b.subject(), out);
      collect(b.lower(), out);
      collect(b.upper(), out);
    } else if (c instanceof Cond.In in) {
      collect(in.subject(), out);
      for (Operand o : in.candidates()) {
        collect(o, out);
      }
    } else if (c instanceof Cond.Exists e) {
      out.add(e.path());
    } else if (c instanceof Cond.TypeIs t) {
      collect(t.operand(), out);
    } else if (c instanceof Cond.BeginsWith bw) {
      collect(bw.value(), out);
      collect(bw.prefix(), out);
    } else if (c instanceof Cond.Contains ct) {
      collect(ct.container(), out);
      collect(ct.element(), out);
    }
  }

  private static void collect(Operand o, List<DocumentPath> out) {
    if (o instanceof Operand.Path p) {
      out.add(p.path());
    } else if (o instanceof Operand.Size s) {
      collect(s.argument(), out);
    }
  }

  @Override
  public String toString() {
    return "Condition[" + root + "]";
  }
}
