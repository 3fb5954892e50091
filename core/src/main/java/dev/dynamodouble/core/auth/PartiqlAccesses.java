package dev.dynamodouble.core.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The permissions of a PartiQL statement, as DynamoDB checks them: {@code dynamodb:PartiQLSelect},
 * {@code PartiQLInsert}, {@code PartiQLUpdate} or {@code PartiQLDelete} on the table (or the
 * index, {@code "table"."index"}) it names. Only the statement's verb and target are read here;
 * the operation parses it in full (and reports a malformed one).
 */
final class PartiqlAccesses {
  private PartiqlAccesses() {}

  /** The access of one statement; {@code tableArn} turns a table name into its ARN. */
  static Access of(String statement, Function<String, String> tableArn) {
    List<String> tokens = tokens(statement == null ? "" : statement);
    if (tokens.isEmpty()) {
      return new Access("dynamodb:PartiQLSelect", "*", Map.of());
    }
    String verb = tokens.get(0).toUpperCase(Locale.ROOT);
    String action = switch (verb) {
      case "INSERT" -> "dynamodb:PartiQLInsert";
      case "UPDATE" -> "dynamodb:PartiQLUpdate";
      case "DELETE" -> "dynamodb:PartiQLDelete";
      default -> "dynamodb:PartiQLSelect";
    };
    int at = switch (verb) {
      case "UPDATE" -> 1;
      case "INSERT" -> indexOf(tokens, "INTO") + 1;
      default -> indexOf(tokens, "FROM") + 1;
    };
    if (at <= 0 || at >= tokens.size() || !isName(tokens.get(at))) {
      return new Access(action, "*", Map.of());
    }
    String resource = tableArn.apply(unquote(tokens.get(at)));
    if (at + 2 < tokens.size() && tokens.get(at + 1).equals(".") && isName(tokens.get(at + 2))) {
      resource += "/index/" + unquote(tokens.get(at + 2));
    }
    return new Access(action, resource, Map.of());
  }

  private static int indexOf(List<String> tokens, String keyword) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).equalsIgnoreCase(keyword)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isName(String token) {
    return token.startsWith("\"") || Character.isLetterOrDigit(token.charAt(0)) || token.charAt(0) == '_';
  }

  private static String unquote(String token) {
    return token.startsWith("\"") ? token.substring(1, token.length() - 1).replace("\"\"", "\"") : token;
  }

  /** Words, "quoted names" and single characters; 'strings' are skipped (they never name a table). */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < text.length() && (text.charAt(end) != c || (end + 1 < text.length() && text.charAt(end + 1) == c))) {
          end += text.charAt(end) == c ? 2 : 1;
        }
        if (c == '"') {
          tokens.add(text.substring(i, Math.min(end + 1, text.length())));
        }
        i = end + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
        int end = i;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
            || text.charAt(end) == '-')) {
          end++;
        }
        tokens.add(text.substring(i, end));
        i = end;
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    return tokens;
  }
}
