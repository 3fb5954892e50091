package dev.dynamodouble.core.expression;

import java.util.List;

/**
 * The parsed, not yet resolved form of an expression: placeholders are still names, functions are
 * still generic calls. Immutable, independent of any request, and therefore cached by expression
 * text. {@link Resolver} turns it into the executable form for one request.
 */
final class Syntax {
  private Syntax() {}

  /** One element of a document path as written. */
  sealed interface Elem permits Name, Index {}

  /** A name element: an identifier, or a {@code #placeholder} when {@code placeholder} is set. */
  record Name(String text, boolean placeholder) implements Elem {}

  /** A list index element {@code [n]}. */
  record Index(int index) implements Elem {}

  /** An operand: a path, a {@code :value}, a function call, or (updates only) {@code a + b}. */
  sealed interface Operand permits PathOp, ValueOp, CallOp, ArithOp {}

  record PathOp(List<Elem> elems) implements Operand {}

  record ValueOp(String placeholder) implements Operand {}

  record CallOp(String name, List<Operand> args) implements Operand {}

  record ArithOp(boolean plus, Operand left, Operand right) implements Operand {}

  /** A condition (condition, filter and key-condition expressions). */
  sealed interface Cond permits Compare, Between, In, FuncCond, And, Or, Not {}

  /** {@code left op right}; {@code op} is the comparator as written ("=", "<>", "<", ...). */
  record Compare(String op, Operand left, Operand right) implements Cond {}

  record Between(Operand subject, Operand lower, Operand upper) implements Cond {}

  record In(Operand subject, List<Operand> candidates) implements Cond {}

  /** A function call used as a condition, such as {@code attribute_exists(a)}. */
  record FuncCond(CallOp call) implements Cond {}

  record And(Cond left, Cond right) implements Cond {}

  record Or(Cond left, Cond right) implements Cond {}

  record Not(Cond inner) implements Cond {}

  /** The four clauses of an update expression. */
  enum Clause { SET, REMOVE, ADD, DELETE }

  /** One action of an update expression; {@code value} is null for REMOVE. */
  record Action(Clause clause, PathOp path, Operand value) {}

  record UpdateTree(List<Action> actions) {}

  record ProjectionTree(List<PathOp> paths) {}
}
