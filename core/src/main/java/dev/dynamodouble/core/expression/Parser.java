package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.value.ItemSize;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for the three expression grammars (conditions, updates, projections).
 *
 * <p>It throws a syntax error at the first unexpected token. Every other problem DynamoDB finds
 * without looking at ExpressionAttributeNames/Values (redundant parentheses, unknown functions,
 * reserved words, nesting, operator counts) is only recorded while parsing and reported once the
 * whole text parsed, in DynamoDB's order of precedence. The result is independent of the request
 * and is cached by {@link ParseCache}.
 */
final class Parser {
  static final int MAX_EXPRESSION_BYTES = 4096;
  static final int MAX_PATH_DEPTH = 32;
  static final int MAX_OPERATORS = 300;
  static final int MAX_IN_OPERANDS = 100;
  /** Guards the recursion; only reachable with redundant parentheses or too many operators. */
  private static final int MAX_NESTING = 400;

  private static final Set<String> CONDITION_FUNCTIONS = Set.of(
      "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size");
  private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");

  private enum Mode { CONDITION, UPDATE, PROJECTION }

  private final String parameter;
  private final String src;
  private final Mode mode;
  private final List<Token> tokens;
  private int pos;
  private int depth;
  private int operators;
  /** Grouping parentheses seen so far: index of ')' to index of '('. */
  private final Map<Integer, Integer> groups = new HashMap<>();

  // The first occurrence of each parse-phase problem.
  private String redundantParens;
  private String functionProblem;
  private String misusedFunction;
  private String reserved;
  private String tooDeep;
  private String inTooMany;
  private String duplicateSection;

  private Parser(String parameter, String src, Mode mode) {
    this.parameter = parameter;
    this.src = src;
    this.mode = mode;
    this.tokens = Lexer.tokenize(src, mode != Mode.UPDATE);
  }

  /** Parses a condition, filter or key-condition expression; {@code parameter} names it in errors. */
  static Syntax.Cond parseCondition(String parameter, String src) {
    checkSizeAndEmptiness(parameter, src, true);
    Parser p = new Parser(parameter, src, Mode.CONDITION);
    Syntax.Cond cond = p.asCond(p.parseOr());
    p.expectEnd();
    p.report(p.redundantParens, p.functionProblem, p.misusedFunction, p.reserved, p.tooDeep,
        p.inTooMany, p.operatorProblem());
    return cond;
  }

  static Syntax.UpdateTree parseUpdate(String src) {
    String parameter = "UpdateExpression";
    checkSizeAndEmptiness(parameter, src, false);
    Parser p = new Parser(parameter, src, Mode.UPDATE);
    Syntax.UpdateTree tree = p.parseUpdateRoot();
    p.report(p.reserved, p.functionProblem, p.misusedFunction, p.duplicateSection, p.tooDeep, p.operatorProblem());
    return tree;
  }

  static Syntax.ProjectionTree parseProjection(String src) {
    String parameter = "ProjectionExpression";
    checkSizeAndEmptiness(parameter, src, false);
    Parser p = new Parser(parameter, src, Mode.PROJECTION);
    List<Syntax.PathOp> paths = new ArrayList<>();
    paths.add(p.parsePath());
    while (p.peek().is(Token.Type.COMMA)) {
      p.next();
      paths.add(p.parsePath());
    }
    p.expectEnd();
    p.report(p.reserved, p.tooDeep);
    return new Syntax.ProjectionTree(List.copyOf(paths));
  }

  private static void checkSizeAndEmptiness(String parameter, String src, boolean sizeSuffix) {
    int bytes = ItemSize.utf8Length(src);
    if (bytes > MAX_EXPRESSION_BYTES) {
      throw Errors.invalid(parameter,
          Errors.SIZE_EXCEEDED + (sizeSuffix ? " expression size: " + bytes : ""));
    }
    if (src.isEmpty()) { // white space only is a syntax error at <EOF>, as DynamoDB reports it
      throw Errors.invalid(parameter, Errors.EMPTY);
    }
  }

  private void report(String... problems) {
    for (String problem : problems) {
      if (problem != null) {
        throw Errors.invalid(parameter, problem);
      }
    }
  }

  private String operatorProblem() {
    return operators > MAX_OPERATORS ? Errors.tooManyOperators(operators) : null;
  }

