package dev.dynamodouble.benchmarks.differential;

import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One generated case: the operation, the deliberate mistake it carries (null for a valid
 * case), a readable reproducer, and how to run it against one system.
 */
final class Case {

  final int index;
  final String operation;
  final String fault;
  final List<String> reproducer;
  /** The expressions the request carries, e.g. "ConditionExpression" → text (for matching). */
  final java.util.Map<String, String> expressions;
  private final Function<DynamoDbClient, Outcome> run;

  Case(int index, String operation, String fault, List<String> reproducer,
      java.util.Map<String, String> expressions, Function<DynamoDbClient, Outcome> run) {
    this.index = index;
    this.operation = operation;
    this.fault = fault;
    this.reproducer = List.copyOf(reproducer);
    this.expressions = java.util.Map.copyOf(expressions);
    this.run = run;
  }

  Outcome run(DynamoDbClient client) {
    return run.apply(client);
  }

  /** Whether a reproducer line contains the text, e.g. "ReturnValues: UPDATED_NEW". */
  boolean mentions(String text) {
    return reproducer.stream().anyMatch(line -> line.contains(text));
  }

  String title() {
    return "case #" + index + " " + operation + (fault == null ? "" : " [invalid: " + fault + "]");
  }

  String expressionText() {
    return String.join(" | ", expressions.values());
  }
}
