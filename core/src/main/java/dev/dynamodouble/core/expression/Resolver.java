package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resolve pass: substitutes ExpressionAttributeNames/Values into a cached syntax tree, checks
 * everything that depends on them, and builds the executable form. Errors come out in DynamoDB's
 * order: for conditions leaf by leaf (undefined placeholders, then operand counts, then repeated
 * operands, then operand types); for updates category by category across the whole expression.
 */
final class Resolver {
  private static final Map<String, Integer> ARITY = Map.of(
      "attribute_exists", 1, "attribute_not_exists", 1, "attribute_type", 2, "begins_with", 2,
      "contains", 2, "size", 1, "if_not_exists", 2, "list_append", 2);
  private static final String ANY_TYPE = "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}";

  private final String parameter;
  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Set<String> usedNames;
  private final Set<String> usedValues;

  Resolver(String parameter, Map<String, String> names, Map<String, AttributeValue> values,
      Set<String> usedNames, Set<String> usedValues) {
    this.parameter = parameter;
    this.names = names;
    this.values = values;
    this.usedNames = usedNames;
    this.usedValues = usedValues;
  }

  // ---------------------------------------------------------------- conditions

  Cond condition(Syntax.Cond c) {
    if (c instanceof Syntax.And and) {
      Cond left = condition(and.left());
      return new Cond.And(left, condition(and.right()));
    }
    if (c instanceof Syntax.Or or) {
      Cond left = condition(or.left());
      return new Cond.Or(left, condition(or.right()));
    }
    if (c instanceof Syntax.Not not) {
      return new Cond.Not(condition(not.inner()));
    }
    return leaf(c);
  }

  private Cond leaf(Syntax.Cond c) {
    List<Syntax.Operand> operands = leafOperands(c);
    for (Syntax.Operand op : operands) {
      fail(undefined(op, true, true));
    }
    for (Syntax.Operand op : operands) {
      fail(arity(op));
    }
    if (c instanceof Syntax.FuncCond f) {
      fail(arity(f.call(), false));
    }
    List<Operand> resolved = new ArrayList<>();
    for (Syntax.Operand op : operands) {
      resolved.add(operand(op));
    }
    fail(distinct(c, resolved));
    for (Operand op : resolved) {
      fail(sizeTypes(op));
    }
    fail(leafTypes(c, resolved));
    return build(c, resolved);
  }

  private static List<Syntax.Operand> leafOperands(Syntax.Cond c) {
    if (c instanceof Syntax.Compare cmp) {
      return List.of(cmp.left(), cmp.right());
    }
    if (c instanceof Syntax.Between b) {
      return List.of(b.subject(), b.lower(), b.upper());
    }
    if (c instanceof Syntax.In in) {
      List<Syntax.Operand> all = new ArrayList<>();
      all.add(in.subject());
      all.addAll(in.candidates());
      return all;
    }
    return ((Syntax.FuncCond) c).call().args();
  }

  /** The function a leaf is about, for distinctness messages. */
  private static String leafOperator(Syntax.Cond c) {
    if (c instanceof Syntax.Compare cmp) {
      return cmp.op();
    }
    if (c instanceof Syntax.Between) {
      return "BETWEEN";
    }
    if (c instanceof Syntax.In) {
      return "IN";
    }
    return ((Syntax.FuncCond) c).call().name();
  }

  /** {@code a = a}, {@code contains(a, a)}: two-operand comparisons of a path with itself. */
  private String distinct(Syntax.Cond c, List<Operand> ops) {
    if (ops.size() != 2 || c instanceof Syntax.In) {
      return null;
    }
    if (!(ops.get(0) instanceof Operand.Path first)) {
      return null;
    }
    for (int i = 1; i < ops.size(); i++) {
      if (ops.get(i) instanceof Operand.Path other && other.path().equals(first.path())) {
        return Errors.notDistinct(leafOperator(c), first.path());
      }
    }
    return null;
  }

