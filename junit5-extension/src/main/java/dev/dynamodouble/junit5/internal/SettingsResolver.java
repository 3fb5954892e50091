package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.junit5.DynamoDoubleTest;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.Reset;
import dev.dynamodouble.junit5.Transport;
import dev.dynamodouble.junit5.internal.AnnotationSearch.Found;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Merges settings attribute by attribute: method annotation, then class annotations (the class,
 * its superclasses and meta-annotations, then its enclosing classes), then JUnit configuration
 * parameters {@code dynamodouble.*}, then defaults.
 */
public final class SettingsResolver {
  public static final String RESET = "dynamodouble.reset";
  public static final String CLOCK = "dynamodouble.clock";
  public static final String STATUS_DELAY = "dynamodouble.statusDelay";
  public static final String REGION = "dynamodouble.region";
  public static final String REPORT_MAX_ITEMS = "dynamodouble.reportMaxItems";
  public static final String TRANSPORT = "dynamodouble.transport";

  private static final Settings DEFAULTS = new Settings(Reset.PER_TEST, Settings.SYSTEM, Duration.ZERO, "us-east-1", 20,
      Transport.IN_PROCESS);

  private SettingsResolver() {}

  /** The settings of a test class. */
  public static Settings forClass(Class<?> testClass, Function<String, Optional<String>> parameters) {
    return merge(layersOf(null, testClass), parameters);
  }

  /** The settings of a test method (a method may set only reset and reportMaxItems). */
  public static Settings forMethod(Method method, Class<?> testClass, Function<String, Optional<String>> parameters) {
    List<Found<DynamoDoubleTest>> onMethod = AnnotationSearch.on(method, DynamoDoubleTest.class);
    for (Found<DynamoDoubleTest> found : onMethod) {
      DynamoDoubleTest a = found.annotation();
      if (!a.clock().isEmpty() || !a.statusDelay().isEmpty() || !a.region().isEmpty()
          || a.transport() != Transport.DEFAULT) {
        throw new ExtensionConfigurationException(found.describe() + ": clock, statusDelay, region and transport are settings "
            + "of the endpoint, which the tests of a class share; set them on the class");
      }
    }
    return merge(layersOf(method, testClass), parameters);
  }

  private static List<Layer> layersOf(Method method, Class<?> testClass) {
    List<Layer> layers = new ArrayList<>();
    if (method != null) {
      for (Found<DynamoDoubleTest> found : AnnotationSearch.on(method, DynamoDoubleTest.class)) {
        layers.add(Layer.of(found));
      }
    }
    for (Class<?> c : AnnotationSearch.enclosingChain(testClass)) {
      for (Found<DynamoDoubleTest> found : AnnotationSearch.onClassHierarchy(c, DynamoDoubleTest.class)) {
        layers.add(Layer.of(found));
      }
      layers.add(tableClock(c));
    }
    return layers;
  }

  /** The clock that the @DynamoTable annotations of one class agree on, as a layer. */
  private static Layer tableClock(Class<?> c) {
    String clock = null;
    String first = null;
    for (Found<DynamoTable> found : AnnotationSearch.onClassHierarchy(c, DynamoTable.class)) {
      String value = found.annotation().clock();
      if (value.isEmpty()) {
        continue;
      }
      if (clock != null && !clock.equals(value)) {
        throw new ExtensionConfigurationException("The tables of " + c.getName() + " share one clock but ask for two: "
            + first + " says clock = \"" + clock + "\", " + found.describe() + " says clock = \"" + value + "\"");
      }
      if (clock == null) {
        clock = value;
        first = found.describe();
      }
    }
    return clock == null ? Layer.EMPTY : new Layer(null, checkClock(clock, first), null, null, null, null);
  }

  private static Settings merge(List<Layer> layers, Function<String, Optional<String>> parameters) {
    Layer merged = Layer.EMPTY;
    for (Layer layer : layers) {
      merged = merged.orElse(layer);
    }
    merged = merged.orElse(fromParameters(parameters));
    return new Settings(
        merged.reset != null ? merged.reset : DEFAULTS.reset(),
        merged.clock != null ? merged.clock : DEFAULTS.clock(),
        merged.statusDelay != null ? merged.statusDelay : DEFAULTS.statusDelay(),
        merged.region != null ? merged.region : DEFAULTS.region(),
        merged.reportMaxItems != null ? merged.reportMaxItems : DEFAULTS.reportMaxItems(),
        merged.transport != null ? merged.transport : DEFAULTS.transport());
  }

