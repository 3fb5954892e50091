package dev.dynamodouble.benchmarks.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Breaks the syntax of an expression: drops, doubles, inserts or replaces a token, or truncates it. */
final class Syntax {

  private static final Pattern TOKEN = Pattern.compile("\\s+|[#:]?[\\p{L}\\p{N}_]+|<>|<=|>=|.");

  private static final String[] JUNK = {
    ")", "(", "AND", "=", ",", ".", "[", "]", "[1", "::v0", "#", ":", "BETWEEN", "SET", "$", "\"",
    "..", "[-1]", "[x]", "<>=", "NOT", "IN", "+", "'a'", "a b", "==", "!=", "size", "REMOVE", ";"
  };

  private Syntax() {}

  static String breakIt(String expression, RandomValues random) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(expression);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    List<Integer> solid = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isBlank()) {
        solid.add(i);
      }
    }
    if (solid.isEmpty()) {
      return random.pick(JUNK);
    }
    int at = random.pick(solid);
    switch (random.random().nextInt(6)) {
      case 0:
        tokens.remove(at);
        break;
      case 1:
        tokens.add(at, tokens.get(at));
        break;
      case 2:
        tokens.add(random.between(0, tokens.size()), " " + random.pick(JUNK) + " ");
        break;
      case 3:
        return random.pick("", " ", "  \t");
      case 4:
        return String.join("", tokens.subList(0, at)).trim() + (random.chance(0.5) ? "" : " ");
      default:
        tokens.set(at, random.pick(JUNK));
        break;
    }
    return String.join("", tokens);
  }
}
