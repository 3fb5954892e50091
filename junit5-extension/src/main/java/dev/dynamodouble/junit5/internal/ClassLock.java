package dev.dynamodouble.junit5.internal;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * One lock per top-level test class, so that under JUnit's parallel execution the tests of a class
 * (which share an endpoint and are reset between each other) run one at a time, while different
 * classes, each with its own endpoint, still run concurrently. Internal.
 */
public final class ClassLock implements ResourceLocksProvider {
  private static final String PREFIX = "dev.dynamodouble.endpoint:";

  @Override
  public Set<Lock> provideForClass(Class<?> testClass) {
    return Set.of(new Lock(PREFIX + testClass.getName()));
  }

  @Override
  public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
    return Set.of(new Lock(PREFIX + outermost(enclosingInstanceTypes, testClass).getName()));
  }

  @Override
  public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
    return Set.of(new Lock(PREFIX + outermost(enclosingInstanceTypes, testClass).getName()));
  }

  private static Class<?> outermost(List<Class<?>> enclosing, Class<?> testClass) {
    return enclosing.isEmpty() ? testClass : enclosing.get(0);
  }
}
