package dev.dynamodouble.core.partiql;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.expression.DocumentPath;
import dev.dynamodouble.core.value.AttributeType;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.DynamoNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses one PartiQL statement of the DynamoDB dialect and binds its {@code ?} parameters in
 * order. Recursive descent; conditions bind as NOT &lt; AND &lt; OR, comparisons tighter than NOT.
 */
public final class StatementParser {
  private static final int MAX_DEPTH = 64;
  private static final Set<String> RESERVED = Set.of("select", "from", "where", "and", "or", "not", "in", "is",
      "between", "missing", "null", "true", "false", "set", "remove", "value", "values", "into", "returning",
      "order", "by", "insert", "update", "delete", "exists", "asc", "desc");

  private final String text;
  private final List<Token> tokens;
  private final List<AttributeValue> parameters;
  private int position;
  private int parametersUsed;
  private int depth;

  private StatementParser(String text, List<AttributeValue> parameters) {
    this.text = text;
    this.tokens = Lexer.tokens(text);
    this.parameters = parameters == null ? List.of() : parameters;
  }

  /**
   * Parses {@code text}, binding {@code parameters} (null when none) to its {@code ?} in order.
   *
   * @throws DynamoException ValidationException for a statement that does not parse, or whose
   *     number of parameters differs from the request's
   */
  public static Statement parse(String text, List<AttributeValue> parameters) {
    StatementParser parser = new StatementParser(text, parameters);
    Statement statement;
    try {
      statement = parser.statement();
    } catch (StackOverflowError e) {
      throw StatementErrors.syntax("Statement is nested too deeply");
    }
    if (parser.peek().kind() != Token.Kind.END) {
      throw StatementErrors.syntax("Unexpected token after expression");
    }
    if (parser.parametersUsed != parser.parameters.size()) {
      throw DynamoException.validation("Number of parameters in request and statement don't match.");
    }
    return statement;
  }

  private Statement statement() {
    Token first = peek();
    if (first.isWord("select")) {
      return select();
    }
    if (first.isWord("insert")) {
      return insert();
    }
    if (first.isWord("update")) {
      return update();
    }
    if (first.isWord("delete")) {
      return delete();
    }
    if (first.isWord("create") || first.isWord("drop")) {
      String object = peekAt(1).isWord("index") ? "Index" : "Table";
      throw StatementErrors.unsupported("Unsupported operation: " + (first.isWord("create") ? "Create" : "Drop") + object);
    }
    if (first.isWord("exists")) {
      next();
      expectSymbol("(");
      if (!peek().isWord("select")) {
        throw unexpected();
      }
      Statement.Select select = select();
      expectSymbol(")");
      return new Statement.Exists(select);
    }
    throw StatementErrors.syntax("Expected data manipulation");
  }

  private Statement.Select select() {
    expectWord("select");
    List<DocumentPath> projection = null;
    if (peek().isWord("from")) {
      throw StatementErrors.syntax("Cannot have empty SELECT list");
    }
    if (peek().isSymbol("*")) {
      next();
    } else {
      projection = new ArrayList<>();
      do {
        Token start = peek();
        projection.add(path());
        if (peek().isSymbol("(")) { // a function call: DynamoDB has no aggregates nor projected functions
          throw DynamoException.validation("Unexpected path component at " + location(start, start.text().length()));
        }
      } while (acceptSymbol(","));
    }
    expect("from", "Expected FROM after SELECT list");
    Statement.Target target = target(true);
    Expr where = acceptWord("where") ? condition() : null;
    DocumentPath orderBy = null;
    boolean descending = false;
    if (acceptWord("order")) {
      expect("by", "Expected KEYWORD");
      orderBy = path();
      if (acceptWord("desc")) {
        descending = true;
      } else {
        acceptWord("asc");
      }
    }
    return new Statement.Select(target, projection, where, orderBy, descending);
  }

  private Statement insert() {
    expectWord("insert");
    expectWord("into");
    Statement.Target target = target(false);
    if (!acceptWord("value")) {
      if (peek().isWord("values")) {
        throw StatementErrors.syntax("Expected LEFT_PAREN for row value constructor");
      }
      throw unexpected();
    }
    AttributeValue item = value();
    if (!(item instanceof AttributeValue.M map)) {
      throw StatementErrors.unsupported("Unsupported operation: Insert expects a tuple value");
    }
    return new Statement.Insert(target, map.value());
  }

