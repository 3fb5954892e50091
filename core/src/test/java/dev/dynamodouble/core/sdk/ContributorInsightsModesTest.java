package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.fault.FaultRule;
import dev.dynamodouble.core.insights.ContributorInsights;
import dev.dynamodouble.core.insights.ContributorInsights.KeyCount;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse;

/**
 * The two Contributor Insights modes through the SDK: the rules each creates, a mode changed by a
 * second ENABLE (in place, as DynamoDB does it), what DISABLE answers, and the settings an engine
 * snapshot puts back.
 */
class ContributorInsightsModesTest {
  private static final String CREATED = "-" + Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();

  private final ManualClock clock = DynamoClock.manual(Instant.parse("2026-03-01T10:00:00Z"));
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  /** Table "events" (pk, sk) with the hash-only GSI "byG". */
  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().clock(clock).start();
    client = SdkTestSupport.client(dynamo);
    client.createTable(r -> r.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
            attr("g", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("g"))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private UpdateContributorInsightsResponse update(String index, ContributorInsightsAction action, String mode) {
    return client.updateContributorInsights(r -> r.tableName("events").indexName(index).contributorInsightsAction(action)
        .contributorInsightsMode(mode));
  }

  private DescribeContributorInsightsResponse describe(String index) {
    return client.describeContributorInsights(r -> r.tableName("events").indexName(index));
  }

  private ContributorInsights insights() {
    return dynamo.engine().contributorInsights();
  }

  private Table events() {
    return dynamo.engine().region("us-east-1").find("events");
  }

  /** A throttled GetItem of key (pk, "1"), by an injected throttle. */
  private void throttledGet(String pk) {
    dynamo.faults().add(FaultRule.on("GetItem").times(1).error("ThrottlingException"));
    SdkTestSupport.assertError(() -> client.getItem(r -> r.tableName("events").key(item("pk", pk, "sk", "1"))),
        "ThrottlingException", null);
  }

  @Test
  void eachModeListsTheRulesOfItsGraphs() {
    update(null, ContributorInsightsAction.ENABLE, null);
    update("byG", ContributorInsightsAction.ENABLE, "THROTTLED_KEYS");

    DescribeContributorInsightsResponse table = describe(null);
    assertThat(table.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);
    assertThat(table.contributorInsightsRuleList()).containsExactly(
        "DynamoDBContributorInsights-PKC-events" + CREATED, "DynamoDBContributorInsights-PKT-events" + CREATED,
        "DynamoDBContributorInsights-SKC-events" + CREATED, "DynamoDBContributorInsights-SKT-events" + CREATED);
    DescribeContributorInsightsResponse index = describe("byG");
    assertThat(index.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.THROTTLED_KEYS);
    assertThat(index.contributorInsightsRuleList()).containsExactly(
        "DynamoDBContributorInsights-PKT-events-byG" + CREATED); // no sort key: no SKT
  }

  @Test
  void aSecondEnableChangesTheModeInPlace() {
    update(null, ContributorInsightsAction.ENABLE, null);
    client.putItem(r -> r.tableName("events").item(item("pk", "a", "sk", "1")));
    throttledGet("a");
    clock.advance(Duration.ofMinutes(5));

    UpdateContributorInsightsResponse narrowed = update(null, ContributorInsightsAction.ENABLE, "THROTTLED_KEYS");
    assertThat(narrowed.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLING);
    assertThat(narrowed.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.THROTTLED_KEYS);
    DescribeContributorInsightsResponse described = describe(null);
    assertThat(described.contributorInsightsRuleList()).containsExactly( // the rules kept keep their creation time
        "DynamoDBContributorInsights-PKT-events" + CREATED, "DynamoDBContributorInsights-SKT-events" + CREATED);
    assertThat(described.lastUpdateDateTime()).isEqualTo(clock.now());
    assertThat(insights().topKeys(events(), null, false, 10)).isEmpty(); // the accessed graphs are gone
    assertThat(insights().topThrottledKeys(events(), null, false, 10)).containsExactly(new KeyCount("a", 1));
    client.putItem(r -> r.tableName("events").item(item("pk", "b", "sk", "1")));
    assertThat(insights().topKeys(events(), null, false, 10)).isEmpty();

    // The same mode again changes nothing and answers the settled status.
    clock.advance(Duration.ofMinutes(5));
    UpdateContributorInsightsResponse same = update(null, ContributorInsightsAction.ENABLE, "THROTTLED_KEYS");
    assertThat(same.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
    assertThat(describe(null).lastUpdateDateTime()).isEqualTo(described.lastUpdateDateTime());

    // An ENABLE without a mode is the default mode: accesses are counted again.
    UpdateContributorInsightsResponse widened = update(null, ContributorInsightsAction.ENABLE, null);
    assertThat(widened.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLING);
    assertThat(describe(null).contributorInsightsMode()).isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);
    assertThat(describe(null).contributorInsightsRuleList()).hasSize(4).allMatch(rule -> rule.endsWith(CREATED));
    client.putItem(r -> r.tableName("events").item(item("pk", "b", "sk", "1")));
    assertThat(insights().topKeys(events(), null, false, 10)).containsExactly(new KeyCount("b", 1));
    assertThat(insights().topThrottledKeys(events(), null, false, 10)).containsExactly(new KeyCount("a", 1));
  }

  @Test
  void disableEchoesTheModeSetAndIsANoOpWhenNothingIsEnabled() {
    UpdateContributorInsightsResponse never = update(null, ContributorInsightsAction.DISABLE, null);
    assertThat(never.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    assertThat(describe(null).lastUpdateDateTime()).isNull(); // still never configured
    assertThat(client.listContributorInsights(r -> { }).contributorInsightsSummaries()).isEmpty();

    update(null, ContributorInsightsAction.ENABLE, "THROTTLED_KEYS");
    throttledGet("a");
    UpdateContributorInsightsResponse disabled = update(null, ContributorInsightsAction.DISABLE,
        "ACCESSED_AND_THROTTLED_KEYS");
    assertThat(disabled.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLING);
    assertThat(disabled.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.THROTTLED_KEYS);
    assertThat(describe(null).contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    assertThat(describe(null).contributorInsightsRuleList()).isEmpty();
    assertThat(insights().topThrottledKeys(events(), null, false, 10)).isEmpty();
    assertThat(client.listContributorInsights(r -> { }).contributorInsightsSummaries()).isEmpty(); // DISABLED is not listed

    assertThat(update(null, ContributorInsightsAction.DISABLE, null).contributorInsightsStatus())
        .isEqualTo(ContributorInsightsStatus.DISABLED);
  }

  @Test
  void aSnapshotPutsBackTheSettingsAndCountingStartsAgain() {
    update(null, ContributorInsightsAction.ENABLE, "THROTTLED_KEYS");
    EngineSnapshot snapshot = dynamo.engine().snapshot();
    throttledGet("a");
    update("byG", ContributorInsightsAction.ENABLE, null);
    assertThat(insights().topThrottledKeys(events(), null, false, 10)).containsExactly(new KeyCount("a", 1));

    dynamo.engine().restore(snapshot);

    assertThat(insights().topThrottledKeys(events(), null, false, 10)).isEmpty();
    assertThat(describe(null).contributorInsightsMode()).isEqualTo(ContributorInsightsMode.THROTTLED_KEYS);
    assertThat(describe("byG").contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
    assertThat(client.listContributorInsights(r -> { }).contributorInsightsSummaries())
        .extracting(s -> s.tableName() + "/" + s.indexName()).containsExactly("events/null");
    throttledGet("b");
    assertThat(insights().topThrottledKeys(events(), null, true, 10)).containsExactly(new KeyCount("b,1", 1));
    assertThat(describe(null).contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
  }
}