  /** size() of a value (or of another size) whose type has no size. */
  private static String sizeTypes(Operand op) {
    if (op instanceof Operand.Size size) {
      String inner = sizeTypes(size.argument());
      if (inner != null) {
        return inner;
      }
      AttributeType t = typeOf(size.argument());
      if (t == AttributeType.N || t == AttributeType.BOOL || t == AttributeType.NULL) {
        return Errors.operandType("size", t.name());
      }
    }
    return null;
  }

  private String leafTypes(Syntax.Cond c, List<Operand> ops) {
    if (c instanceof Syntax.Compare cmp) {
      if (!cmp.op().equals("=") && !cmp.op().equals("<>")) {
        return orderable(cmp.op(), ops);
      }
      return null;
    }
    if (c instanceof Syntax.Between) {
      String problem = orderable("BETWEEN", ops);
      if (problem != null) {
        return problem;
      }
      if (ops.get(1) instanceof Operand.Literal lo && ops.get(2) instanceof Operand.Literal hi) {
        String bounds = "lower bound operand: AttributeValue: " + Values.render(lo.value())
            + ", upper bound operand: AttributeValue: " + Values.render(hi.value());
        if (lo.value().type() != hi.value().type()) {
          return "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds;
        }
        if (Values.compare(lo.value(), hi.value()) > 0) {
          return "The BETWEEN operator requires upper bound to be greater than or equal to lower "
              + "bound; " + bounds;
        }
      }
      return null;
    }
    if (c instanceof Syntax.In) {
      return null;
    }
    Syntax.CallOp call = ((Syntax.FuncCond) c).call();
    switch (call.name()) {
      case "attribute_exists":
      case "attribute_not_exists":
        return ops.get(0) instanceof Operand.Path ? null : Errors.requiresPath(call.name());
      case "attribute_type": {
        if (ops.get(1) instanceof Operand.Literal lit && lit.value() instanceof AttributeValue.S s) {
          return AttributeType.fromWire(s.value()) == null ? Errors.invalidTypeName(s.value()) : null;
        }
        AttributeType t = typeOf(ops.get(1));
        return Errors.operandType("attribute_type", t == null ? ANY_TYPE : t.name());
      }
      case "begins_with":
        for (Operand op : ops) {
          AttributeType t = typeOf(op);
          if (t != null && t != AttributeType.S && t != AttributeType.B) {
            return Errors.operandType("begins_with", t.name());
          }
        }
        return null;
      default:
        return null;
    }
  }

  private static String orderable(String operator, List<Operand> ops) {
    for (Operand op : ops) {
      AttributeType t = typeOf(op);
      if (t != null && !Values.orderable(t)) {
        return Errors.operandType(operator, t.name());
      }
    }
    return null;
  }

  /** The type an operand is known to have before evaluation: literals and size(); else null. */
  private static AttributeType typeOf(Operand op) {
    if (op instanceof Operand.Literal lit) {
      return lit.value().type();
    }
    if (op instanceof Operand.Size) {
      return AttributeType.N;
    }
    return null;
  }

  private static Cond build(Syntax.Cond c, List<Operand> ops) {
    if (c instanceof Syntax.Compare cmp) {
      return new Cond.Comparison(Cond.Comparator.of(cmp.op()), ops.get(0), ops.get(1));
    }
    if (c instanceof Syntax.Between) {
      return new Cond.Between(ops.get(0), ops.get(1), ops.get(2));
    }
    if (c instanceof Syntax.In) {
      return new Cond.In(ops.get(0), List.copyOf(ops.subList(1, ops.size())));
    }
    String name = ((Syntax.FuncCond) c).call().name();
    switch (name) {
      case "attribute_exists":
        return new Cond.Exists(((Operand.Path) ops.get(0)).path(), true);
      case "attribute_not_exists":
        return new Cond.Exists(((Operand.Path) ops.get(0)).path(), false);
      case "attribute_type":
        AttributeValue.S type = (AttributeValue.S) ((Operand.Literal) ops.get(1)).value();
        return new Cond.TypeIs(ops.get(0), AttributeType.fromWire(type.value()));
      case "begins_with":
        return new Cond.BeginsWith(ops.get(0), ops.get(1));
      case "contains":
        return new Cond.Contains(ops.get(0), ops.get(1));
      default:
        throw new IllegalStateException("not a condition function: " + name);
    }
  }