  // ---------------------------------------------------------------- tokens

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (!t.is(Token.Type.EOF)) {
      pos++;
    }
    return t;
  }

  private void expect(Token.Type type) {
    if (!peek().is(type)) {
      throw syntaxError();
    }
    next();
  }

  private void expectEnd() {
    if (!peek().is(Token.Type.EOF)) {
      throw syntaxError();
    }
  }

  /**
   * A syntax error at the current token. DynamoDB quotes the text around it: from the token before
   * it (or the start) through the token after it (or the end).
   */
  private DynamoException syntaxError() {
    Token t = tokens.get(pos);
    int from = pos > 0 ? tokens.get(pos - 1).start() : 0;
    int to = t.is(Token.Type.EOF) || tokens.get(pos + 1).is(Token.Type.EOF)
        ? src.length() : tokens.get(pos + 1).end();
    return Errors.invalid(parameter, Errors.syntax(t.text(), src.substring(from, to)));
  }

  /** The condition grammar's own words, which are never a name in any expression (a syntax error). */
  private static boolean isConditionKeyword(Token t) {
    return t.isKeyword("AND") || t.isKeyword("OR") || t.isKeyword("NOT") || t.isKeyword("BETWEEN")
        || t.isKeyword("IN");
  }

  private boolean isKeyword(Token t) {
    if (!t.is(Token.Type.IDENT)) {
      return false;
    }
    switch (mode) {
      case CONDITION:
        return isConditionKeyword(t);
      case UPDATE:
        return clauseOf(t) != null;
      default:
        return false;
    }
  }

  private void enter() {
    if (++depth > MAX_NESTING) {
      throw Errors.invalid(parameter, operators > MAX_OPERATORS
          ? Errors.tooManyOperators(operators) : Errors.REDUNDANT_PARENS);
    }
  }

  private void leave() {
    depth--;
  }

  /** Records a grouping pair and flags it redundant when it directly wraps another group. */
  private void group(int open, int close) {
    groups.put(close, open);
    Integer inner = groups.get(close - 1);
    if (inner != null && inner == open + 1 && redundantParens == null) {
      redundantParens = Errors.REDUNDANT_PARENS;
    }
  }

  // ---------------------------------------------------------------- conditions
  // Each level returns either a Syntax.Cond or, when no comparison followed, a bare
  // Syntax.Operand: "(a) = b" is only known to be an operand after its ')'.

  private Object parseOr() {
    Object left = parseAnd();
    while (peek().isKeyword("OR")) {
      Syntax.Cond l = asCond(left);
      next();
      operators++;
      left = new Syntax.Or(l, asCond(parseAnd()));
    }
    return left;
  }

  private Object parseAnd() {
    Object left = parseNot();
    while (peek().isKeyword("AND")) {
      Syntax.Cond l = asCond(left);
      next();
      operators++;
      left = new Syntax.And(l, asCond(parseNot()));
    }
    return left;
  }

  private Object parseNot() {
    if (peek().isKeyword("NOT")) {
      next();
      operators++;
      enter();
      Syntax.Cond inner = asCond(parseNot());
      leave();
      return new Syntax.Not(inner);
    }
    return parseUnit();
  }

  private Object parseUnit() {
    if (peek().is(Token.Type.LPAREN)) {
      int open = pos;
      next();
      enter();
      Object inner = parseOr();
      if (!peek().is(Token.Type.RPAREN)) {
        throw syntaxError();
      }
      int close = pos;
      next();
      leave();
      group(open, close);
      return inner instanceof Syntax.Operand op ? conditionSuffix(op) : inner;
    }
    return conditionSuffix(parseOperand());
  }

  /** A bare operand where a condition is needed: a function call, or else a syntax error here. */
  private Syntax.Cond asCond(Object unit) {
    if (unit instanceof Syntax.Cond cond) {
      return cond;
    }
    if (unit instanceof Syntax.CallOp call) {
      if (call.name().equals("size")) {
        misused("size");
      }
      return new Syntax.FuncCond(call);
    }
    throw syntaxError();
  }

  private Object conditionSuffix(Syntax.Operand left) {
    Token t = peek();
    if (t.isComparator()) {
      next();
      operators++;
      Syntax.Operand right = parseOperandParens();
      misusedOperands(List.of(left, right));
      return new Syntax.Compare(t.text(), left, right);
    }
    if (t.isKeyword("BETWEEN")) {
      next();
      operators++;
      Syntax.Operand lower = parseOperandParens();
      if (!peek().isKeyword("AND")) {
        throw syntaxError();
      }
      next();
      Syntax.Operand upper = parseOperandParens();
      misusedOperands(List.of(left, lower, upper));
      return new Syntax.Between(left, lower, upper);
    }
    if (t.isKeyword("IN")) {
      next();
      operators++;
      expect(Token.Type.LPAREN);
      List<Syntax.Operand> candidates = new ArrayList<>();
      candidates.add(parseOperandParens());
      while (peek().is(Token.Type.COMMA)) {
        next();
        candidates.add(parseOperandParens());
      }
      expect(Token.Type.RPAREN);
      if (candidates.size() > MAX_IN_OPERANDS && inTooMany == null) {
        inTooMany = Errors.inTooMany(candidates.size());
      }
      List<Syntax.Operand> all = new ArrayList<>();
      all.add(left);
      all.addAll(candidates);
      misusedOperands(all);
      return new Syntax.In(left, List.copyOf(candidates));
    }
    return left;
  }

  private Syntax.Operand parseOperandParens() {
    if (peek().is(Token.Type.LPAREN)) {
      int open = pos;
      next();
      enter();
      Syntax.Operand inner = parseOperandParens();
      if (!peek().is(Token.Type.RPAREN)) {
        throw syntaxError();
      }
      int close = pos;
      next();
      leave();
      if (mode == Mode.CONDITION) {
        group(open, close);
      }
      return inner;
    }
    return parseOperand();
  }

  private Syntax.Operand parseOperand() {
    Token t = peek();
    if (t.is(Token.Type.VALUE_REF)) {
      next();
      return new Syntax.ValueOp(t.text());
    }
    if (t.is(Token.Type.IDENT) && !isKeyword(t) && tokens.get(pos + 1).is(Token.Type.LPAREN)) {
      return parseCall();
    }
    if ((t.is(Token.Type.IDENT) && !isKeyword(t)) || t.is(Token.Type.NAME_REF)) {
      return parsePath();
    }
    throw syntaxError();
  }

  private Syntax.CallOp parseCall() {
    String name = next().text();
    next(); // '('
    operators++;
    enter();
    List<Syntax.Operand> args = new ArrayList<>();
    args.add(mode == Mode.UPDATE ? parseUpdateOperandParens() : parseOperandParens());
    while (peek().is(Token.Type.COMMA)) {
      next();
      args.add(mode == Mode.UPDATE ? parseUpdateOperandParens() : parseOperandParens());
    }
    expect(Token.Type.RPAREN);
    leave();
    checkFunctionName(name);
    if (mode == Mode.CONDITION) {
      misusedOperands(args);
    } else {
      misusedListAppend(args);
    }
    return new Syntax.CallOp(name, List.copyOf(args));
  }

  private void checkFunctionName(String name) {
    if (functionProblem != null) {
      return;
    }
    if (mode == Mode.CONDITION) {
      if (!CONDITION_FUNCTIONS.contains(name)) {
        functionProblem = UPDATE_FUNCTIONS.contains(name)
            ? Errors.notAllowedInCondition(name) : Errors.invalidFunction(name);
      }
    } else if (!UPDATE_FUNCTIONS.contains(name)) {
      functionProblem = CONDITION_FUNCTIONS.contains(name)
          ? Errors.notAllowedInUpdate(name) : Errors.invalidFunction(name);
    }
  }

  /** Condition functions other than size() only stand alone as conditions, never as operands. */
  private void misusedOperands(List<Syntax.Operand> operands) {
    for (Syntax.Operand op : operands) {
      if (op instanceof Syntax.CallOp call && CONDITION_FUNCTIONS.contains(call.name())
          && !call.name().equals("size")) {
        misused(call.name());
      }
    }
  }

  private void misused(String name) {
    if (misusedFunction == null) {
      misusedFunction = Errors.misusedFunction(name);
    }
  }

  // ---------------------------------------------------------------- paths

  private Syntax.PathOp parsePath() {
    List<Syntax.Elem> elems = new ArrayList<>();
    elems.add(parseNameElem());
    while (true) {
      if (peek().is(Token.Type.DOT)) {
        next();
        elems.add(parseNameElem());
      } else if (peek().is(Token.Type.LBRACKET)) {
        next();
        Token number = peek();
        if (!number.is(Token.Type.NUMBER) || !allDigits(number.text())) {
          throw syntaxError();
        }
        next();
        int index;
        try {
          index = Integer.parseInt(number.text());
        } catch (NumberFormatException e) {
          throw Errors.invalid(parameter, Errors.listIndexRange(number.text()));
        }
        expect(Token.Type.RBRACKET);
        elems.add(new Syntax.Index(index));
      } else {
        break;
      }
    }
    if (elems.size() > MAX_PATH_DEPTH && tooDeep == null) {
      tooDeep = Errors.tooDeep(elems.size());
    }
    return new Syntax.PathOp(List.copyOf(elems));
  }

  private Syntax.Name parseNameElem() {
    Token t = peek();
    if (t.is(Token.Type.NAME_REF)) {
      next();
      return new Syntax.Name(t.text(), true);
    }
    if (t.is(Token.Type.IDENT) && !isKeyword(t) && !isConditionKeyword(t)) {
      next();
      if (reserved == null && ReservedWords.isReserved(t.text())) {
        reserved = Errors.reserved(t.text());
      }
      return new Syntax.Name(t.text(), false);
    }
    throw syntaxError();
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- updates

  private static Syntax.Clause clauseOf(Token t) {
    if (!t.is(Token.Type.IDENT)) {
      return null;
    }
    for (Syntax.Clause c : Syntax.Clause.values()) {
      if (t.text().equalsIgnoreCase(c.name())) {
        return c;
      }
    }
    return null;
  }

  private Syntax.UpdateTree parseUpdateRoot() {
    List<Syntax.Action> actions = new ArrayList<>();
    Set<Syntax.Clause> seen = EnumSet.noneOf(Syntax.Clause.class);
    do {
      Syntax.Clause clause = clauseOf(peek());
      if (clause == null) {
        throw syntaxError();
      }
      next();
      if (!seen.add(clause) && duplicateSection == null) {
        duplicateSection = Errors.duplicateSection(clause.name());
      }
      actions.add(parseAction(clause));
      while (peek().is(Token.Type.COMMA)) {
        next();
        actions.add(parseAction(clause));
      }
    } while (!peek().is(Token.Type.EOF));
    return new Syntax.UpdateTree(List.copyOf(actions));
  }

  private Syntax.Action parseAction(Syntax.Clause clause) {
    Syntax.PathOp path = parsePath();
    switch (clause) {
      case SET:
        expect(Token.Type.EQ);
        return new Syntax.Action(clause, path, parseSetValue());
      case REMOVE:
        return new Syntax.Action(clause, path, null);
      default:
        Token value = peek();
        if (!value.is(Token.Type.VALUE_REF)) {
          throw syntaxError();
        }
        next();
        return new Syntax.Action(clause, path, new Syntax.ValueOp(value.text()));
    }
  }

  /** {@code ( arith ) | arith}, where {@code (x)} followed by + or - was an operand after all. */
  private Syntax.Operand parseSetValue() {
    if (peek().is(Token.Type.LPAREN)) {
      next();
      enter();
      Syntax.Operand inner = parseArith();
      expect(Token.Type.RPAREN);
      leave();
      if (!(inner instanceof Syntax.ArithOp)
          && (peek().is(Token.Type.PLUS) || peek().is(Token.Type.MINUS))) {
        boolean plus = next().is(Token.Type.PLUS);
        operators++;
        return arithmetic(plus, inner, parseUpdateOperandParens());
      }
      return inner;
    }
    return parseArith();
  }

  private Syntax.Operand parseArith() {
    Syntax.Operand left = parseUpdateOperandParens();
    if (peek().is(Token.Type.PLUS) || peek().is(Token.Type.MINUS)) {
      boolean plus = next().is(Token.Type.PLUS);
      operators++;
      return arithmetic(plus, left, parseUpdateOperandParens());
    }
    return left;
  }

  /** {@code a + b} or {@code a - b}; list_append's result cannot be an operand of arithmetic. */
  private Syntax.Operand arithmetic(boolean plus, Syntax.Operand left, Syntax.Operand right) {
    misusedListAppend(List.of(left, right));
    return new Syntax.ArithOp(plus, left, right);
  }

  /** list_append only stands as a SET action's whole value: not inside another function or arithmetic. */
  private void misusedListAppend(List<Syntax.Operand> operands) {
    for (Syntax.Operand op : operands) {
      if (op instanceof Syntax.CallOp call && call.name().equals("list_append")) {
        misused(call.name());
      }
    }
  }

  private Syntax.Operand parseUpdateOperandParens() {
    if (peek().is(Token.Type.LPAREN)) {
      next();
      enter();
      Syntax.Operand inner = parseOperand();
      expect(Token.Type.RPAREN);
      leave();
      return inner;
    }
    return parseOperand();
  }
}
