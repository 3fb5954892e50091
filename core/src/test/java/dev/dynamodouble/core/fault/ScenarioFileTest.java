package dev.dynamodouble.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenario files in YAML and JSON, and the errors that name file, line and field. */
class ScenarioFileTest {
  private static final String YAML = """
      # throttle the first two writes, then make reads stale
      rules:
        - name: throttle-orders
          operation: PutItem
          table: orders
          error: ProvisionedThroughputExceededException
          times: 2
        - operations: [GetItem, "Query"]
          staleRead: 2s   # two seconds
          lenient: true
        - operation: BatchWriteItem
          unprocessedKeys:
            - o1
            - 'o2'
          probability: 0.5
          seed: 42
        - operation: GetItem
          latency: PT0.25S
      """;

  @Test
  void yamlRules() {
    List<FaultRule> rules = ScenarioFile.parse("faults.yml", YAML);
    assertThat(rules).hasSize(4);
    assertThat(rules.get(0).name()).isEqualTo("throttle-orders");
    assertThat(rules.get(0).describe())
        .isEqualTo("PutItem, table orders, at most 2 times: error ProvisionedThroughputExceededException");
    assertThat(rules.get(0).source()).isEqualTo("faults.yml line 3");
    assertThat(rules.get(1).operations()).containsExactlyInAnyOrder("GetItem", "Query");
    assertThat(rules.get(1).effect()).isEqualTo(new FaultEffect.StaleRead(Duration.ofSeconds(2)));
    assertThat(rules.get(1).lenient()).isTrue();
    assertThat(rules.get(2).effect()).isEqualTo(new FaultEffect.Unprocessed(java.util.Set.of("o1", "o2"), 0));
    assertThat(rules.get(2).probability()).isEqualTo(0.5);
    assertThat(rules.get(2).seed()).isEqualTo(42);
    assertThat(rules.get(3).effect()).isEqualTo(new FaultEffect.Latency(Duration.ofMillis(250)));
  }

  @Test
  void jsonRulesAsAListOrUnderRules() {
    String json = """
        [
          {"operation": "PutItem", "error": "ThrottlingException", "nth": 3},
          {"operation": "TransactWriteItems", "cancel": ["None", "ConditionalCheckFailed"]}
        ]
        """;
    List<FaultRule> rules = ScenarioFile.parse("faults.json", json);
    assertThat(rules).extracting(FaultRule::describe).containsExactly(
        "PutItem, call #3: error ThrottlingException",
        "TransactWriteItems: transaction cancelled [None, ConditionalCheckFailed]");
    assertThat(ScenarioFile.parse("x.json", "{\"rules\": " + json + "}")).hasSize(2);
  }

  @Test
  void mistakesNameFileLineAndField() {
    assertError("faults.yml", """
        rules:
          - operation: PutItem
            error: Throttled
        """, 3, "error", "unknown error \"Throttled\"");
    assertError("faults.yml", """
        rules:
          - operation: PutItem
            tabel: orders
            error: ThrottlingException
        """, 3, "tabel", "unknown field");
    assertError("faults.yml", """
        rules:
          - operation: PutItem
            nth: 2
            times: 5
            error: ThrottlingException
        """, 4, "times", "can never be reached");
    assertError("faults.yml", """
        rules:
          - operation: GetItem
            latency: soon
        """, 3, "latency", "expected a duration");
    assertError("faults.yml", """
        rules:
          - operation: GetItem
            error: ThrottlingException
            latency: 2s
        """, 4, "latency", "a rule has one effect");
    assertError("faults.yml", """
        rules:
          - operation: GetItem
        """, 2, "effect", "a rule needs one effect");
    assertError("faults.json", "{\"rules\": [{\"operation\": \"PutItem\",\n \"error\": }]}", 2, null, "malformed JSON");
    assertError("faults.json", "{\"rules\": [{\"operation\": \"PutItem\",\n \"operation\": \"GetItem\"}]}", 2,
        "operation", "appears twice");
    assertError("faults.yml", "rules:\n  - operation: PutItem\n\terror: x\n", 3, null, "tabs");
    assertError("faults.yml", "rules:\n  - operation: PutItem\n      error: x\n", 3, null, "unexpected indentation");
    assertError("faults.yml", "ruels: []\n", 1, "ruels", "unknown field");
  }

  private static void assertError(String file, String text, int line, String field, String message) {
    InvalidFaultException e = catchThrowableOfType(InvalidFaultException.class, () -> ScenarioFile.parse(file, text));
    assertThat(e).as(text).isNotNull();
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
    assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith(file + ", line " + line + ": ").contains(message);
  }

  @Test
  void aScenarioLoadsAllOrNothing() {
    Faults faults = new Faults(dev.dynamodouble.core.time.DynamoClock.system(), lag -> { });
    faults.add(FaultRule.on("PutItem").name("taken").error("ThrottlingException"));
    assertThatThrownBy(() -> faults.load("x.yml", """
        - operation: GetItem
          error: ThrottlingException
        - name: taken
          operation: GetItem
          error: ThrottlingException
        """)).hasMessageContaining("\"taken\" is already active");
    assertThat(faults.rules()).hasSize(1);
  }
}
