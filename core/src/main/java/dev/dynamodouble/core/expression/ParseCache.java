package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.error.DynamoException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A bounded, concurrent cache of parsed expressions keyed by parameter name and text, so that a
 * hot loop sending the same expression parses it once. Parse errors are deterministic too and are
 * cached as well. When full, the cache is simply cleared: cheap, bounded, good enough for tests.
 */
final class ParseCache {
  static final int MAX_ENTRIES = 4096;

  private static final Map<String, Object> ENTRIES = new ConcurrentHashMap<>();

  private ParseCache() {}

  static Syntax.Cond condition(String parameter, String text) {
    return (Syntax.Cond) get(parameter, text, () -> Parser.parseCondition(parameter, text));
  }

  static Syntax.UpdateTree update(String text) {
    return (Syntax.UpdateTree) get("UpdateExpression", text, () -> Parser.parseUpdate(text));
  }

  static Syntax.ProjectionTree projection(String text) {
    return (Syntax.ProjectionTree) get("ProjectionExpression", text, () -> Parser.parseProjection(text));
  }

  private static Object get(String parameter, String text, Supplier<Object> parse) {
    String key = parameter + '\u0000' + text;
    Object cached = ENTRIES.get(key);
    if (cached == null) {
      try {
        cached = parse.get();
      } catch (DynamoException e) {
        cached = new Failure(e);
      }
      if (ENTRIES.size() >= MAX_ENTRIES) {
        ENTRIES.clear();
      }
      ENTRIES.put(key, cached);
    }
    if (cached instanceof Failure failure) {
      throw new DynamoException(failure.error.code(), failure.error.getMessage());
    }
    return cached;
  }

  /** For tests: the number of cached entries. */
  static int size() {
    return ENTRIES.size();
  }

  static void clear() {
    ENTRIES.clear();
  }

  private record Failure(DynamoException error) {}
}
