package dev.dynamodouble.core.fault;

import java.util.List;

/**
 * Rules that never fired although they were expected to (a misspelled table, an operation the code
 * under test never calls): the strict check fails the test with them, like Mockito's strict stubs.
 */
public final class UnfiredFaultsError extends AssertionError {
  private final transient List<FaultHandle> rules;

  public UnfiredFaultsError(List<FaultHandle> rules) {
    super(message(rules));
    this.rules = List.copyOf(rules);
  }

  private static String message(List<FaultHandle> rules) {
    StringBuilder text = new StringBuilder(rules.size() == 1 ? "A fault rule never fired"
        : rules.size() + " fault rules never fired");
    text.append(" (check the operation, table and key they match, or mark them lenient):");
    for (FaultHandle rule : rules) {
      text.append("\n  ").append(rule.name()).append(" [").append(rule.rule().source()).append("]: ")
          .append(rule.rule().describe()).append(" (matching calls: ").append(rule.matched()).append(')');
    }
    return text.toString();
  }

  public List<FaultHandle> rules() {
    return rules;
  }
}
