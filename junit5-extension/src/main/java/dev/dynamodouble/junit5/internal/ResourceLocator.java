package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.junit5.FixtureException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds classpath resources named in annotations: beside the class or annotation that names them,
 * then beside the test class, then at the classpath root; a leading slash means the root only.
 */
public final class ResourceLocator {
  private ResourceLocator() {}

  /** A found resource and its classpath path, which messages show. */
  public record Resource(URL url, String path) {}

  public static Resource require(String kind, String name, Class<?> anchor, Class<?> testClass, String declaredBy) {
    Set<String> tried = candidates(name, anchor, testClass);
    for (String path : tried) {
      URL url = loader(testClass).getResource(path);
      if (url != null) {
        return new Resource(url, path);
      }
    }
    throw new FixtureException(kind, name, 0, declaredBy, "file not found on the classpath (looked for "
        + String.join(", ", tried) + ")");
  }

  /** The first of {@code names} (relative to the test class) that exists, or null. */
  public static Resource firstExisting(Class<?> testClass, List<String> names) {
    for (String name : names) {
      String path = packagePath(testClass) + name;
      URL url = loader(testClass).getResource(path);
      if (url != null) {
        return new Resource(url, path);
      }
    }
    return null;
  }

  private static Set<String> candidates(String name, Class<?> anchor, Class<?> testClass) {
    Set<String> paths = new LinkedHashSet<>();
    if (name.startsWith("/")) {
      paths.add(name.substring(1));
      return paths;
    }
    List<Class<?>> bases = new ArrayList<>();
    if (anchor != null) {
      bases.add(anchor);
    }
    bases.add(testClass);
    for (Class<?> base : bases) {
      paths.add(packagePath(base) + name);
    }
    paths.add(name);
    return paths;
  }

  private static String packagePath(Class<?> c) {
    String pkg = c.getPackageName();
    return pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
  }

  private static ClassLoader loader(Class<?> testClass) {
    ClassLoader loader = testClass.getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }
}
