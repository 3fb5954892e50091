package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.dax.DaxSettings;
import dev.dynamodouble.junit5.Dax;
import dev.dynamodouble.junit5.internal.AnnotationSearch.Found;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The DAX cluster a test class declares with {@link Dax}: its own, a superclass's or an enclosing class's. */
final class DaxDeclaration {
  private DaxDeclaration() {}

  /** The cache settings of the class's cluster, or null when it runs none. */
  static DaxSettings of(Class<?> testClass) {
    for (Class<?> c : AnnotationSearch.enclosingChain(testClass)) {
      List<Found<Dax>> found = AnnotationSearch.onClassHierarchy(c, Dax.class);
      if (!found.isEmpty()) {
        return settings(found.get(0));
      }
    }
    return null;
  }

  private static DaxSettings settings(Found<Dax> found) {
    Dax dax = found.annotation();
    DaxSettings settings = DaxSettings.defaults();
    try {
      if (!dax.itemTtl().isEmpty()) {
        settings = settings.withItemTtl(duration(dax.itemTtl(), "itemTtl"));
      }
      if (!dax.queryTtl().isEmpty()) {
        settings = settings.withQueryTtl(duration(dax.queryTtl(), "queryTtl"));
      }
      if (dax.maxItems() >= 0) {
        settings = settings.withMaxItems(dax.maxItems());
      }
      if (dax.maxQueries() >= 0) {
        settings = settings.withMaxQueries(dax.maxQueries());
      }
      return settings;
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(found.describe() + ": " + e.getMessage(), e);
    }
  }

  private static Duration duration(String text, String attribute) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(attribute + " = \"" + text + "\" is not an ISO-8601 duration such as \"PT5M\"",
          e);
    }
  }
}
