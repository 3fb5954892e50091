package dev.dynamodouble.core.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. Never fails: a character that belongs to no token becomes an
 * {@link Token.Type#UNKNOWN} token, which the parser reports as a syntax error where it meets it.
 */
final class Lexer {
  private Lexer() {}

  static List<Token> tokenize(String src) {
    return tokenize(src, true);
  }

  /**
   * Tokens of {@code src}; with {@code underscoreWords} false a word cannot begin with '_' (the
   * update-expression grammar's rule), so a leading '_' is an unknown character.
   */
  static List<Token> tokenize(String src, boolean underscoreWords) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      int start = i;
      Token.Type type;
      if (isWordChar(c) && (underscoreWords || c != '_')) {
        while (i < n && isWordChar(src.charAt(i))) {
          i++;
        }
        type = c >= '0' && c <= '9' ? Token.Type.NUMBER : Token.Type.IDENT;
      } else if (c == '#' || c == ':') {
        i++;
        while (i < n && isWordChar(src.charAt(i))) {
          i++;
        }
        // a lone sigil is no placeholder: an unknown token, reported as a syntax error
        type = i == start + 1 ? Token.Type.UNKNOWN : c == '#' ? Token.Type.NAME_REF : Token.Type.VALUE_REF;
      } else {
        i++;
        switch (c) {
          case '(': type = Token.Type.LPAREN; break;
          case ')': type = Token.Type.RPAREN; break;
          case '[': type = Token.Type.LBRACKET; break;
          case ']': type = Token.Type.RBRACKET; break;
          case '.': type = Token.Type.DOT; break;
          case ',': type = Token.Type.COMMA; break;
          case '+': type = Token.Type.PLUS; break;
          case '-': type = Token.Type.MINUS; break;
          case '=': type = Token.Type.EQ; break;
          case '<':
            if (i < n && src.charAt(i) == '>') {
              i++;
              type = Token.Type.NE;
            } else if (i < n && src.charAt(i) == '=') {
              i++;
              type = Token.Type.LE;
            } else {
              type = Token.Type.LT;
            }
            break;
          case '>':
            if (i < n && src.charAt(i) == '=') {
              i++;
              type = Token.Type.GE;
            } else {
              type = Token.Type.GT;
            }
            break;
          default:
            if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(src.charAt(i))) {
              i++;
            }
            type = Token.Type.UNKNOWN;
        }
      }
      tokens.add(new Token(type, src.substring(start, i), start, i));
    }
    tokens.add(new Token(Token.Type.EOF, "<EOF>", n, n));
    return tokens;
  }

  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
