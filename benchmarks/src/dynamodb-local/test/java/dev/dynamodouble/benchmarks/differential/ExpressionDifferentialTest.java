package dev.dynamodouble.benchmarks.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamodouble.benchmarks.Clients;
import dev.dynamodouble.benchmarks.sut.DynamoDbLocal;
import dev.dynamodouble.benchmarks.sut.RunningEndpoint;
import dev.dynamodouble.core.DynamoDouble;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Randomised differential test of the expression engine: generated items and condition, filter,
 * key condition, projection and update expressions (a share of them deliberately invalid) run
 * against Dynamo Double and against DynamoDB Local, the oracle, through the real SDK; results,
 * errors and stored items are compared. A semantic difference or a message difference fails
 * the test unless {@link KnownDifferences} lists it with its verdict.
 *
 * <p>System properties: {@code diff.seed} (default {@value #DEFAULT_SEED}), {@code diff.cases}
 * (default {@value #DEFAULT_CASES}), {@code diff.case} (run only that case, printing it),
 * {@code diff.verbose} (print every case).
 */
class ExpressionDifferentialTest {

  static final long DEFAULT_SEED = 20_260_411L;
  static final int DEFAULT_CASES = 500;

  private static RunningEndpoint local;
  private static DynamoDouble dynamoDouble;
  private static DynamoDbClient localClient;
  private static DynamoDbClient doubleClient;
  private static Cases cases;
  private static long seed;

  @BeforeAll
  static void startBothSystems() throws Exception {
    String arch = System.getProperty("os.arch");
    assumeTrue(Set.of("amd64", "x86_64").contains(arch),
        "DynamoDB Local's sqlite4java has no native library for " + arch + " on Maven Central");
    seed = Long.getLong("diff.seed", DEFAULT_SEED);
    cases = new Cases(seed);
    local = new DynamoDbLocal().start(0);
    dynamoDouble = DynamoDouble.builder().start();
    localClient = Clients.create(local.endpoint());
    doubleClient = Clients.create(dynamoDouble.endpoint());
    for (DynamoDbClient client : List.of(localClient, doubleClient)) {
      createTable(client, Schema.READ_TABLE);
      createTable(client, Schema.WRITE_TABLE);
      for (Map<String, AttributeValue> item : cases.readItems) {
        client.putItem(b -> b.tableName(Schema.READ_TABLE).item(item));
      }
    }
  }

  @AfterAll
  static void stopBothSystems() {
    for (AutoCloseable closeable : new AutoCloseable[] {doubleClient, localClient, dynamoDouble, local}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          System.err.println("closing " + closeable + ": " + e);
        }
      }
    }
  }

  private static void createTable(DynamoDbClient client, String table) {
    client.createTable(b -> b.tableName(table)
        .attributeDefinitions(
            attribute(Schema.PK, ScalarAttributeType.S), attribute(Schema.SK, ScalarAttributeType.N),
            attribute(Schema.GPK, ScalarAttributeType.S), attribute(Schema.GSK, ScalarAttributeType.S))
        .keySchema(key(Schema.PK, KeyType.HASH), key(Schema.SK, KeyType.RANGE))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(Schema.GSI)
            .keySchema(key(Schema.GPK, KeyType.HASH), key(Schema.GSK, KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  /** An error message without its variable tail, for the outcome histogram. */
  private static String shorten(String message) {
    String text = String.valueOf(message).replaceAll("[;:] .*", "");
    return text.length() > 90 ? text.substring(0, 90) : text;
  }

  @Test
  void dynamoDoubleAgreesWithDynamoDbLocalOrTheDocumentation() {
    int count = Integer.getInteger("diff.cases", DEFAULT_CASES);
    int only = Integer.getInteger("diff.case", -1);
    boolean verbose = Boolean.getBoolean("diff.verbose") || only >= 0;
    long started = System.nanoTime();

    List<Difference> differences = new ArrayList<>();
    Map<String, int[]> tally = new TreeMap<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    int invalid = 0;
    int run = 0;
    for (int i = only >= 0 ? only : 0; i < (only >= 0 ? only + 1 : count); i++) {
      Case testCase = cases.generate(i);
      Outcome mine = testCase.run(doubleClient);
      Outcome theirs = testCase.run(localClient);
      List<Difference> found = Difference.between(testCase, mine, theirs);
      differences.addAll(found);
      run++;
      invalid += testCase.fault == null ? 0 : 1;
      int[] counts = tally.computeIfAbsent(testCase.operation, k -> new int[3]);
      counts[0]++;
      counts[1] += mine.failed() ? 1 : 0;
      counts[2] += found.isEmpty() ? 0 : 1;
      outcomes.merge(testCase.operation + " " + (mine.failed() ? mine.errorCode + ": "
          + shorten(mine.message) : "ok"), 1, Integer::sum);
      if (verbose) {
        System.out.println(testCase.title());
        testCase.reproducer.forEach(line -> System.out.println("    " + line));
        System.out.println("    Dynamo Double : " + mine.summary() + " " + mine.fields);
        System.out.println("    DynamoDB Local: " + theirs.summary() + " " + theirs.fields);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;

    Map<KnownDifferences.Known, List<Difference>> known = new LinkedHashMap<>();
    List<Difference> unknownSemantic = new ArrayList<>();
    List<Difference> unknownMessages = new ArrayList<>();
    for (Difference difference : differences) {
      KnownDifferences.Known entry = KnownDifferences.find(difference);
      if (entry != null) {
        known.computeIfAbsent(entry, k -> new ArrayList<>()).add(difference);
      } else if (difference.kind == Difference.Kind.SEMANTIC) {
        unknownSemantic.add(difference);
      } else {
        unknownMessages.add(difference);
      }
    }

    StringBuilder report = new StringBuilder();
    report.append("\n=== Expression differential test: Dynamo Double vs DynamoDB Local ===\n");
    report.append(String.format("seed %d (-Ddiff.seed), %d cases (-Ddiff.cases), %d with a deliberate"
        + " mistake, %d ms%n", seed, run, invalid, millis));
    tally.forEach((operation, counts) -> report.append(String.format(
        "  %-10s %4d cases, %4d errors (Dynamo Double), %3d with differences%n",
        operation, counts[0], counts[1], counts[2])));
    report.append(String.format("differences: %d allow-listed, %d semantic unlisted, %d message-only unlisted%n",
        known.values().stream().mapToInt(List::size).sum(), unknownSemantic.size(), unknownMessages.size()));
    if (Boolean.getBoolean("diff.outcomes")) {
      report.append("\n--- what Dynamo Double answered (-Ddiff.outcomes) ---\n");
      outcomes.forEach((outcome, n) -> report.append(String.format("%5d  %s%n", n, outcome)));
    }
    if (!known.isEmpty()) {
      report.append("\n--- allow-listed differences ---\n");
      known.forEach((entry, list) -> {
        report.append(String.format("[%s] %s, %d× — %s: %s%n    reference: %s%n    first: case #%d%n",
            entry.id, entry.kind, list.size(), entry.verdict.text, entry.explanation, entry.reference,
            list.get(0).testCase.index));
      });
    }
    if (!unknownMessages.isEmpty()) {
      report.append("\n--- message-only differences, not allow-listed ---\n");
      unknownMessages.forEach(d -> report.append(d.report()));
    }
    if (!unknownSemantic.isEmpty()) {
      report.append("\n--- SEMANTIC differences, not allow-listed ---\n");
      unknownSemantic.forEach(d -> report.append(d.report()));
    }
    System.out.println(report);

    assertThat(unknownSemantic).as("semantic differences not in KnownDifferences (see the report above)")
        .extracting(d -> d.testCase.title() + ": " + d.aspect).isEmpty();
    assertThat(unknownMessages).as("message differences not in KnownDifferences (see the report above)")
        .extracting(d -> d.testCase.title() + ": " + d.aspect).isEmpty();
  }
}
