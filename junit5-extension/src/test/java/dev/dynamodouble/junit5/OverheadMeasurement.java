package dev.dynamodouble.junit5;

import static dev.dynamodouble.junit5.Items.item;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.junit5.internal.ClassScope;
import dev.dynamodouble.junit5.internal.Clients;
import dev.dynamodouble.junit5.internal.Settings;
import dev.dynamodouble.junit5.internal.SettingsResolver;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Measures what the extension costs: per test class (endpoint start + clients + table creation +
 * a 100-item fixture) and per test (the reset). Not a test: prints numbers; run with
 * {@code mvn test -pl junit5-extension -am -Dtest=OverheadMeasurement -Ddynamodouble.measure=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "dynamodouble.measure", matches = "true")
class OverheadMeasurement {
  private static final int CLASSES = 20;

  @DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk",
      gsi = @Index(name = "byStatus", partitionKey = "status", sortKey = "createdAt"),
      fixtures = "measure/hundred-orders.json")
  static class HundredItems {
    void test() {}
  }

  @Test
  @SuppressWarnings("unchecked") // the SDK's Consumer varargs
  void measure() throws Exception {
    Settings settings = SettingsResolver.forClass(HundredItems.class, key -> Optional.empty());

    // Per class, as the extension does it; the first one pays the JVM's class loading.
    long first = time(() -> ClassScope.open(HundredItems.class, settings, null).close());
    long[] opening = new long[CLASSES];
    long[] closing = new long[CLASSES];
    for (int i = 0; i < CLASSES; i++) {
      long t0 = System.nanoTime();
      ClassScope scope = ClassScope.open(HundredItems.class, settings, null);
      long t1 = System.nanoTime();
      scope.close();
      opening[i] = t1 - t0;
      closing[i] = System.nanoTime() - t1;
    }
    report("per test class, first in the JVM", first);
    report("per test class: open (endpoint + clients + table with a GSI + 100 items), median", median(opening));
    report("per test class: close (clients + endpoint), median", median(closing));

    // Its parts.
    var keyTypes = java.util.Map.of("orders", java.util.Map.of("pk",
        software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S, "sk",
        software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S));
    var resource = dev.dynamodouble.junit5.internal.ResourceLocator.require("Fixture", "measure/hundred-orders.json",
        HundredItems.class, HundredItems.class, "measurement");
    long[] parse = new long[CLASSES];
    for (int i = 0; i < CLASSES; i++) {
      parse[i] = time(() -> dev.dynamodouble.junit5.internal.FixtureFile.read(resource, FixtureFormat.AUTO, keyTypes,
          null, "Fixture"));
    }
    report("  parse and type the 100-item fixture file, median", median(parse));
    long[] start = new long[CLASSES];
    long[] clients = new long[CLASSES];
    long[] load = new long[CLASSES];
    for (int i = 0; i < CLASSES; i++) {
      long t0 = System.nanoTime();
      DynamoDouble dynamo = DynamoDouble.builder().start();
      long t1 = System.nanoTime();
      Clients c = new Clients(dynamo.endpoint(), "us-east-1");
      long t2 = System.nanoTime();
      c.sync().createTable(r -> r.tableName("orders").billingMode("PAY_PER_REQUEST")
          .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
          .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"),
              a -> a.attributeName("sk").attributeType("S")));
      for (int n = 0; n < 100; n++) {
        int k = n;
        c.sync().putItem(r -> r.tableName("orders").item(item("pk", "c#" + (k % 20), "sk", "o#" + k, "total", k)));
      }
      long t3 = System.nanoTime();
      c.close();
      dynamo.close();
      start[i] = t1 - t0;
      clients[i] = t2 - t1;
      load[i] = t3 - t2;
    }
    report("  endpoint start, median", median(start));
    report("  SDK client build, median", median(clients));
    report("  CreateTable + 100 PutItem, median", median(load));

    // Per test: what beforeEach does (reset + recording the roots for the failure report).
    ClassScope scope = ClassScope.open(HundredItems.class, settings, null);
    Method test = HundredItems.class.getDeclaredMethod("test");
    Settings perTest = SettingsResolver.forMethod(test, HundredItems.class, key -> Optional.empty());
    DynamoDbClient client = scope.clients().sync();
    long[] beforeEach = new long[2000];
    for (int i = 0; i < beforeEach.length; i++) {
      int k = i;
      client.putItem(r -> r.tableName("orders").item(item("pk", "dirty", "sk", "x" + k)));
      long t0 = System.nanoTime();
      scope.beforeTest(test, perTest);
      scope.roots();
      beforeEach[i] = System.nanoTime() - t0;
    }
    report("per test (beforeEach: reset + roots), median over 2000", median(beforeEach));

    // The restore alone, at 100 and at 10,000 items: it does not depend on the number of items.
    for (int size : new int[] {100, 5_000}) {
      DynamoDouble dynamo = DynamoDouble.builder().start();
      Clients c = new Clients(dynamo.endpoint(), "us-east-1");
      c.sync().createTable(r -> r.tableName("big").billingMode("PAY_PER_REQUEST")
          .keySchema(k -> k.attributeName("id").keyType("HASH"))
          .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
      for (int n = 0; n < size; n++) {
        int k = n;
        c.sync().putItem(r -> r.tableName("big").item(item("id", "i" + k, "payload", "x".repeat(100))));
      }
      EngineSnapshot baseline = dynamo.engine().snapshot();
      long[] restore = new long[2000];
      for (int i = 0; i < restore.length; i++) {
        int k = i;
        c.sync().putItem(r -> r.tableName("big").item(item("id", "new" + k)));
        long t0 = System.nanoTime();
        dynamo.engine().restore(baseline);
        restore[i] = System.nanoTime() - t0;
      }
      report("engine restore with " + size + " items, median over 2000", median(restore));
      c.close();
      dynamo.close();
    }
    scope.close();
  }

  private interface Step {
    void run() throws Exception;
  }

  private static long time(Step step) throws Exception {
    long t0 = System.nanoTime();
    step.run();
    return System.nanoTime() - t0;
  }

  private static long median(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }

  private static final List<String> LINES = new ArrayList<>();

  private static void report(String what, long nanos) {
    String line = String.format("%-80s %10.3f ms", what, nanos / 1e6);
    LINES.add(line);
    System.out.println("MEASURE " + line);
  }
}
