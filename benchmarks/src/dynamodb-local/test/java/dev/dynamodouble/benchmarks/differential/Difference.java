package dev.dynamodouble.benchmarks.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** One way in which Dynamo Double and DynamoDB Local answered a case differently. */
final class Difference {

  enum Kind {
    /** Success against error, another error code or status, other items, attributes or stored item. */
    SEMANTIC,
    /** Same error code and status, other message text. */
    MESSAGE
  }

  final Case testCase;
  final Kind kind;
  /** "outcome", "errorCode", "status", "message", or the name of an observed field. */
  final String aspect;
  final Outcome dynamoDouble;
  final Outcome local;
  final String dynamoDoubleText;
  final String localText;

  private Difference(Case testCase, Kind kind, String aspect, Outcome dynamoDouble, Outcome local,
      String dynamoDoubleText, String localText) {
    this.testCase = testCase;
    this.kind = kind;
    this.aspect = aspect;
    this.dynamoDouble = dynamoDouble;
    this.local = local;
    this.dynamoDoubleText = dynamoDoubleText;
    this.localText = localText;
  }

  /** Compares two outcomes of one case. When one failed and the other did not, that is the one difference reported. */
  static List<Difference> between(Case testCase, Outcome dynamoDouble, Outcome local) {
    List<Difference> differences = new ArrayList<>();
    if (dynamoDouble.failed() != local.failed()) {
      differences.add(new Difference(testCase, Kind.SEMANTIC, "outcome", dynamoDouble, local,
          describe(dynamoDouble), describe(local)));
      return differences;
    }
    if (dynamoDouble.failed()) {
      if (!dynamoDouble.errorCode.equals(local.errorCode)) {
        differences.add(new Difference(testCase, Kind.SEMANTIC, "errorCode", dynamoDouble, local,
            dynamoDouble.summary(), local.summary()));
      } else if (dynamoDouble.status != local.status) {
        differences.add(new Difference(testCase, Kind.SEMANTIC, "status", dynamoDouble, local,
            dynamoDouble.summary(), local.summary()));
      } else if (!Objects.equals(dynamoDouble.message, local.message)) {
        differences.add(new Difference(testCase, Kind.MESSAGE, "message", dynamoDouble, local,
            dynamoDouble.message, local.message));
      }
    }
    Set<String> fields = new TreeSet<>(dynamoDouble.fields.keySet());
    fields.addAll(local.fields.keySet());
    for (String field : fields) {
      String mine = dynamoDouble.fields.get(field);
      String theirs = local.fields.get(field);
      if (Objects.equals(mine, theirs)) {
        continue;
      }
      if (mine != null && theirs != null
          && Canon.numbersByValue(mine).equals(Canon.numbersByValue(theirs))) {
        List<String> myNumbers = Canon.numbers(mine);
        List<String> theirNumbers = Canon.numbers(theirs);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < myNumbers.size() && i < theirNumbers.size(); i++) {
          if (!myNumbers.get(i).equals(theirNumbers.get(i))) {
            pairs.add(new String[] {myNumbers.get(i), theirNumbers.get(i)});
          }
        }
        Difference spelling = new Difference(testCase, Kind.SEMANTIC, "number spelling in " + field,
            dynamoDouble, local, spelt(pairs, 0), spelt(pairs, 1));
        spelling.numberPairs.addAll(pairs);
        differences.add(spelling);
      } else if (mine != null && theirs != null) {
        String[] window = window(Canon.numbersByValue(mine), Canon.numbersByValue(theirs));
        differences.add(new Difference(testCase, Kind.SEMANTIC, field, dynamoDouble, local,
            window[0], window[1]));
      } else {
        String[] window = window(String.valueOf(mine), String.valueOf(theirs));
        differences.add(new Difference(testCase, Kind.SEMANTIC, field, dynamoDouble, local,
            window[0], window[1]));
      }
    }
    return differences;
  }

  /** Number spellings that differ, as (Dynamo Double, DynamoDB Local) pairs, same values. */
  final List<String[]> numberPairs = new ArrayList<>();

  private static String spelt(List<String[]> pairs, int side) {
    List<String> numbers = new ArrayList<>();
    for (String[] pair : pairs) {
      numbers.add(pair[side]);
    }
    return "numbers spelt " + numbers;
  }

  /** The two texts around their first difference (long item lists otherwise hide it). */
  private static String[] window(String mine, String theirs) {
    int limit = 400;
    if (mine.length() <= limit && theirs.length() <= limit) {
      return new String[] {mine, theirs};
    }
    int at = 0;
    while (at < mine.length() && at < theirs.length() && mine.charAt(at) == theirs.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 200);
    return new String[] {excerpt(mine, from, limit), excerpt(theirs, from, limit)};
  }

  private static String excerpt(String text, int from, int length) {
    int to = Math.min(text.length(), from + length);
    return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "")
        + " (" + text.length() + " chars, first difference at " + from + "+)";
  }

  private static String describe(Outcome outcome) {
    StringBuilder text = new StringBuilder(outcome.summary());
    outcome.fields.forEach((field, value) -> text.append("\n        ").append(field).append(" = ").append(value));
    return text.toString();
  }

  /** The case's expressions, for matching allow-list entries. */
  String expressions() {
    return testCase.expressionText();
  }

  String report() {
    StringBuilder text = new StringBuilder();
    text.append(testCase.title()).append(" — ").append(kind).append(" difference in ").append(aspect).append('\n');
    for (String line : testCase.reproducer) {
      text.append("    ").append(line).append('\n');
    }
    text.append("    Dynamo Double : ").append(dynamoDoubleText).append('\n');
    text.append("    DynamoDB Local: ").append(localText).append('\n');
    return text.toString();
  }
}
