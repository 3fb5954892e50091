package dev.dynamodouble.core.expression;

/** One lexical token of an expression, with its position in the source text. */
record Token(Type type, String text, int start, int end) {

  enum Type {
    IDENT, NAME_REF, VALUE_REF, NUMBER,
    LPAREN, RPAREN, LBRACKET, RBRACKET, DOT, COMMA,
    EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
    UNKNOWN, EOF
  }

  boolean is(Type t) {
    return type == t;
  }

  /** Whether this is an identifier spelling {@code keyword}, ignoring case. */
  boolean isKeyword(String keyword) {
    return type == Type.IDENT && text.equalsIgnoreCase(keyword);
  }

  boolean isComparator() {
    return type == Type.EQ || type == Type.NE || type == Type.LT || type == Type.LE
        || type == Type.GT || type == Type.GE;
  }
}
