package dev.dynamodouble.testcontainers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The Dynamo Double standalone server as a Testcontainers container. The image runs
 * {@code java -jar dynamo-double.jar --host 0.0.0.0 --port 8000} (inside the container; the host
 * sees only the mapped port) and is ready when {@code GET /_dynamodouble/health} answers.
 *
 * <p>Set-up ({@code with...}, before {@link #start()}): fixture files and fault scenarios copied into
 * the container and loaded before the port answers, a manual clock. Control (after start, over the
 * server's {@code /_dynamodouble/} API): the clock, fault rules, named snapshots, {@link #reset()} to
 * the state right after start, a table's items as JSON, the streams drain. Nothing here names an AWS SDK type: give
 * {@link #getEndpoint()} and {@link #getRegion()} to any client.
 *
 * <pre>{@code
 * try (DynamoDoubleContainer dynamo = new DynamoDoubleContainer("dynamo-double:0.1.0")
 *     .withFixtures(Path.of("src/test/resources/dynamo")).withManualClock()) {
 *   dynamo.start();
 *   DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.getEndpoint())
 *       .region(Region.of(dynamo.getRegion())) ...;
 *   dynamo.advanceClock(Duration.ofDays(1));
 *   dynamo.reset();
 * }
 * }</pre>
 */
public class DynamoDoubleContainer extends GenericContainer<DynamoDoubleContainer> {
  /** The image name this module is built for; other names must declare compatibility. */
  public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("dynamo-double");
  static final int PORT = 8000;
  static final String REGION = "us-east-1";
  /** Where copied fixture and scenario files go, one numbered directory each, keeping their names. */
  static final String FILES = "/dynamo-double/";
  /**
   * The mode of every copied entry: readable by the image's non-root user whatever the host mode
   * (temporary files are 0600), and traversable (Testcontainers gives a directory's files and
   * subdirectories the same forced mode).
   */
  private static final int READABLE = 0755;

  private final List<String> flags = new ArrayList<>();
  private int copies;
  private ControlClient control;

  public DynamoDoubleContainer(String image) {
    this(DockerImageName.parse(image));
  }

  public DynamoDoubleContainer(DockerImageName image) {
    super(image);
    image.assertCompatibleWith(DEFAULT_IMAGE);
    withExposedPorts(PORT);
    flag("--host", "0.0.0.0", "--port", Integer.toString(PORT), "--region", REGION);
    waitingFor(new ServerReady(PORT));
  }

  /**
   * Loads these fixture files or directories at start (the server's {@code --fixtures}):
   * {@code *.table.json} files hold CreateTable requests, other {@code .json} (or {@code .yml},
   * {@code .yaml}) files hold items, a bare array going to the table the file is named for; a
   * directory loads its files in name order.
   */
  public DynamoDoubleContainer withFixtures(Path... paths) {
    for (Path path : paths) {
      flag("--fixtures", copy(hostFile(path, "fixture"), path.getFileName().toString()));
    }
    return self();
  }

  /** Loads a fixture file (or directory) from the classpath at start, like {@link #withFixtures}. */
  public DynamoDoubleContainer withFixtureResource(String resource) {
    return flag("--fixtures", copy(MountableFile.forClasspathResource(resource, READABLE), lastSegment(resource)));
  }

  /** Loads the fault rules of a scenario file (YAML or JSON) at start (the server's {@code --faults}). */
  public DynamoDoubleContainer withFaultScenario(Path scenario) {
    return flag("--faults", copy(hostFile(scenario, "fault scenario"), scenario.getFileName().toString()));
  }

  /** Runs the server on a manual clock starting at the current time: it moves only when told to. */
  public DynamoDoubleContainer withManualClock() {
    return flag("--manual-clock");
  }

  /** Runs the server on a manual clock starting at {@code start}. */
  public DynamoDoubleContainer withManualClock(Instant start) {
    return flag("--manual-clock", start.toString());
  }

  /**
   * One set of tables whatever region a client names (the server's {@code --single-namespace}, like
   * DynamoDB Local's {@code -sharedDb}); without it tables live in the region each request signs for.
   */
  public DynamoDoubleContainer withSingleNamespace() {
    return flag("--single-namespace");
  }

  /** The endpoint to give an SDK's {@code endpointOverride}. */
  public URI getEndpoint() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
  }

  /** The region fixtures are loaded into and unsigned requests use; give it to the client. */
  public String getRegion() {
    return REGION;
  }

  /** The server's current time. */
  public Instant clock() {
    return ControlClient.instant(control().get("clock"));
  }

  /** Moves the manual clock forward, running every task that falls due (TTL deletions...); the new time. */
  public Instant advanceClock(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward; restore a snapshot to go back");
    }
    return ControlClient.instant(control().post("clock/advance?millis=" + duration.toMillis()));
  }

  /** Moves the manual clock forward to {@code instant} (never back); the new time. */
  public Instant setClock(Instant instant) {
    return ControlClient.instant(control().post("clock/set?epochMillis=" + instant.toEpochMilli()));
  }

  /** Adds the fault rules of a scenario (YAML or JSON text, all or none); the added rules as JSON. */
  public String applyFaults(String scenario) {
    return control().post("faults", scenario);
  }

  /** Every fault rule with its hit counts, as JSON. */
  public String faults() {
    return control().get("faults");
  }

  /** Removes every fault rule. */
  public void clearFaults() {
    control().delete("faults");
  }

  /** Puts the server back to its state right after start: the fixtures, the start-up fault rules and clock. */
  public void reset() {
    control().post("reset");
  }

  /** Saves the whole server state (tables, items, clock, fault rules) under {@code name}. */
  public void snapshot(String name) {
    control().post("snapshots/" + ControlClient.segment(name));
  }

  /** Restores the state saved under {@code name}; an unknown name is a {@link DynamoDoubleControlException}. */
  public void restoreSnapshot(String name) {
    control().post("snapshots/" + ControlClient.segment(name) + "/restore");
  }

  /** The items of a table (in the region of {@link #getRegion()}) as {@code {"Items": [DynamoDB JSON...], "Count": n}}. */
  public String tableItems(String table) {
    return control().get("tables/" + ControlClient.segment(table) + "/items");
  }

  /**
   * The Contributor Insights counts of a table's partition keys (after UpdateContributorInsights
   * ENABLE), most counted first, as JSON: {@code {"Table": T, "Accessed": [{"Key": k, "Count": n}, ...],
   * "Throttled": [...]}}.
   */
  public String contributorInsightsKeys(String table) {
    return contributorInsightsKeys(table, null, false);
  }

  /**
   * As {@link #contributorInsightsKeys(String)}, of the table or (non-null {@code index}) one of its
   * indexes, by partition key or ({@code fullKey}) partition and sort key values joined by a comma.
   */
  public String contributorInsightsKeys(String table, String index, boolean fullKey) {
    return control().get("insights/keys?table=" + ControlClient.segment(table)
        + (index == null ? "" : "&index=" + ControlClient.segment(index)) + (fullKey ? "&fullKey=true" : ""));
  }

  /**
   * Runs every task due now on the server's clock and delivers every stream batch due now before it
   * returns; the pending view after it, as JSON: {@code {"hiddenStreamRecords": n, "nextReadableAt": ...,
   * "nextDeliveryAt": ..., "triggers": [...]}} (records a {@code streamDelay} fault still hides become
   * readable when the clock reaches {@code nextReadableAt}).
   */
  public String drainStreams() {
    return control().post("streams/drain");
  }

  /** The pending view of {@link #drainStreams()}, without running anything. */
  public String pendingStreams() {
    return control().get("streams/pending");
  }

  private synchronized ControlClient control() {
    if (getContainerId() == null) {
      throw new IllegalStateException("the container is not started: call start() before a control method");
    }
    URI endpoint = getEndpoint(); // a restarted container has a new port
    if (control == null || !control.endpoint().equals(endpoint)) {
      control = new ControlClient(endpoint);
    }
    return control;
  }

  private DynamoDoubleContainer flag(String... values) {
    flags.addAll(List.of(values));
    setCommand(flags.toArray(String[]::new));
    return self();
  }

  private String copy(MountableFile file, String name) {
    String target = FILES + ++copies + "/" + name;
    withCopyFileToContainer(file, target);
    return target;
  }

  /** A host file or directory, readable by the image's non-root user whatever its mode on the host. */
  private static MountableFile hostFile(Path path, String what) {
    Objects.requireNonNull(path, what);
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("no " + what + " file or directory at " + path.toAbsolutePath());
    }
    return MountableFile.forHostPath(path, READABLE);
  }

  private static String lastSegment(String resource) {
    String trimmed = resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
