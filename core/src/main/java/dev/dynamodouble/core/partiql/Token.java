package dev.dynamodouble.core.partiql;

/** One lexical token of a PartiQL statement. */
record Token(Kind kind, String text, int position) {
  enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL, PARAMETER, END }

  boolean isWord(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }
}
