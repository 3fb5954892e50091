package dev.dynamodouble.core.fault;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule written as named fields, the one form scenario files, annotations and the control API
 * share: {@code operation} (or {@code operations}), {@code table}, {@code index}, {@code region},
 * {@code key}, {@code keyPattern}, {@code nth}, {@code times}, {@code every}, {@code from},
 * {@code until}, {@code probability}, {@code seed}, {@code name}, {@code lenient}, and exactly one
 * effect: {@code error} (with an optional {@code message}), {@code cancel}, {@code latency},
 * {@code connectionReset}, {@code noResponse}, {@code truncatedBody}, {@code badCrc32},
 * {@code unprocessedKeys}, {@code unprocessedShare}, {@code staleRead}, {@code indexLag},
 * {@code replicationLag}, {@code replicationPaused}, {@code streamDelay}, {@code triggerFailure}.
 *
 * <p>Values are strings, numbers, booleans or lists of strings. Durations are ISO-8601
 * ({@code PT0.5S}) or a number with a unit ({@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}).
 */
public final class RuleFields {
  static final Set<String> EFFECTS = Set.of("error", "cancel", "latency", "connectionReset", "noResponse",
      "truncatedBody", "badCrc32", "unprocessedKeys", "unprocessedShare", "staleRead", "indexLag", "replicationLag",
      "replicationPaused", "streamDelay", "triggerFailure");
  static final Set<String> MATCHERS = Set.of("name", "operation", "operations", "table", "index", "region", "key",
      "keyPattern", "nth", "times", "every", "from", "until", "probability", "seed", "lenient", "message");

  private RuleFields() {}