  private Statement update() {
    expectWord("update");
    Statement.Target target = target(false);
    List<Statement.Change> changes = new ArrayList<>();
    while (true) {
      if (acceptWord("set")) {
        do {
          DocumentPath path = path();
          expect("=", "Expected '='");
          changes.add(new Statement.Change(path, additive()));
        } while (acceptSymbol(","));
      } else if (acceptWord("remove")) {
        do {
          changes.add(new Statement.Change(path(), null));
        } while (acceptSymbol(","));
      } else {
        break;
      }
    }
    if (changes.isEmpty()) {
      throw StatementErrors.syntax("Expected data manipulation");
    }
    Expr where = acceptWord("where") ? condition() : null;
    return new Statement.Update(target, changes, where, returning());
  }

  private Statement delete() {
    expectWord("delete");
    expect("from", "Expected FROM after DELETE");
    Statement.Target target = target(false);
    Expr where = acceptWord("where") ? condition() : null;
    String returning = returning();
    if (returning != null && !returning.equals("ALL_OLD")) {
      throw StatementErrors.unsupported("Invalid returning clause: RETURNING "
          + returning.replace("UPDATED_", "MODIFIED ").replace("ALL_", "ALL ")
          + " *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
    }
    return new Statement.Delete(target, where, returning);
  }

  /** {@code RETURNING (ALL|MODIFIED) (OLD|NEW) *} as a ReturnValues name, or null. */
  private String returning() {
    if (!acceptWord("returning")) {
      return null;
    }
    String scope;
    if (acceptWord("all")) {
      scope = "ALL_";
    } else if (acceptWord("modified")) {
      scope = "UPDATED_";
    } else {
      throw unexpected();
    }
    String when;
    if (acceptWord("old")) {
      when = "OLD";
    } else if (acceptWord("new")) {
      when = "NEW";
    } else {
      throw unexpected();
    }
    expectSymbol("*");
    return scope + when;
  }

  private Statement.Target target(boolean indexAllowed) {
    String table = name();
    String index = null;
    if (acceptSymbol(".")) {
      index = name();
      if (!indexAllowed) {
        throw StatementErrors.unsupported("Index name is only allowed in SELECT statements");
      }
    }
    return new Statement.Target(table, index);
  }

  private String name() {
    Token t = peek();
    if (t.kind() == Token.Kind.QUOTED_NAME) {
      next();
      if (t.text().isEmpty()) {
        throw StatementErrors.syntax("Empty quoted identifier");
      }
      return t.text();
    }
    if (t.kind() == Token.Kind.WORD && !RESERVED.contains(t.text().toLowerCase(Locale.ROOT))) {
      next();
      return t.text();
    }
    throw unexpected();
  }

  private DocumentPath path() {
    List<DocumentPath.Element> elements = new ArrayList<>();
    elements.add(new DocumentPath.Name(name()));
    while (true) {
      if (peek().isSymbol(".") && peekAt(1).kind() != Token.Kind.NUMBER) {
        next();
        elements.add(new DocumentPath.Name(name()));
      } else if (acceptSymbol("[")) {
        Token t = next();
        if (t.kind() == Token.Kind.NUMBER && t.text().chars().allMatch(Character::isDigit)) {
          try {
            elements.add(new DocumentPath.Index(Integer.parseInt(t.text())));
          } catch (NumberFormatException e) {
            throw StatementErrors.syntax("List index is out of range: " + t.text());
          }
        } else if (t.kind() == Token.Kind.STRING) {
          elements.add(new DocumentPath.Name(t.text()));
        } else {
          position--;
          throw unexpected();
        }
        expectSymbol("]");
      } else {
        return new DocumentPath(elements);
      }
    }
  }

  // Conditions ------------------------------------------------------------------------------

  private Expr condition() {
    if (++depth > MAX_DEPTH) {
      throw StatementErrors.syntax("Statement is nested too deeply");
    }
    Expr left = conjunction();
    while (acceptWord("or")) {
      left = new Expr.Or(left, conjunction());
    }
    depth--;
    return left;
  }

  private Expr conjunction() {
    Expr left = negation();
    while (acceptWord("and")) {
      left = new Expr.And(left, negation());
    }
    return left;
  }

  private Expr negation() {
    if (acceptWord("not")) {
      return new Expr.Not(negation());
    }
    return predicate();
  }

  private Expr predicate() {
    if (peek().isSymbol("(") && !isValueStart(peekAt(1))) {
      next();
      Expr inner = condition();
      expectSymbol(")");
      return inner;
    }
    Expr left = operand();
    Token t = peek();
    if (t.kind() == Token.Kind.SYMBOL && isComparator(t.text())) {
      next();
      String op = t.text().equals("!=") ? "<>" : t.text();
      return new Expr.Compare(op, left, operand());
    }
    boolean negated = false;
    if (t.isWord("not") && (peekAt(1).isWord("between") || peekAt(1).isWord("in"))) {
      next();
      negated = true;
    }
    if (acceptWord("between")) {
      Expr low = operand();
      expect("and", "Expected KEYWORD");
      Expr between = new Expr.Between(left, low, operand());
      return negated ? new Expr.Not(between) : between;
    }
    if (acceptWord("in")) {
      Expr in = new Expr.In(left, inList());
      return negated ? new Expr.Not(in) : in;
    }
    if (acceptWord("is")) {
      boolean not = acceptWord("not");
      if (!(left instanceof Expr.Path path)) {
        throw StatementErrors.unsupported("IS [NOT] MISSING and IS [NOT] NULL apply to attributes only");
      }
      if (acceptWord("missing")) {
        return new Expr.IsMissing(path, !not);
      }
      if (acceptWord("null")) {
        return new Expr.IsNull(path, !not);
      }
      throw unexpected();
    }
    if (left instanceof Expr.Call) {
      return left; // begins_with(...), contains(...), attribute_type(...), exists(...)
    }
    throw unexpected();
  }

  private List<Expr> inList() {
    String close;
    if (acceptSymbol("[")) {
      close = "]";
    } else if (acceptSymbol("(")) {
      close = ")";
    } else if (peek().kind() == Token.Kind.PARAMETER) {
      return List.of(operand()); // a list parameter
    } else {
      throw unexpected();
    }
    List<Expr> candidates = new ArrayList<>();
    do {
      candidates.add(operand());
    } while (acceptSymbol(","));
    expectSymbol(close);
    return candidates;
  }

  private static boolean isComparator(String s) {
    return s.equals("=") || s.equals("<>") || s.equals("!=") || s.equals("<") || s.equals("<=")
        || s.equals(">") || s.equals(">=");
  }

  /** An assigned value: operands joined by + and -. */
  private Expr additive() {
    Expr left = operand();
    while (peek().isSymbol("+") || peek().isSymbol("-")) {
      boolean plus = next().text().equals("+");
      left = new Expr.Arithmetic(plus, left, operand());
    }
    return left;
  }

  private Expr operand() {
    Token t = peek();
    if (isValueStart(t)) {
      return new Expr.Value(value());
    }
    if (t.kind() == Token.Kind.WORD && peekAt(1).isSymbol("(")) {
      String function = t.text().toLowerCase(Locale.ROOT);
      next();
      next();
      List<Expr> arguments = new ArrayList<>();
      if (!peek().isSymbol(")")) {
        do {
          arguments.add(function.equals("exists") && peek().isWord("select") ? unsupportedSubquery() : operand());
        } while (acceptSymbol(","));
      }
      expectSymbol(")");
      return new Expr.Call(function, arguments);
    }
    return new Expr.Path(path());
  }

  private Expr unsupportedSubquery() {
    throw StatementErrors.unsupported("Unsupported operation: EXISTS with a subquery is only supported "
        + "as a statement of ExecuteTransaction");
  }

  // Values ----------------------------------------------------------------------------------

  private static boolean isValueStart(Token t) {
    switch (t.kind()) {
      case STRING:
      case NUMBER:
      case PARAMETER:
        return true;
      case WORD:
        return t.isWord("true") || t.isWord("false") || t.isWord("null");
      case SYMBOL:
        return t.text().equals("[") || t.text().equals("<<") || t.text().equals("{") || t.text().equals("-");
      default:
        return false;
    }
  }

  private AttributeValue value() {
    if (++depth > MAX_DEPTH) {
      throw StatementErrors.syntax("Statement is nested too deeply");
    }
    AttributeValue v = plainValue();
    depth--;
    return v;
  }

  private AttributeValue plainValue() {
    Token t = next();
    switch (t.kind()) {
      case STRING:
        return new AttributeValue.S(t.text());
      case NUMBER:
        return DynamoNumber.parse(t.text());
      case PARAMETER:
        if (parametersUsed >= parameters.size()) {
          throw DynamoException.validation("Number of parameters in request and statement don't match.");
        }
        return parameters.get(parametersUsed++);
      case WORD:
        if (t.isWord("true") || t.isWord("false")) {
          return new AttributeValue.Bool(t.isWord("true"));
        }
        if (t.isWord("null")) {
          return new AttributeValue.Null();
        }
        break;
      case SYMBOL:
        switch (t.text()) {
          case "-":
            Token number = next();
            if (number.kind() != Token.Kind.NUMBER) {
              position--;
              throw unexpected();
            }
            return DynamoNumber.parse("-" + number.text());
          case "[":
            return AttributeValue.list(elements("]"));
          case "<<":
            List<AttributeValue> elements = elements(">>");
            if (elements.isEmpty()) {
              throw DynamoException.validation("Empty bags are not supported at " + location(t, 2));
            }
            return Literals.set(elements);
          case "{":
            return map();
          default:
            break;
        }
        break;
      default:
        break;
    }
    position--;
    throw unexpected();
  }

  private List<AttributeValue> elements(String close) {
    List<AttributeValue> elements = new ArrayList<>();
    if (!acceptSymbol(close)) {
      do {
        elements.add(value());
      } while (acceptSymbol(","));
      expectSymbol(close);
    }
    return elements;
  }

  private AttributeValue map() {
    Map<String, AttributeValue> members = new LinkedHashMap<>();
    if (!acceptSymbol("}")) {
      do {
        Token key = next();
        if (key.kind() != Token.Kind.STRING) {
          position--;
          throw unexpected();
        }
        expectSymbol(":");
        if (members.put(key.text(), value()) != null) {
          throw StatementErrors.unsupported("Duplicate attribute name in tuple: " + key.text());
        }
      } while (acceptSymbol(","));
      expectSymbol("}");
    }
    return AttributeValue.map(members);
  }

  // Tokens ----------------------------------------------------------------------------------

  private Token peek() {
    return tokens.get(position);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(position + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(position);
    if (t.kind() != Token.Kind.END) {
      position++;
    }
    return t;
  }

  private boolean acceptWord(String word) {
    if (peek().isWord(word)) {
      position++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      position++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw unexpected();
    }
  }

  /** A word or symbol that must come next, else a syntax error with {@code message}. */
  private void expect(String wordOrSymbol, String message) {
    if (!acceptWord(wordOrSymbol) && !acceptSymbol(wordOrSymbol)) {
      throw StatementErrors.syntax(message);
    }
  }

  /** The reference PartiQL parser names a missing token by its type. */
  private void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw StatementErrors.syntax("Expected " + TOKEN_TYPES.getOrDefault(symbol, "'" + symbol + "'"));
    }
  }

  private static final Map<String, String> TOKEN_TYPES = Map.of(")", "RIGHT_PAREN", "(", "LEFT_PAREN",
      "]", "RIGHT_BRACKET", "}", "RIGHT_CURLY", ">>", "RIGHT_DOUBLE_ANGLE_BRACKET", ":", "COLON", "*", "STAR");

  /** Where a token stands, as DynamoDB reports it: {@code line:column:length}, 1-based. */
  private String location(Token t, int length) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < t.position(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return line + ":" + column + ":" + length;
  }

  /** A term (a name, a value, a condition) was expected here. */
  private DynamoException unexpected() {
    return StatementErrors.syntax("Unexpected term");
  }

}
