package dev.dynamodouble.core.partiql;

import java.util.ArrayList;
import java.util.List;

/** Splits a statement into tokens: words, "quoted names", 'strings', numbers, symbols and {@code ?}. */
final class Lexer {
  private static final String[] SYMBOLS = {"<<", ">>", "<=", ">=", "<>", "!=", "=", "<", ">", "*", ",", ".",
      "[", "]", "(", ")", "{", "}", ":", "+", "-"};

  private Lexer() {}

  static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        while (i < n && text.charAt(i) != '\n') {
          i++; // a line comment
        }
      } else if (c == '\'' || c == '"') {
        int start = i;
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw StatementErrors.syntax("Unterminated " + (c == '\'' ? "string literal" : "quoted identifier"));
          }
          char d = text.charAt(i);
          if (d == c) {
            if (i + 1 < n && text.charAt(i + 1) == c) {
              value.append(c); // a doubled quote stands for itself
              i += 2;
              continue;
            }
            i++;
            break;
          }
          value.append(d);
          i++;
        }
        tokens.add(new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED_NAME, value.toString(), start));
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
        int start = i;
        while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
          int mark = i;
          i++;
          if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
          }
          if (i < n && Character.isDigit(text.charAt(i))) {
            while (i < n && Character.isDigit(text.charAt(i))) {
              i++;
            }
          } else {
            i = mark;
          }
        }
        tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start));
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '$')) {
          i++;
        }
        tokens.add(new Token(Token.Kind.WORD, text.substring(start, i), start));
      } else if (c == '?') {
        tokens.add(new Token(Token.Kind.PARAMETER, "?", i));
        i++;
      } else {
        String symbol = symbolAt(text, i);
        if (symbol == null) {
          throw StatementErrors.syntax("Unexpected character '" + c + "'");
        }
        tokens.add(new Token(Token.Kind.SYMBOL, symbol, i));
        i += symbol.length();
      }
    }
    tokens.add(new Token(Token.Kind.END, "", n));
    return tokens;
  }

  private static String symbolAt(String text, int i) {
    for (String s : SYMBOLS) {
      if (text.startsWith(s, i)) {
        return s;
      }
    }
    return null;
  }
}