  /**
   * The rule these fields describe.
   *
   * @param source where they were written, for messages ("orders.yml line 3")
   * @throws InvalidFaultException naming the field at fault
   */
  public static FaultRule build(Map<String, ?> fields, String source) {
    List<String> effects = new ArrayList<>();
    for (String field : fields.keySet()) {
      if (EFFECTS.contains(field)) {
        effects.add(field);
      } else if (!MATCHERS.contains(field)) {
        Set<String> known = new TreeSet<>(MATCHERS);
        known.addAll(EFFECTS);
        throw new InvalidFaultException(field, "unknown field; known: " + String.join(", ", known));
      }
    }
    if (effects.isEmpty()) {
      throw new InvalidFaultException("effect", "a rule needs one effect: " + String.join(", ", new TreeSet<>(EFFECTS)));
    }
    if (effects.size() > 1) {
      throw new InvalidFaultException(effects.get(1), "a rule has one effect; this one also has " + effects.get(0));
    }
    if (fields.containsKey("message") && !effects.get(0).equals("error")) {
      throw new InvalidFaultException("message", "a message goes with an error");
    }
    FaultRule.Builder rule = FaultRule.builder().source(source);
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      matcher(rule, e.getKey(), e.getValue());
    }
    String effect = effects.get(0);
    effect(rule, effect, fields.get(effect), fields.containsKey("message") ? text("message", fields.get("message"))
        : null);
    return rule.build();
  }

  private static void matcher(FaultRule.Builder rule, String field, Object value) {
    switch (field) {
      case "name" -> rule.name(text(field, value));
      case "operation", "operations" -> rule.operations(texts(field, value).toArray(new String[0]));
      case "table" -> rule.table(text(field, value));
      case "index" -> rule.index(text(field, value));
      case "region" -> rule.region(text(field, value));
      case "key" -> rule.key(text(field, value));
      case "keyPattern" -> rule.keyPattern(text(field, value));
      case "nth" -> rule.nth(whole(field, value));
      case "times" -> rule.times(whole(field, value));
      case "every" -> rule.every(whole(field, value));
      case "from" -> rule.from(instant(field, value));
      case "until" -> rule.until(instant(field, value));
      case "probability" -> rule.probability(number(field, value), rule.toSeed());
      case "seed" -> rule.seed(whole(field, value));
      case "lenient" -> rule.lenient(flag(field, value));
      default -> { } // an effect, or the message
    }
  }

  private static void effect(FaultRule.Builder rule, String field, Object value, String message) {
    switch (field) {
      case "error" -> rule.error(text(field, value), message);
      case "cancel" -> rule.cancel(texts(field, value).toArray(new String[0]));
      case "latency" -> rule.latency(duration(field, value));
      case "connectionReset" -> on(field, value, rule::connectionReset);
      case "noResponse" -> on(field, value, rule::noResponse);
      case "truncatedBody" -> on(field, value, rule::truncatedBody);
      case "badCrc32" -> on(field, value, rule::badCrc32);
      case "unprocessedKeys" -> rule.unprocessedKeys(texts(field, value).toArray(new String[0]));
      case "unprocessedShare" -> rule.unprocessedShare(number(field, value));
      case "staleRead" -> rule.staleRead(duration(field, value));
      case "indexLag" -> rule.indexLag(duration(field, value));
      case "replicationLag" -> rule.replicationLag(duration(field, value));
      case "replicationPaused" -> on(field, value, rule::replicationPaused);
      case "streamDelay" -> rule.streamDelay(duration(field, value));
      case "triggerFailure" -> rule.triggerFailure(text(field, value));
      default -> throw new IllegalStateException(field);
    }
  }

  private static void on(String field, Object value, Runnable effect) {
    if (!flag(field, value)) {
      throw new InvalidFaultException(field, "write " + field + ": true (false is no effect)");
    }
    effect.run();
  }

  private static String text(String field, Object value) {
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    throw new InvalidFaultException(field, "expected a non-empty text, not " + describe(value));
  }

  private static List<String> texts(String field, Object value) {
    if (value instanceof List<?> list) {
      List<String> texts = new ArrayList<>();
      for (Object element : list) {
        texts.add(text(field, element));
      }
      if (texts.isEmpty()) {
        throw new InvalidFaultException(field, "expected at least one value");
      }
      return texts;
    }
    return List.of(text(field, value));
  }

  private static long whole(String field, Object value) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // below
      }
    }
    throw new InvalidFaultException(field, "expected a whole number, not " + describe(value));
  }

  private static double number(String field, Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // below
      }
    }
    throw new InvalidFaultException(field, "expected a number, not " + describe(value));
  }

  private static boolean flag(String field, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.parseBoolean((String) value);
    }
    throw new InvalidFaultException(field, "expected true or false, not " + describe(value));
  }

  private static Instant instant(String field, Object value) {
    try {
      return Instant.parse(text(field, value));
    } catch (DateTimeParseException e) {
      throw new InvalidFaultException(field, "expected an ISO-8601 instant such as 2026-01-01T00:00:00Z, not "
          + describe(value));
    }
  }

  /** A duration: ISO-8601 ({@code PT2S}), a number with ms, s, m or h, or a bare number of milliseconds. */
  public static Duration duration(String field, Object value) {
    if (value instanceof Number n) {
      return Duration.ofMillis(n.longValue());
    }
    String text = text(field, value).trim();
    try {
      if (text.toUpperCase(Locale.ROOT).startsWith("PT") || text.toUpperCase(Locale.ROOT).startsWith("P")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2).trim()));
      }
      long amount = Long.parseLong(lower.substring(0, lower.length() - 1).trim());
      switch (lower.charAt(lower.length() - 1)) {
        case 's': return Duration.ofSeconds(amount);
        case 'm': return Duration.ofMinutes(amount);
        case 'h': return Duration.ofHours(amount);
        default: return Duration.ofMillis(Long.parseLong(lower));
      }
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new InvalidFaultException(field, "expected a duration such as 500ms, 2s or PT1.5S, not " + describe(value));
    }
  }

  private static String describe(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }
}
