package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.fault.FaultHandle;
import dev.dynamodouble.core.fault.Faults;
import dev.dynamodouble.core.fault.UnfiredFaultsError;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The declared fault rules of one test class: added before each test (class rules, then the
 * test's), removed after it, with strict checks: a method rule must fire in its test, a class rule
 * in at least one test of the class or of its {@code @Nested} classes. A nested class's class rules
 * are its own, then those its enclosing classes declare; it hands what it saw of the latter to the
 * enclosing class, which checks them when all its tests and nested classes have run.
 */
public final class TestFaults {
  private final Class<?> testClass;
  private final boolean strict;
  private final int classRules;
  /** How many of the class rules the class itself declares: the rest come from enclosing classes. */
  private final int own;
  /** The last handle of each class rule, and whether it ever fired. */
  private final List<FaultHandle> classHandles = new ArrayList<>();
  private final List<Boolean> classFired = new ArrayList<>();

  public TestFaults(Class<?> testClass, boolean strict) {
    this.testClass = testClass;
    this.strict = strict;
    this.classRules = FaultDeclarations.onClass(testClass).size();
    List<Class<?>> chain = AnnotationSearch.enclosingChain(testClass);
    this.own = chain.size() > 1 ? classRules - FaultDeclarations.onClass(chain.get(1)).size() : classRules;
    for (int i = 0; i < classRules; i++) {
      classFired.add(false);
      classHandles.add(null);
    }
  }

  /** The rules of a test, added: class rules first. */
  public List<FaultHandle> before(Faults faults, Method method) {
    List<FaultHandle> handles = new ArrayList<>(faults.addAll(FaultDeclarations.onClass(testClass)));
    handles.addAll(faults.addAll(FaultDeclarations.onMethod(method, testClass)));
    return handles;
  }

  /**
   * Removes a test's rules; when the test passed and rules are strict, fails it if a method rule
   * never fired.
   */
  public synchronized void after(List<FaultHandle> handles, boolean passed) {
    handles.forEach(FaultHandle::remove);
    for (int i = 0; i < classRules && i < handles.size(); i++) {
      seen(i, handles.get(i), handles.get(i).hits() > 0);
    }
    if (passed && strict) {
      Faults.verify(handles.subList(Math.min(classRules, handles.size()), handles.size()));
    }
  }

  private synchronized void seen(int i, FaultHandle handle, boolean fired) {
    if (handle != null) {
      classHandles.set(i, handle);
      classFired.set(i, classFired.get(i) || fired);
    }
  }

  /**
   * After the last test: fails the class if a strict class rule it declares never fired in any of
   * its tests or its nested classes' tests. With {@code enclosing} (the enclosing class's rules, when
   * the extension runs there too) the rules declared there are handed over for it to check;
   * without, they are checked here.
   */
  public synchronized void afterAll(TestFaults enclosing) {
    if (enclosing != null) {
      for (int i = own; i < classRules; i++) {
        enclosing.seen(i - own, classHandles.get(i), classFired.get(i));
      }
    }
    if (!strict) {
      return;
    }
    List<FaultHandle> unfired = new ArrayList<>();
    for (int i = 0; i < (enclosing == null ? classRules : own); i++) {
      FaultHandle handle = classHandles.get(i);
      if (handle != null && !classFired.get(i) && !handle.rule().lenient()) {
        unfired.add(handle);
      }
    }
    if (!unfired.isEmpty()) {
      throw new UnfiredFaultsError(unfired);
    }
  }
}
