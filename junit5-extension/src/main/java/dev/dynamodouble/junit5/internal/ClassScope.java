package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.fixture.FixtureEntry;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.junit5.DynamoFixture;
import dev.dynamodouble.junit5.FixtureMode;
import dev.dynamodouble.junit5.Reset;
import dev.dynamodouble.junit5.Transport;
import dev.dynamodouble.junit5.internal.AnnotationSearch.Found;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What one test class runs against: an endpoint (its own, or its enclosing class's for a
 * {@code @Nested} class with the same endpoint settings), the SDK clients, the declared tables, and
 * two engine snapshots: {@code empty} (tables created, no items) and {@code baseline} (after the
 * class's fixtures). Resetting is restoring one of them: O(tables), whatever the number of items.
 *
 * <p>Lives in the class's ExtensionContext store; nothing is static.
 */
public final class ClassScope implements AutoCloseable {
  private final Class<?> testClass;
  private final Settings settings;
  private final DynamoDouble dynamo;
  private final Clients clients;
  private final boolean ownsEndpoint;
  private final Map<String, TableDeclaration> tables;
  private final List<FixtureEntry> classEntries;
  private final EngineSnapshot empty;
  private final EngineSnapshot baseline;
  private final EngineSnapshot restoreOnClose;
  private boolean closed;

  private ClassScope(Class<?> testClass, Settings settings, DynamoDouble dynamo, Clients clients, boolean ownsEndpoint,
      Map<String, TableDeclaration> tables, List<FixtureEntry> classEntries, EngineSnapshot empty,
      EngineSnapshot baseline, EngineSnapshot restoreOnClose) {
    this.testClass = testClass;
    this.settings = settings;
    this.dynamo = dynamo;
    this.clients = clients;
    this.ownsEndpoint = ownsEndpoint;
    this.tables = Collections.unmodifiableMap(tables);
    this.classEntries = List.copyOf(classEntries);
    this.empty = empty;
    this.baseline = baseline;
    this.restoreOnClose = restoreOnClose;
  }

  /**
   * Sets up the endpoint, tables and fixtures of {@code testClass}.
   *
   * @param parent the scope of the enclosing class of a {@code @Nested} class, or null
   */
  public static ClassScope open(Class<?> testClass, Settings settings, ClassScope parent) {
    List<TableDeclaration> own = TableDeclarations.declaredOn(testClass);
    Map<String, TableDeclaration> tables = new LinkedHashMap<>();
    if (parent != null) {
      tables.putAll(parent.tables);
    }
    for (TableDeclaration table : own) {
      TableDeclaration earlier = tables.put(table.name(), table);
      if (earlier != null) {
        throw new ExtensionConfigurationException("Table \"" + table.name() + "\" is declared by " + earlier.declaredBy()
            + " and again by " + table.declaredBy() + "; a @Nested class sees its enclosing classes' tables");
      }
    }
    List<FixtureEntry> ownEntries = parse(classFixtures(testClass, own), tables, testClass, "Fixture");
    List<FixtureEntry> entries = new ArrayList<>(parent == null ? List.of() : parent.classEntries);
    entries.addAll(ownEntries);

    dev.dynamodouble.core.dax.DaxSettings daxSettings = DaxDeclaration.of(testClass);
    if (parent != null && parent.settings.sameEndpointAs(settings) && !Security.declaredOn(testClass)
        && java.util.Objects.equals(daxSettings, parent.dynamo.daxCache() == null ? null
            : parent.dynamo.daxCache().settings())) {
      return openShared(testClass, settings, parent, own, ownEntries, tables, entries);
    }
    Security security = Security.of(testClass);
    DynamoDouble.Builder builder = DynamoDouble.builder().host("127.0.0.1").port(0).clock(settings.newClock())
        .statusDelay(settings.statusDelay()).defaultRegion(settings.region())
        .capacityEnforcement(capacityEnforced(testClass));
    if (daxSettings != null) {
      builder.dax(daxSettings); // the cluster listens once the endpoint starts: when a test asks for it
    }
    DynamoDouble dynamo = security.apply(builder).build();
    Clients clients = null;
    try {
      // In process, the HTTP server starts only when a test asks for the URI (or endpoint()).
      clients = Clients.of(dynamo, settings.region(), security, settings.transport() == Transport.IN_PROCESS);
      for (TableDeclaration table : tables.values()) {
        TableCreator.create(dynamo, clients.sync(), table, settings);
      }
      exemptTables(dynamo, testClass, tables.values());
      // After requireActive's runDue: a status task the system clock's thread is running (taken off
      // the queue, table not yet ACTIVE) would otherwise be in no snapshot, and a nested class that
      // restores this one would find its tables CREATING for good.
      requireActive(dynamo, settings, entries);
      EngineSnapshot empty = dynamo.engine().snapshot();
      FixtureLoader.load(dynamo, settings.region(), entries);
      dynamo.replication().flush(); // replicas hold the fixtures too, whatever the lag
      forgetStreamRecords(dynamo);
      EngineSnapshot baseline = dynamo.engine().snapshot();
      return new ClassScope(testClass, settings, dynamo, clients, true, tables, entries, empty, baseline, null);
    } catch (RuntimeException e) {
      closeQuietly(clients, e);
      closeQuietly(dynamo, e);
      throw e;
    }
  }

  private static ClassScope openShared(Class<?> testClass, Settings settings, ClassScope parent,
      List<TableDeclaration> own, List<FixtureEntry> ownEntries, Map<String, TableDeclaration> tables,
      List<FixtureEntry> entries) {
    DynamoDouble dynamo = parent.dynamo;
    EngineSnapshot before = dynamo.engine().snapshot();
    if (own.isEmpty() && ownEntries.isEmpty()) {
      if (settings.reset() != Reset.NEVER) {
        dynamo.engine().restore(parent.baseline);
      }
      return new ClassScope(testClass, settings, dynamo, parent.clients, false, tables, entries, parent.empty,
          parent.baseline, before);
    }
    try {
      dynamo.engine().restore(parent.empty);
      for (TableDeclaration table : own) {
        TableCreator.create(dynamo, parent.clients.sync(), table, settings);
      }
      exemptTables(dynamo, testClass, own);
      // After requireActive's runDue: a status task the system clock's thread is running (taken off
      // the queue, table not yet ACTIVE) would otherwise be in no snapshot, and a nested class that
      // restores this one would find its tables CREATING for good.
      requireActive(dynamo, settings, entries);
      EngineSnapshot empty = dynamo.engine().snapshot();
      FixtureLoader.load(dynamo, settings.region(), entries);
      dynamo.replication().flush();
      forgetStreamRecords(dynamo);
      EngineSnapshot baseline = dynamo.engine().snapshot();
      return new ClassScope(testClass, settings, dynamo, parent.clients, false, tables, entries, empty, baseline,
          before);
    } catch (RuntimeException e) {
      dynamo.engine().restore(before);
      throw e;
    }
  }

  /**
   * The class-level fixture files: the tables', then the class's @DynamoFixture files or, when it
   * names none, its convention file.
   */
  private static List<FixtureRef> classFixtures(Class<?> testClass, List<TableDeclaration> own) {
    List<FixtureRef> refs = new ArrayList<>();
    own.forEach(table -> refs.addAll(table.fixtures()));
    List<Found<DynamoFixture>> named = AnnotationSearch.onClassHierarchy(testClass, DynamoFixture.class);
    for (Found<DynamoFixture> found : named) {
      refs.addAll(refs(found));
    }
    if (named.isEmpty()) {
      ResourceLocator.Resource convention = ResourceLocator.firstExisting(testClass,
          conventionNames(AnnotationSearch.conventionName(testClass) + ".dynamo"));
      if (convention != null) {
        refs.add(new FixtureRef("/" + convention.path(), null, dev.dynamodouble.junit5.FixtureFormat.AUTO, testClass,
            "the convention file of " + testClass.getName()));
      }
    }
    return refs;
  }

  static List<String> conventionNames(String base) {
    return List.of(base + ".json", base + ".yml", base + ".yaml");
  }

  private static List<FixtureRef> refs(Found<DynamoFixture> found) {
    List<FixtureRef> refs = new ArrayList<>();
    DynamoFixture a = found.annotation();
    for (String path : a.value()) {
      refs.add(new FixtureRef(path, a.table().isEmpty() ? null : a.table(), a.format(), found.anchor(),
          found.describe()));
    }
    return refs;
  }

  static List<FixtureEntry> parse(List<FixtureRef> refs, Map<String, TableDeclaration> tables, Class<?> testClass,
      String kind) {
    Map<String, Map<String, ScalarAttributeType>> keyTypes = new LinkedHashMap<>();
    tables.forEach((name, table) -> keyTypes.put(name, table.keyTypes()));
    List<FixtureEntry> entries = new ArrayList<>();
    for (FixtureRef ref : refs) {
      ResourceLocator.Resource resource = ResourceLocator.require(kind, ref.path(), ref.anchor(), testClass,
          ref.declaredBy());
      entries.addAll(FixtureFile.read(resource, ref.format(), keyTypes, ref.table(), kind));
    }
    return entries;
  }

  /** Fixtures need ACTIVE tables; on a manual clock with a status delay, tables stay CREATING until the test advances it. */
  private static void requireActive(DynamoDouble dynamo, Settings settings, List<FixtureEntry> entries) {
    dynamo.clock().runDue(); // what a request would do first: a zero status delay has fallen due
    for (FixtureEntry entry : entries) {
      Table table = dynamo.engine().region(settings.region()).find(entry.table());
      if (table != null && !table.status().servesItems()) {
        throw new dev.dynamodouble.junit5.FixtureException(entry.file(), entry.line(), entry.where(), "table \""
            + entry.table() + "\" is " + table.status() + ": with statusDelay = " + settings.statusDelay()
            + " on a manual clock, tables stay CREATING until the test advances the clock, so they cannot take "
            + "fixtures; use no statusDelay, or the system clock");
      }
    }
  }

  /**
   * Prepares for a test: loads its method fixtures (on top of the class's, or into empty tables),
   * after resetting as {@code methodSettings} says.
   */
  public void beforeTest(Method method, Settings methodSettings) {
    List<FixtureRef> refs = new ArrayList<>();
    boolean replace = false;
    for (Found<DynamoFixture> found : AnnotationSearch.on(method, DynamoFixture.class)) {
      refs.addAll(refs(found));
      replace |= found.annotation().mode() == FixtureMode.REPLACE;
    }
    if (refs.isEmpty()) {
      ResourceLocator.Resource convention = ResourceLocator.firstExisting(testClass,
          conventionNames(AnnotationSearch.conventionName(testClass) + "." + method.getName() + ".dynamo"));
      if (convention != null) {
        refs.add(new FixtureRef("/" + convention.path(), null, dev.dynamodouble.junit5.FixtureFormat.AUTO, testClass,
            "the convention file of " + method.getName()));
      }
    }
    List<FixtureEntry> entries = parse(refs, tables, testClass, "Fixture");
    dynamo.triggers().unregisterAll(); // triggers belong to one test: @DynamoTrigger fields, @BeforeEach or the test
    if (replace) {
      dynamo.engine().restore(empty);
      dynamo.replication().reset(); // every link back to the default lag, unpaused, nothing waiting
    } else if (methodSettings.reset() == Reset.PER_TEST) {
      dynamo.engine().restore(baseline);
      dynamo.replication().reset();
    }
    requireActive(dynamo, settings, entries);
    FixtureLoader.load(dynamo, settings.region(), entries);
    dynamo.replication().flush();
    if (!entries.isEmpty()) {
      forgetStreamRecords(dynamo);
    }
  }

  /**
   * Fixture loading writes through the SDK, so streams recorded it: a restore to the state just
   * reached clears every stream (a reset's effect on streams), so tests see only their own records.
   */
  private static void forgetStreamRecords(DynamoDouble dynamo) {
    dynamo.engine().restore(dynamo.engine().snapshot());
  }

  /** The current root of every table, to tell later which ones a test changed. */
  public Map<String, TableData> roots() {
    Map<String, TableData> roots = new LinkedHashMap<>();
    for (Table table : dynamo.engine().region(settings.region()).tables()) {
      roots.put(table.name(), table.snapshot());
    }
    return roots;
  }

  /** The names of the tables whose contents differ from {@code before} (or that are new). */
  public List<String> changedSince(Map<String, TableData> before) {
    List<String> changed = new ArrayList<>();
    for (Table table : dynamo.engine().region(settings.region()).tables()) {
      if (before.get(table.name()) != table.snapshot()) {
        changed.add(table.name());
      }
    }
    return changed;
  }

  public Class<?> testClass() {
    return testClass;
  }

  public Settings settings() {
    return settings;
  }

  public DynamoDouble dynamo() {
    return dynamo;
  }

  public Clients clients() {
    return clients;
  }

  public Map<String, TableDeclaration> tables() {
    return tables;
  }

  /** Closes the endpoint it owns; a nested class sharing its parent's endpoint puts the parent's state back. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ownsEndpoint) {
      RuntimeException failure = null;
      try {
        clients.close();
      } catch (RuntimeException e) {
        failure = e;
      }
      dynamo.close();
      if (failure != null) {
        throw failure;
      }
    } else if (restoreOnClose != null) {
      dynamo.engine().restore(restoreOnClose);
    }
  }

  /** False when the class, a superclass or an enclosing class says {@code @DynamoDoubleTest(capacityEnforced = false)}. */
  private static boolean capacityEnforced(Class<?> testClass) {
    for (Class<?> c : AnnotationSearch.enclosingChain(testClass)) {
      for (Found<dev.dynamodouble.junit5.DynamoDoubleTest> found
          : AnnotationSearch.onClassHierarchy(c, dev.dynamodouble.junit5.DynamoDoubleTest.class)) {
        if (!found.annotation().capacityEnforced()) {
          return false;
        }
      }
    }
    return true;
  }

  /** Tables declared with {@code capacityEnforced = false}, or all of a class that turns enforcement off, are exempt. */
  private static void exemptTables(DynamoDouble dynamo, Class<?> testClass, java.util.Collection<TableDeclaration> tables) {
    boolean classEnforces = capacityEnforced(testClass);
    for (TableDeclaration table : tables) {
      if (!classEnforces || !table.capacityEnforced()) {
        dynamo.capacity().exempt(table.name(), true);
      }
    }
  }

  private static void closeQuietly(AutoCloseable closeable, RuntimeException primary) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      primary.addSuppressed(e);
    }
  }
}
