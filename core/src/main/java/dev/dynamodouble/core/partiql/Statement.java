package dev.dynamodouble.core.partiql;

import dev.dynamodouble.core.expression.DocumentPath;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.List;
import java.util.Map;

/** A parsed PartiQL statement, its parameters already bound. */
public sealed interface Statement {

  /** The table (and index) a statement names. */
  record Target(String table, String index) {}

  Target target();

  /** Whether the statement reads (SELECT, EXISTS) rather than writes. */
  default boolean isRead() {
    return this instanceof Select;
  }

  /** {@code SELECT projection FROM target [WHERE ...] [ORDER BY path [ASC|DESC]]}; projection null for *. */
  record Select(Target target, List<DocumentPath> projection, Expr where, DocumentPath orderBy,
                boolean descending) implements Statement {}

  /** {@code INSERT INTO target VALUE {...}}. */
  record Insert(Target target, Map<String, AttributeValue> item) implements Statement {}

  /** One assignment or removal of an UPDATE; {@code value} is null for REMOVE. */
  record Change(DocumentPath path, Expr value) {}

  /** {@code UPDATE target SET ... REMOVE ... WHERE ... [RETURNING ...]}; returning is a ReturnValues name or null. */
  record Update(Target target, List<Change> changes, Expr where, String returning) implements Statement {}

  /** {@code DELETE FROM target WHERE ... [RETURNING ALL OLD *]}. */
  record Delete(Target target, Expr where, String returning) implements Statement {}

  /** {@code EXISTS(SELECT ...)}: a condition check, in transactions only. */
  record Exists(Select select) implements Statement {
    public Target target() {
      return select.target();
    }
  }
}
