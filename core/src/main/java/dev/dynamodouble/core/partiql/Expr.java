package dev.dynamodouble.core.partiql;

import dev.dynamodouble.core.expression.DocumentPath;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.List;

/** An expression of a statement: a condition, an operand, or a value to assign. */
sealed interface Expr {

  /** An attribute or document path of the item. */
  record Path(DocumentPath path) implements Expr {}

  /** A literal, or a parameter already bound to its value. */
  record Value(AttributeValue value) implements Expr {}

  /** {@code left op right} with op one of = <> < <= > >=. */
  record Compare(String op, Expr left, Expr right) implements Expr {}

  record Between(Expr subject, Expr low, Expr high) implements Expr {}

  record In(Expr subject, List<Expr> candidates) implements Expr {}

  record And(Expr left, Expr right) implements Expr {}

  record Or(Expr left, Expr right) implements Expr {}

  record Not(Expr inner) implements Expr {}

  /** {@code x IS MISSING} ({@code missing}) or {@code x IS NOT MISSING}. */
  record IsMissing(Path subject, boolean missing) implements Expr {}

  /** {@code x IS NULL} ({@code isNull}) or {@code x IS NOT NULL}. */
  record IsNull(Path subject, boolean isNull) implements Expr {}

  /** A function call; {@code name} is lower case. */
  record Call(String name, List<Expr> arguments) implements Expr {}

  /** {@code left + right} or {@code left - right} (UPDATE ... SET only). */
  record Arithmetic(boolean plus, Expr left, Expr right) implements Expr {}
}