  private static Layer fromParameters(Function<String, Optional<String>> parameters) {
    String where = "configuration parameter ";
    Reset reset = parameters.apply(RESET).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> parseReset(s, where + RESET)).orElse(null);
    String clock = parameters.apply(CLOCK).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> checkClock(s, where + CLOCK)).orElse(null);
    Duration delay = parameters.apply(STATUS_DELAY).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> parseDuration(s, where + STATUS_DELAY)).orElse(null);
    String region = parameters.apply(REGION).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    Integer max = parameters.apply(REPORT_MAX_ITEMS).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> parseCount(s, where + REPORT_MAX_ITEMS)).orElse(null);
    Transport transport = parameters.apply(TRANSPORT).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> parseTransport(s, where + TRANSPORT)).orElse(null);
    return new Layer(reset, clock, delay, region, max, transport);
  }

  static Reset parseReset(String text, String where) {
    return parseEnum(Reset.class, text, where, "per_test, per_class or never");
  }

  static Transport parseTransport(String text, String where) {
    return parseEnum(Transport.class, text, where, "in-process or http");
  }

  /** A constant of {@code type} but DEFAULT, named in any case, with '-' for '_'. */
  private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String where, String expected) {
    String normal = text.toUpperCase(Locale.ROOT).replace('-', '_');
    for (E value : type.getEnumConstants()) {
      if (!value.name().equals("DEFAULT") && value.name().equals(normal)) {
        return value;
      }
    }
    throw new ExtensionConfigurationException(where + " = \"" + text + "\": expected " + expected);
  }

  static String checkClock(String text, String where) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals(Settings.SYSTEM) || lower.equals(Settings.MANUAL)) {
      return lower;
    }
    try {
      return Instant.parse(text).toString();
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException(where + ": clock = \"" + text
          + "\" is not \"system\", \"manual\" or an ISO-8601 instant such as \"2024-01-01T00:00:00Z\"");
    }
  }

  static Duration parseDuration(String text, String where) {
    try {
      Duration duration = Duration.parse(text);
      if (duration.isNegative()) {
        throw new ExtensionConfigurationException(where + ": statusDelay = \"" + text + "\" is negative");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException(where + ": statusDelay = \"" + text
          + "\" is not an ISO-8601 duration such as \"PT2S\"");
    }
  }

  static int parseCount(String text, String where) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ExtensionConfigurationException(where + ": reportMaxItems = \"" + text + "\" is not a count (0 or more)");
  }

  /** One level of configuration; null means "not set here". */
  private record Layer(Reset reset, String clock, Duration statusDelay, String region, Integer reportMaxItems,
                       Transport transport) {
    static final Layer EMPTY = new Layer(null, null, null, null, null, null);

    static Layer of(Found<DynamoDoubleTest> found) {
      DynamoDoubleTest a = found.annotation();
      String where = found.describe();
      return new Layer(
          a.reset() == Reset.DEFAULT ? null : a.reset(),
          a.clock().isEmpty() ? null : checkClock(a.clock(), where),
          a.statusDelay().isEmpty() ? null : parseDuration(a.statusDelay(), where),
          a.region().isEmpty() ? null : a.region(),
          a.reportMaxItems() < 0 ? null : a.reportMaxItems(),
          a.transport() == Transport.DEFAULT ? null : a.transport());
    }

    /** This layer, with what it leaves unset taken from {@code lower}. */
    Layer orElse(Layer lower) {
      return new Layer(reset != null ? reset : lower.reset, clock != null ? clock : lower.clock,
          statusDelay != null ? statusDelay : lower.statusDelay, region != null ? region : lower.region,
          reportMaxItems != null ? reportMaxItems : lower.reportMaxItems,
          transport != null ? transport : lower.transport);
    }
  }
}