  // ---------------------------------------------------------------- updates

  List<Update.Action> update(Syntax.UpdateTree tree) {
    List<Syntax.Action> actions = tree.actions();
    for (Syntax.Action a : actions) {
      fail(undefined(a.path(), true, false));
      if (a.value() != null) {
        fail(undefined(a.value(), true, false));
      }
    }
    for (Syntax.Action a : actions) {
      if (a.value() != null) {
        fail(undefined(a.value(), false, true));
      }
    }
    List<DocumentPath> paths = new ArrayList<>();
    for (Syntax.Action a : actions) {
      paths.add(path(a.path()));
    }
    fail(overlapsAndConflicts(paths));
    for (Syntax.Action a : actions) {
      if (a.clause() == Syntax.Clause.ADD || a.clause() == Syntax.Clause.DELETE) {
        AttributeType t = values.get(((Syntax.ValueOp) a.value()).placeholder()).type();
        boolean ok = t.isSet() || (a.clause() == Syntax.Clause.ADD && t == AttributeType.N);
        if (!ok) {
          fail(Errors.clauseOperandType(a.clause().name(), t));
        }
      }
    }
    for (Syntax.Action a : actions) {
      if (a.clause() == Syntax.Clause.SET) {
        fail(updateFunctions(a.value()));
      }
    }
    List<Update.Action> resolved = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      Syntax.Action a = actions.get(i);
      resolved.add(new Update.Action(a.clause(), paths.get(i),
          a.value() == null ? null : operand(a.value())));
    }
    return resolved;
  }

  /** Operand counts, document-path arguments and literal types of update functions, post-order. */
  private String updateFunctions(Syntax.Operand op) {
    if (op instanceof Syntax.CallOp call) {
      for (Syntax.Operand arg : call.args()) {
        String inner = updateFunctions(arg);
        if (inner != null) {
          return inner;
        }
      }
      String count = arity(call, false);
      if (count != null) {
        return count;
      }
      if (call.name().equals("if_not_exists")) {
        return call.args().get(0) instanceof Syntax.PathOp ? null : Errors.requiresPath(call.name());
      }
      return call.name().equals("list_append")
          ? literalTypes("list_append", call.args(), AttributeType.L) : null;
    }
    if (op instanceof Syntax.ArithOp arith) {
      String inner = updateFunctions(arith.left());
      if (inner == null) {
        inner = updateFunctions(arith.right());
      }
      if (inner != null) {
        return inner;
      }
      return literalTypes(arith.plus() ? "+" : "-", List.of(arith.left(), arith.right()),
          AttributeType.N);
    }
    return null;
  }

  private String literalTypes(String function, List<Syntax.Operand> args, AttributeType wanted) {
    for (Syntax.Operand arg : args) {
      if (arg instanceof Syntax.ValueOp v) {
        AttributeType t = values.get(v.placeholder()).type();
        if (t != wanted) {
          return Errors.operandType(function, t.name());
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- projections

  List<DocumentPath> projection(Syntax.ProjectionTree tree) {
    for (Syntax.PathOp p : tree.paths()) {
      fail(undefined(p, true, false));
    }
    List<DocumentPath> paths = new ArrayList<>();
    for (Syntax.PathOp p : tree.paths()) {
      paths.add(path(p));
    }
    fail(overlapsAndConflicts(paths));
    return paths;
  }

  /** Overlaps (one path a prefix of another) take precedence over conflicts, pair by pair. */
  static String overlapsAndConflicts(List<DocumentPath> paths) {
    for (int j = 1; j < paths.size(); j++) {
      for (int i = 0; i < j; i++) {
        DocumentPath one = paths.get(i);
        DocumentPath two = paths.get(j);
        if (one.isPrefixOf(two) || two.isPrefixOf(one)) {
          return Errors.overlap(one, two);
        }
      }
    }
    for (int j = 1; j < paths.size(); j++) {
      for (int i = 0; i < j; i++) {
        if (paths.get(i).conflictsWith(paths.get(j))) {
          return Errors.conflict(paths.get(i), paths.get(j));
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- shared

  private void fail(String problem) {
    if (problem != null) {
      throw Errors.invalid(parameter, problem);
    }
  }

  /** The first undefined placeholder in document order, among the kinds asked for. */
  private String undefined(Syntax.Operand op, boolean checkNames, boolean checkValues) {
    if (op instanceof Syntax.PathOp path) {
      if (checkNames) {
        for (Syntax.Elem e : path.elems()) {
          if (e instanceof Syntax.Name n && n.placeholder()
              && (names == null || !names.containsKey(n.text()))) {
            return Errors.undefinedName(n.text());
          }
        }
      }
      return null;
    }
    if (op instanceof Syntax.ValueOp v) {
      if (checkValues && (values == null || !values.containsKey(v.placeholder()))) {
        return Errors.undefinedValue(v.placeholder());
      }
      return null;
    }
    if (op instanceof Syntax.CallOp call) {
      for (Syntax.Operand arg : call.args()) {
        String problem = undefined(arg, checkNames, checkValues);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    Syntax.ArithOp arith = (Syntax.ArithOp) op;
    String problem = undefined(arith.left(), checkNames, checkValues);
    return problem != null ? problem : undefined(arith.right(), checkNames, checkValues);
  }

  private static String arity(Syntax.Operand op) {
    if (op instanceof Syntax.CallOp call) {
      return arity(call, true);
    }
    return null;
  }

  private static String arity(Syntax.CallOp call, boolean nested) {
    if (nested) {
      for (Syntax.Operand arg : call.args()) {
        String problem = arity(arg);
        if (problem != null) {
          return problem;
        }
      }
    }
    Integer expected = ARITY.get(call.name());
    if (expected != null && expected != call.args().size()) {
      return Errors.operandCount(call.name(), call.args().size());
    }
    return null;
  }

  private DocumentPath path(Syntax.PathOp p) {
    List<DocumentPath.Element> elements = new ArrayList<>(p.elems().size());
    for (Syntax.Elem e : p.elems()) {
      if (e instanceof Syntax.Name n) {
        String name = n.text();
        if (n.placeholder()) {
          usedNames.add(name);
          name = names.get(name);
        }
        elements.add(new DocumentPath.Name(name));
      } else {
        elements.add(new DocumentPath.Index(((Syntax.Index) e).index()));
      }
    }
    return new DocumentPath(elements);
  }

  private Operand operand(Syntax.Operand op) {
    if (op instanceof Syntax.PathOp p) {
      return new Operand.Path(path(p));
    }
    if (op instanceof Syntax.ValueOp v) {
      usedValues.add(v.placeholder());
      return new Operand.Literal(values.get(v.placeholder()));
    }
    if (op instanceof Syntax.ArithOp a) {
      Operand left = operand(a.left());
      return new Operand.Arithmetic(a.plus(), left, operand(a.right()));
    }
    Syntax.CallOp call = (Syntax.CallOp) op;
    switch (call.name()) {
      case "size":
        return new Operand.Size(operand(call.args().get(0)));
      case "if_not_exists":
        DocumentPath path = path((Syntax.PathOp) call.args().get(0));
        return new Operand.IfNotExists(path, operand(call.args().get(1)));
      case "list_append":
        Operand first = operand(call.args().get(0));
        return new Operand.ListAppend(first, operand(call.args().get(1)));
      default:
        throw new IllegalStateException("function used as an operand: " + call.name());
    }
  }
}
