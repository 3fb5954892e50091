package dev.dynamodouble.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamodouble.core.auth.AuthConfig;
import dev.dynamodouble.core.auth.Identity;
import dev.dynamodouble.core.fault.FaultHandle;
import dev.dynamodouble.core.fault.FaultRule;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.server.TlsSettings;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The README's code fragments that no other test runs, run as written (the elided table creation
 * filled in) and checked for what the README says they show.
 */
class ReadmeExamplesTest {
  private static final Map<String, AttributeValue> O1 = Map.of("pk", AttributeValue.fromS("o-1"));

  /** "Time: TTL, backups and point-in-time recovery": the TTL test. */
  @Test
  void theTtlExampleDeletesTheExpiredSessionInsideAdvance() {
    ManualClock clock = DynamoClock.manual(Instant.parse("2024-01-01T00:00:00Z"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "sessions", "pk", null);
      client.updateTimeToLive(r -> r.tableName("sessions")
          .timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt")));
      long inOneHour = clock.now().plus(Duration.ofHours(1)).getEpochSecond();
      client.putItem(r -> r.tableName("sessions").item(Map.of("pk", AttributeValue.fromS("s-1"),
          "expiresAt", AttributeValue.fromN(Long.toString(inOneHour)))));
      clock.advance(Duration.ofHours(2));   // the sweep after its expiry ran inside advance()
      assertThat(client.getItem(r -> r.tableName("sessions").key(Map.of("pk", AttributeValue.fromS("s-1")))).hasItem()).isFalse();
    }
  }

  /** The point-in-time recovery test: the restored table has the write before the bad one. */
  @Test
  void thePitrExampleRestoresTheSecondBeforeTheBadWrite() {
    ManualClock clock = DynamoClock.manual(Instant.parse("2024-01-01T00:00:00Z"));
    try (DynamoDouble dynamo = DynamoDouble.builder().clock(clock).start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);

      client.updateContinuousBackups(r -> r.tableName("orders")
          .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
      client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-1"), "status", AttributeValue.fromS("PAID"))));
      clock.advance(Duration.ofMinutes(1));
      Instant beforeTheBadWrite = clock.now().minusSeconds(1);
      client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-1"), "status", AttributeValue.fromS("VOID"))));  // the bad write
      clock.advance(Duration.ofMinutes(10));  // LatestRestorableDateTime is now minus 5 minutes
      assertThat(client.describeContinuousBackups(r -> r.tableName("orders")).continuousBackupsDescription()
          .pointInTimeRecoveryDescription().latestRestorableDateTime())
          .isEqualTo(clock.now().minus(Duration.ofMinutes(5)));
      TableStatus answered = client.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("orders-fixed")
          .restoreDateTime(beforeTheBadWrite)).tableDescription().tableStatus();

      // orders-fixed has PAID (the restore answers CREATING; with the default status delay of 0 it is
      // ACTIVE from the next call); orders keeps VOID
      assertThat(answered).isEqualTo(TableStatus.CREATING);
      assertThat(client.describeTable(r -> r.tableName("orders-fixed")).table().tableStatus())
          .isEqualTo(TableStatus.ACTIVE);
      assertThat(client.getItem(r -> r.tableName("orders-fixed").key(O1)).item().get("status").s()).isEqualTo("PAID");
      assertThat(client.getItem(r -> r.tableName("orders").key(O1)).item().get("status").s()).isEqualTo("VOID");
    }
  }

