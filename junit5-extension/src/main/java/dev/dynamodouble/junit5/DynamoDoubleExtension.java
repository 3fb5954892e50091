package dev.dynamodouble.junit5;

import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.junit5.internal.AnnotationSearch;
import dev.dynamodouble.junit5.internal.ClassScope;
import dev.dynamodouble.junit5.internal.ExpectedCheck;
import dev.dynamodouble.junit5.internal.FaultDeclarations;
import dev.dynamodouble.junit5.internal.TestFaults;
import dev.dynamodouble.junit5.internal.FailureReport;
import dev.dynamodouble.junit5.internal.Injector;
import dev.dynamodouble.junit5.internal.Settings;
import dev.dynamodouble.junit5.internal.SettingsResolver;
import dev.dynamodouble.junit5.internal.TriggerFields;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The JUnit 5 extension behind {@link DynamoTable} and {@link DynamoDoubleTest}: one endpoint per
 * test class, tables and fixtures before the first test, an O(1) reset before each test, injection,
 * expected-state checks, and a report of the tables when a test fails.
 *
 * <p>It keeps no state of its own: everything lives in JUnit's {@link ExtensionContext.Store} of
 * the class or test it belongs to, so test classes run in parallel safely and everything is closed
 * when its scope ends.
 */
public final class DynamoDoubleExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, TestInstancePostProcessor, ParameterResolver, TestExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DynamoDoubleExtension.class);
  private static final String ROOTS = "roots";
  private static final String SETTINGS = "settings";
  private static final String FAULT_HANDLES = "faultHandles";
  /** JUnit configuration parameter: false lets declared fault rules pass without firing. */
  public static final String STRICT_FAULTS = "dynamodouble.faults.strict";

  /** The store key of a class's declared fault rules. */
  private record FaultsKey(Class<?> testClass) {}

  /** The store key of a class's scope; one per class, so a @Nested class does not find its parent's by inheritance. */
  private record ScopeKey(Class<?> testClass) {}

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    FaultDeclarations.check(context.getRequiredTestClass()); // mistakes fail the class before any test
    ClassScope scope = scope(context);
    injectFields(scope, null, context.getRequiredTestClass());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestFaults faults = context.getStore(NAMESPACE).remove(new FaultsKey(context.getRequiredTestClass()),
        TestFaults.class);
    try {
      if (faults != null) {
        faults.afterAll(enclosingFaults(context));
      }
    } finally {
      closeScope(context);
    }
  }

  private static void closeScope(ExtensionContext context) {
    ClassScope scope = context.getStore(NAMESPACE).remove(new ScopeKey(context.getRequiredTestClass()),
        ClassScope.class);
    if (scope != null) {
      scope.close();
    }
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    injectFields(scope(contextOf(context, testInstance.getClass())), testInstance, testInstance.getClass());
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    ClassScope scope = scope(context);
    Method method = context.getRequiredTestMethod();
    Settings settings = SettingsResolver.forMethod(method, scope.testClass(), context::getConfigurationParameter);
    scope.beforeTest(method, settings);
    TriggerFields.register(scope.dynamo().triggers(), context.getRequiredTestInstance());
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    store.put(SETTINGS, settings);
    store.put(ROOTS, scope.roots());
    store.put(FAULT_HANDLES, testFaults(context).before(scope.dynamo().faults(), method));
  }

  /** The declared fault rules of the test's class. */
  private static TestFaults testFaults(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    Class<?> testClass = classContext.getRequiredTestClass();
    boolean strict = context.getConfigurationParameter(STRICT_FAULTS).map(Boolean::parseBoolean).orElse(true);
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(new FaultsKey(testClass),
        key -> new TestFaults(testClass, strict), TestFaults.class);
  }

  /**
   * For a @Nested class whose enclosing class runs this extension too: the enclosing class's
   * declared rules, which count the hits of its rules in the nested class's tests; else null.
   */
  private static TestFaults enclosingFaults(ExtensionContext classContext) {
    Class<?> testClass = classContext.getRequiredTestClass();
    ExtensionContext parent = classContext.getParent().orElse(null);
    if (parent == null || parent.getTestClass().isEmpty()
        || parent.getRequiredTestClass() != testClass.getEnclosingClass()
        || parent.getStore(NAMESPACE).get(new ScopeKey(parent.getRequiredTestClass()), ClassScope.class) == null) {
      return null;
    }
    return testFaults(parent);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    java.util.List<dev.dynamodouble.core.fault.FaultHandle> handles =
        context.getStore(NAMESPACE).remove(FAULT_HANDLES, java.util.List.class);
    boolean passed = context.getExecutionException().isEmpty();
    if (handles != null) {
      testFaults(context).after(handles, passed);
    }
    if (!passed) {
      return;
    }
    ClassScope scope = scope(context);
    Method method = context.getRequiredTestMethod();
    ExpectedCheck.find(method, scope.testClass()).ifPresent(found -> ExpectedCheck.check(scope, method, found));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    try {
      ExtensionContext.Store store = context.getStore(NAMESPACE);
      Settings settings = store.get(SETTINGS, Settings.class);
      @SuppressWarnings("unchecked")
      Map<String, TableData> roots = store.get(ROOTS, Map.class);
      if (settings != null && roots != null && settings.reportMaxItems() > 0) {
        throwable.addSuppressed(FailureReport.of(scope(context), roots, settings.reportMaxItems()));
      }
    } catch (RuntimeException e) {
      throwable.addSuppressed(e);
    }
    throw throwable;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return Injector.handles(parameterContext.getParameter().getType(),
        parameterContext.isAnnotated(DynamoInject.class) || parameterContext.isAnnotated(Dax.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    java.lang.reflect.Parameter parameter = parameterContext.getParameter();
    String what = "parameter " + parameterContext.getIndex() + " (" + parameter.getParameterizedType().getTypeName()
        + ") of " + parameterContext.getDeclaringExecutable().getDeclaringClass().getSimpleName() + "."
        + parameterContext.getDeclaringExecutable().getName() + "(...)";
    Optional<DynamoInject> annotation = parameterContext.findAnnotation(DynamoInject.class);
    ClassScope scope;
    try {
      scope = scope(extensionContext);
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("Cannot supply " + what + ": the endpoint did not start: " + e.getMessage(),
          e);
    }
    if (parameterContext.isAnnotated(Dax.class)) {
      return Injector.resolveDax(scope, parameter.getType(), what);
    }
    Optional<InRegion> region = parameterContext.findAnnotation(InRegion.class);
    if (region.isPresent()) {
      return Injector.resolveInRegion(scope, parameter.getType(), region.get().value(), what);
    }
    return Injector.resolve(scope, parameter.getType(), parameter.getParameterizedType(), annotation.orElse(null),
        what);
  }

  /** Sets the @DynamoInject fields of {@code type} and its superclasses: static ones when {@code instance} is null. */
  private static void injectFields(ClassScope scope, Object instance, Class<?> type) throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        DynamoInject annotation = field.getAnnotation(DynamoInject.class);
        boolean dax = field.isAnnotationPresent(Dax.class);
        if ((annotation == null && !dax) || Modifier.isStatic(field.getModifiers()) != (instance == null)) {
          continue;
        }
        String what = "field " + c.getSimpleName() + "." + field.getName();
        if (Modifier.isFinal(field.getModifiers())) {
          throw new ExtensionConfigurationException("Cannot inject " + what + ": it is final");
        }
        InRegion region = field.getAnnotation(InRegion.class);
        Object value = dax ? Injector.resolveDax(scope, field.getType(), what)
            : region != null ? Injector.resolveInRegion(scope, field.getType(), region.value(), what)
            : Injector.resolve(scope, field.getType(), field.getGenericType(), annotation, what);
        field.setAccessible(true);
        field.set(instance, value);
      }
    }
  }

  /** The scope of the class that {@code context} belongs to, set up on first use. */
  private static ClassScope scope(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    Class<?> testClass = classContext.getRequiredTestClass();
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(new ScopeKey(testClass),
        key -> open(classContext, testClass), ClassScope.class);
  }

  private static ClassScope open(ExtensionContext classContext, Class<?> testClass) {
    ClassScope parent = null;
    if (AnnotationSearch.enclosingChain(testClass).size() > 1) {
      Class<?> enclosing = testClass.getEnclosingClass();
      parent = classContext.getStore(NAMESPACE).get(new ScopeKey(enclosing), ClassScope.class);
    }
    Settings settings = SettingsResolver.forClass(testClass, classContext::getConfigurationParameter);
    return ClassScope.open(testClass, settings, parent);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** The class context of {@code type} among {@code context}'s ancestors (an enclosing instance of a @Nested test). */
  private static ExtensionContext contextOf(ExtensionContext context, Class<?> type) {
    ExtensionContext classContext = classContext(context);
    for (ExtensionContext c = classContext; c != null; c = c.getParent().orElse(null)) {
      if (c.getTestClass().isEmpty()) {
        break;
      }
      if (c.getRequiredTestClass() == type) {
        return c;
      }
    }
    return classContext;
  }
}
