package dev.dynamodouble.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dynamodouble.benchmarks.overhead.DynamoDoubleAsyncClass;
import dev.dynamodouble.benchmarks.overhead.DynamoDoubleClass;
import dev.dynamodouble.benchmarks.overhead.PlainClass;
import dev.dynamodouble.benchmarks.sut.DynamoDbLocalOptIn;
import dev.dynamodouble.benchmarks.sut.DynamoDouble;
import java.util.Locale;
import java.util.StringJoiner;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Per-test-class overhead with the JUnit 5 extension, in a fresh child JVM:
 * {@code OverheadProbe <system> <classes>}. Runs test classes through the JUnit Platform
 * launcher as a build tool does, one class per launcher execution: first an empty class
 * ({@link PlainClass}) {@code classes} times, so JUnit itself is loaded and its per-class cost is
 * known, then the system's class ({@link DynamoDoubleClass} with {@code @DynamoTable} and 100
 * fixture items, or {@link DynamoDbLocalClass}, which does the same by hand) {@code classes}
 * times. The first of those pays the system's and the SDK's class loading, as the first test
 * class of a test run does.
 *
 * <p>Prints {@code PROBE-RESULT plain=<ms> first=<ms> again=<ms> <ms> ...} (times of whole
 * executions; the caller subtracts the plain class's median).
 */
public final class OverheadProbe {

  private OverheadProbe() {}

  public static void main(String[] args) {
    try {
      Class<?> testClass;
      switch (args[0]) {
        case DynamoDouble.ID:
          testClass = DynamoDoubleClass.class;
          break;
        case DynamoDbLocalOptIn.SERVER:
          testClass = DynamoDbLocalOptIn.testClass();
          break;
        default:
          ChildJvm.exit(ChildJvm.UNAVAILABLE + "no test class for " + args[0], 0);
          return;
      }
      int classes = Integer.parseInt(args[1]);
      Launcher launcher = LauncherFactory.create();
      double[] plain = new double[classes];
      for (int i = 0; i < classes; i++) {
        plain[i] = run(launcher, PlainClass.class);
      }
      double first = run(launcher, testClass);
      // Dynamo Double also runs the same class with the async client injected; its first run (the
      // async client's class loading) is left out, and the two alternate so that load from
      // elsewhere on the machine hits both alike.
      boolean withAsync = testClass == DynamoDoubleClass.class;
      if (withAsync) {
        run(launcher, DynamoDoubleAsyncClass.class);
      }
      StringJoiner again = new StringJoiner(",");
      StringJoiner asyncAgain = new StringJoiner(",");
      for (int i = 1; i < classes; i++) {
        again.add(String.format(Locale.ROOT, "%.3f", run(launcher, testClass)));
        if (withAsync) {
          asyncAgain.add(String.format(Locale.ROOT, "%.3f", run(launcher, DynamoDoubleAsyncClass.class)));
        }
      }
      String async = withAsync ? " async=" + asyncAgain : "";
      ChildJvm.exit(String.format(Locale.ROOT, "%splain=%.3f first=%.3f again=%s%s",
          ChildJvm.RESULT, Stats.median(plain), first, again, async), 0);
    } catch (Throwable e) {
      e.printStackTrace();
      ChildJvm.exit(ChildJvm.ERROR + Results.reason(e), 1);
    }
  }

  /** Runs one test class through the launcher; milliseconds, or an exception if a test failed. */
  private static double run(Launcher launcher, Class<?> testClass) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(testClass)).build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    long t0 = System.nanoTime();
    launcher.execute(request, listener);
    double millis = (System.nanoTime() - t0) / 1e6;
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() != 1) {
      Throwable cause = summary.getFailures().isEmpty() ? null
          : summary.getFailures().get(0).getException();
      throw new IllegalStateException(testClass.getSimpleName() + ": "
          + summary.getTestsSucceededCount() + " test(s) succeeded, "
          + summary.getTotalFailureCount() + " failed", cause);
    }
    return millis;
  }
}
