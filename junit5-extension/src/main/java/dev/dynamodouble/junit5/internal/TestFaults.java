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
 * in at least one test of the class.
 */
public final class TestFaults {
  private final Class<?> testClass;
  private final boolean strict;
  private final int classRules;
  /** The last handle of each class rule, and whether it ever fired. */
  private final List<FaultHandle> classHandles = new ArrayList<>();
  private final List<Boolean> classFired = new ArrayList<>();

  public TestFaults(Class<?> testClass, boolean strict) {
    this.testClass = testClass;
    this.strict = strict;
    this.classRules = FaultDeclarations.onClass(testClass).size();
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
      classHandles.set(i, handles.get(i));
      classFired.set(i, classFired.get(i) || handles.get(i).hits() > 0);
    }
    if (passed && strict) {
      Faults.verify(handles.subList(Math.min(classRules, handles.size()), handles.size()));
    }
  }

  /** After the last test: fails the class if a strict class rule never fired in any test. */
  public synchronized void afterAll() {
    if (!strict) {
      return;
    }
    List<FaultHandle> unfired = new ArrayList<>();
    for (int i = 0; i < classRules; i++) {
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
