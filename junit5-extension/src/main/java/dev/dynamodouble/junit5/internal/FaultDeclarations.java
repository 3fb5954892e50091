package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.fault.FaultRule;
import dev.dynamodouble.core.fault.InvalidFaultException;
import dev.dynamodouble.core.fault.RuleFields;
import dev.dynamodouble.core.fault.ScenarioFile;
import dev.dynamodouble.junit5.FaultScenario;
import dev.dynamodouble.junit5.InjectFault;
import dev.dynamodouble.junit5.internal.AnnotationSearch.Found;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The fault rules a test class and its tests declare with {@link InjectFault} and
 * {@link FaultScenario}, as core rules. A mistake is an ExtensionConfigurationException naming the
 * annotation (or the file, line and field), raised before any test of the class runs.
 */
public final class FaultDeclarations {
  private FaultDeclarations() {}

  /** The rules on the class (its superclasses, meta-annotations and enclosing classes too). */
  public static List<FaultRule> onClass(Class<?> testClass) {
    List<FaultRule> rules = new ArrayList<>();
    for (Class<?> c : AnnotationSearch.enclosingChain(testClass)) {
      rules.addAll(rules(AnnotationSearch.onClassHierarchy(c, InjectFault.class),
          AnnotationSearch.onClassHierarchy(c, FaultScenario.class), testClass));
    }
    return rules;
  }

  /** The rules on one test method. */
  public static List<FaultRule> onMethod(Method method, Class<?> testClass) {
    return rules(AnnotationSearch.on(method, InjectFault.class), AnnotationSearch.on(method, FaultScenario.class),
        testClass);
  }

  /** Builds every rule the class and its methods declare, so that a mistake fails the class up front. */
  public static void check(Class<?> testClass) {
    onClass(testClass);
    for (Method method : ReflectionSupport.findMethods(testClass, m -> true,
        org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN)) {
      onMethod(method, testClass);
    }
  }

  private static List<FaultRule> rules(List<Found<InjectFault>> annotations, List<Found<FaultScenario>> scenarios,
                                       Class<?> testClass) {
    List<FaultRule> rules = new ArrayList<>();
    for (Found<InjectFault> found : annotations) {
      try {
        rules.add(RuleFields.build(fields(found.annotation()), found.describe()));
      } catch (InvalidFaultException e) {
        throw new ExtensionConfigurationException(found.describe() + ": " + e.getMessage(), e);
      }
    }
    for (Found<FaultScenario> found : scenarios) {
      for (String name : found.annotation().value()) {
        ResourceLocator.Resource resource = ResourceLocator.require("Fault scenario", name, found.anchor(), testClass,
            found.describe());
        try {
          rules.addAll(ScenarioFile.parse(resource.path(), read(resource)));
        } catch (InvalidFaultException e) {
          throw new ExtensionConfigurationException(e.getMessage() + " (" + found.describe() + ")", e);
        }
      }
    }
    return rules;
  }

  private static String read(ResourceLocator.Resource resource) {
    try (InputStream in = resource.url().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ExtensionConfigurationException("cannot read " + resource.path() + ": " + e.getMessage(), e);
    }
  }

  /** The attributes set on the annotation, as scenario-file fields. */
  static Map<String, Object> fields(InjectFault a) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (a.operation().length > 0) {
      fields.put("operation", Arrays.asList(a.operation()));
    }
    text(fields, "table", a.table());
    text(fields, "index", a.index());
    text(fields, "region", a.region());
    text(fields, "key", a.key());
    text(fields, "keyPattern", a.keyPattern());
    number(fields, "nth", a.nth());
    number(fields, "times", a.times());
    number(fields, "every", a.every());
    text(fields, "from", a.from());
    text(fields, "until", a.until());
    if (a.probability() != 1) {
      fields.put("probability", a.probability());
    }
    number(fields, "seed", a.seed());
    text(fields, "name", a.name());
    if (a.lenient()) {
      fields.put("lenient", true);
    }
    text(fields, "error", a.error());
    text(fields, "message", a.message());
    if (a.cancel().length > 0) {
      fields.put("cancel", Arrays.asList(a.cancel()));
    }
    text(fields, "latency", a.latency());
    if (!a.transport().isEmpty()) {
      fields.put(a.transport(), true); // connectionReset, noResponse, truncatedBody, badCrc32
    }
    if (a.unprocessedKeys().length > 0) {
      fields.put("unprocessedKeys", Arrays.asList(a.unprocessedKeys()));
    }
    if (a.unprocessedShare() != 0) {
      fields.put("unprocessedShare", a.unprocessedShare());
    }
    text(fields, "staleRead", a.staleRead());
    text(fields, "indexLag", a.indexLag());
    text(fields, "replicationLag", a.replicationLag());
    if (a.replicationPaused()) {
      fields.put("replicationPaused", true);
    }
    text(fields, "streamDelay", a.streamDelay());
    text(fields, "triggerFailure", a.triggerFailure());
    return fields;
  }

  private static void text(Map<String, Object> fields, String name, String value) {
    if (!value.isEmpty()) {
      fields.put(name, value);
    }
  }

  private static void number(Map<String, Object> fields, String name, long value) {
    if (value != 0) {
      fields.put(name, value);
    }
  }
}