  /** "Security": the builder with two identities, a LeadingKeys policy on a principal tag, and TLS. */
  @Test
  void theSecurityBuilderKeepsATenantToItsPartitionOverHttps() {
    DynamoDouble dynamo = DynamoDouble.builder()
        .auth(AuthConfig.of(
            Identity.of("AKIDADMIN", "admin-secret", "arn:aws:iam::123456789012:root"),   // may do everything
            Identity.of("AKIDTENANTA", "secret-a", "arn:aws:iam::123456789012:role/tenant")
                .withTag("tenant", "tenant-a")
                .withPolicy("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
                      "Resource": "arn:aws:dynamodb:*:*:table/orders",
                      "Condition": {"ForAllValues:StringEquals":
                                    {"dynamodb:LeadingKeys": ["${aws:PrincipalTag/tenant}"]}}}]}""")))
        .tls(TlsSettings.selfSigned())            // optional: HTTPS, certificate written to a temp folder
        .start();
    try (dynamo; DynamoDbClient admin = https(dynamo, "AKIDADMIN", "admin-secret");
         DynamoDbClient tenant = https(dynamo, "AKIDTENANTA", "secret-a")) {
      assertThat(dynamo.endpoint().getScheme()).isEqualTo("https");
      assertThat(dynamo.tls().certificateFile()).exists();
      SdkTestSupport.createTable(admin, "orders", "pk", null);
      tenant.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("tenant-a"))));
      assertThatThrownBy(() -> tenant.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("tenant-b")))))
          .isInstanceOfSatisfying(DynamoDbException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
    }
  }

  private static DynamoDbClient https(DynamoDouble dynamo, String key, String secret) {
    return DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .httpClient(UrlConnectionHttpClient.builder().tlsTrustManagersProvider(() -> dynamo.tls().trustManagers()).build())
        .build();
  }

  /** "Faults and consistency": the Java API without JUnit. */
  @Test
  void aRuleAddedThroughTheJavaApiFiresOnEveryThirdCallUntilClosed() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      FaultHandle h = dynamo.faults().add(FaultRule.on("GetItem").table("orders")
          .every(3).error("ThrottlingException"));

      for (int call = 1; call <= 6; call++) {
        if (call % 3 == 0) {
          assertThatThrownBy(() -> client.getItem(r -> r.tableName("orders").key(O1)))
              .isInstanceOfSatisfying(DynamoDbException.class,
                  e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException"));
        } else {
          client.getItem(r -> r.tableName("orders").key(O1));
        }
      }
      assertThat(h.matched()).isEqualTo(6);
      assertThat(h.hits()).isEqualTo(2);

      h.close();
      assertThat(dynamo.faults().rules()).isEmpty();
      for (int call = 1; call <= 3; call++) {
        client.getItem(r -> r.tableName("orders").key(O1));
      }
    }
  }

  /** {@code dynamo.faults().load(Path.of("faults.yml"))} loads the README's scenario file. */
  @Test
  void theReadmeScenarioFileLoadsFromAPath(@TempDir Path dir) throws Exception {
    Path scenario = Files.writeString(dir.resolve("faults.yml"), """
        rules:
          - name: flaky-read
            operation: GetItem
            table: orders
            error: InternalServerError
            nth: 1
          - name: slow-writes
            operation: PutItem
            latency: 50ms
        """);
    try (DynamoDouble dynamo = DynamoDouble.builder().start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "orders", "pk", null);
      assertThat(dynamo.faults().load(scenario)).extracting(FaultHandle::name)
          .containsExactly("flaky-read", "slow-writes");

      client.putItem(r -> r.tableName("orders").item(O1));
      assertThatThrownBy(() -> client.getItem(r -> r.tableName("orders").key(O1)))
          .isInstanceOf(InternalServerErrorException.class);
      assertThat(client.getItem(r -> r.tableName("orders").key(O1)).hasItem()).isTrue();
      assertThat(dynamo.faults().rule("flaky-read").orElseThrow().hits()).isEqualTo(1);
      assertThat(dynamo.faults().rule("slow-writes").orElseThrow().hits()).isEqualTo(1);
    }
  }

  /** The control API's fault calls as the README's curl lines make them; a status and the JSON answer. */
  private static String curl(DynamoDouble dynamo, String method, String path, String body) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            dynamo.endpoint().resolve("/_dynamodouble/faults" + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static JsonNode rules(String answer) throws Exception {
    return new ObjectMapper().readTree(answer.substring(answer.indexOf(' ') + 1)).get("rules");
  }

  @Test
  void theFaultsControlApiAnswersTheReadmesCurlLines() throws Exception {
    try (DynamoDouble dynamo = DynamoDouble.builder().start()) {
      // add rules: a scenario in JSON, all or none; a mistake is a 400 naming line and field
      assertThat(curl(dynamo, "POST", "", "[{\"name\":\"slow\",\"operation\":\"Query\",\"latency\":\"2s\"}]"))
          .startsWith("201 ");
      String bad = curl(dynamo, "POST", "", "rules:\n  - name: fine\n    operation: GetItem\n    error: ThrottlingException\n"
          + "  - name: broken\n    operation: GetItem\n    error: Slow\n");
      assertThat(bad).startsWith("400 ");
      assertThat(new ObjectMapper().readTree(bad.substring(4)).get("error").asText())
          .startsWith("request body, line 7: field \"error\": unknown error \"Slow\"");
      assertThat(rules(curl(dynamo, "GET", "", null))).extracting(r -> r.get("name").asText()).containsExactly("slow");

      // list one rule; the rules that never fired
      assertThat(curl(dynamo, "GET", "/slow", null)).startsWith("200 ").contains("\"hits\":0");
      assertThat(rules(curl(dynamo, "GET", "/unfired", null))).extracting(r -> r.get("name").asText())
          .containsExactly("slow");

      // remove one rule; remove all, by DELETE or by POST .../reset
      assertThat(curl(dynamo, "DELETE", "/slow", null)).startsWith("200 ");
      assertThat(rules(curl(dynamo, "GET", "", null))).isEmpty();
      curl(dynamo, "POST", "", "[{\"name\":\"a\",\"operation\":\"Query\",\"latency\":\"2s\"}]");
      assertThat(rules(curl(dynamo, "DELETE", "", null))).isEmpty();
      curl(dynamo, "POST", "", "[{\"name\":\"b\",\"operation\":\"Query\",\"latency\":\"2s\"}]");
      assertThat(curl(dynamo, "POST", "/reset", null)).startsWith("200 ");
      assertThat(dynamo.faults().rules()).isEmpty();
    }
  }
}
