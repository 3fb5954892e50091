package dev.dynamodouble.core.auth;

import static dev.dynamodouble.core.auth.IamPolicySdkTest.policy;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.server.TlsSettings;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.auth.scheme.DynamoDbAuthSchemeProvider;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * NotPrincipal in resource policies, the date operators on aws:CurrentTime / aws:EpochTime (the
 * engine clock), IpAddress / NotIpAddress on aws:SourceIp and aws:SecureTransport, through the SDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyConditionsSdkTest {
  static final String ACCOUNT = "123456789012";
  static final String TABLE = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/guarded";
  static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
  static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
  static final String BOB = "arn:aws:iam::" + ACCOUNT + ":user/bob";
  static final String CAROL = "arn:aws:iam::" + ACCOUNT + ":user/carol";
  /** A whole second, so that aws:CurrentTime (whole seconds) and the policy's dates compare exactly. */
  static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static final String ALL = """
      {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}""";

  private final ManualClock clock = DynamoClock.manual(START);
  private DynamoDouble dynamo;

  @BeforeAll
  void start() {
    String hour = START.plus(Duration.ofHours(1)).toString();
    dynamo = DynamoDouble.builder().clock(clock).auth(AuthConfig.of(
        Identity.of("AKIDADMIN", "admin-secret", ROOT),
        Identity.of("AKIDALICE", "alice-secret", ALICE).withPolicy(policy(ALL)),
        Identity.of("AKIDBOB", "bob-secret", BOB).withPolicy(policy(ALL)),
        Identity.of("AKIDCAROL", "carol-secret", CAROL).withPolicy(policy(ALL)),
        Identity.of("AKIDTIMED", "timed-secret", "arn:aws:iam::" + ACCOUNT + ":role/timed").withPolicy(policy("""
            {"Effect": "Allow", "Action": "dynamodb:ListTables", "Resource": "*",
             "Condition": {"DateLessThan": {"aws:CurrentTime": "%s"}}}""".formatted(hour), """
            {"Effect": "Allow", "Action": "dynamodb:Query", "Resource": "*",
             "Condition": {"DateGreaterThanEquals": {"aws:CurrentTime": "%s"}}}""".formatted(hour), """
            {"Effect": "Allow", "Action": "dynamodb:Scan", "Resource": "*",
             "Condition": {"NumericLessThan": {"aws:EpochTime": "%d"}}}"""
                .formatted(START.plus(Duration.ofHours(1)).getEpochSecond()))),
        Identity.of("AKIDSTAMP", "stamp-secret", "arn:aws:iam::" + ACCOUNT + ":role/stamp").withPolicy(policy("""
            {"Effect": "Allow", "Action": "dynamodb:ListTables", "Resource": "*",
             "Condition": {"DateEquals": {"aws:CurrentTime": "${aws:EpochTime}"}}}""", """
            {"Effect": "Allow", "Action": "dynamodb:Scan", "Resource": "*",
             "Condition": {"DateLessThan": {"aws:EpochTime": "${aws:CurrentTime}"}}}""", """
            {"Effect": "Allow", "Action": "dynamodb:DescribeTable", "Resource": "*",
             "Condition": {"Null": {"aws:CurrentTime": "false"}, "DateGreaterThan": {"aws:CurrentTime": "0"}}}""", """
            {"Effect": "Allow", "Action": "dynamodb:Query", "Resource": "*",
             "Condition": {"NotIpAddress": {"aws:SourceIp": ["::/0", "10.0.0.0/8"]}}}""")),
        Identity.of("AKIDLOCAL", "local-secret", "arn:aws:iam::" + ACCOUNT + ":role/local").withPolicy(policy("""
            {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*",
             "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "127.0.0.1/32"]}}}""", """
            {"Effect": "Allow", "Action": "dynamodb:Scan", "Resource": "*",
             "Condition": {"IpAddress": {"aws:SourceIp": "192.168.0.0/16"}}}""", """
            {"Effect": "Allow", "Action": "dynamodb:Query", "Resource": "*",
             "Condition": {"NotIpAddress": {"aws:SourceIp": "127.0.0.0/8"}}}""", """
            {"Effect": "Allow", "Action": "dynamodb:ListTables", "Resource": "*",
             "Condition": {"Bool": {"aws:SecureTransport": "true"}}}""")))).start();
    try (DynamoDbClient admin = client("AKIDADMIN", "admin-secret")) {
      admin.createTable(r -> r.tableName("guarded").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(hash("pk")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
          .resourcePolicy(policy("""
              {"Effect": "Deny", "NotPrincipal": {"AWS": ["%s", "%s"]}, "Action": "dynamodb:GetItem", "Resource": "%s"}"""
              .formatted(ACCOUNT, ALICE, TABLE), """
              {"Effect": "Deny", "NotPrincipal": {"AWS": "%s"}, "Action": "dynamodb:PutItem", "Resource": "%s"}"""
              .formatted(CAROL, TABLE))));
    }
  }

  @AfterAll
  void stop() {
    dynamo.close();
  }

  /** A client that signs on the engine clock, so that moving it never expires its signatures. */
  private DynamoDbClient client(String key, String secret) {
    Clock signing = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return clock.now();
      }
    };
    DynamoDbAuthSchemeProvider defaults = DynamoDbAuthSchemeProvider.defaultProvider();
    return DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .authSchemeProvider(params -> defaults.resolveAuthScheme(params).stream()
            .map(o -> o.toBuilder().putSignerProperty(AwsV4HttpSigner.SIGNING_CLOCK, signing).build()).toList())
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }

  private static final Consumer<DynamoDbClient> GET = c -> c.getItem(r -> r.tableName("guarded").key(item("pk", "1")));
  private static final Consumer<DynamoDbClient> PUT = c -> c.putItem(r -> r.tableName("guarded").item(item("pk", "1")));
  private static final Consumer<DynamoDbClient> SCAN = c -> c.scan(r -> r.tableName("guarded"));
  private static final Consumer<DynamoDbClient> QUERY = c -> c.query(r -> r.tableName("guarded")
      .keyConditionExpression("pk = :p").expressionAttributeValues(java.util.Map.of(":p", item("pk", "1").get("pk"))));

  private static String denied(String who, String action, String why) {
    return "User: " + who + " is not authorized to perform: dynamodb:" + action + " on resource: " + TABLE + " " + why;
  }

  static Stream<Arguments> notPrincipal() {
    String resourceDeny = "with an explicit deny in a resource-based policy";
    return Stream.of(
        // GetItem is denied to all but the account (its root) and alice, both listed with the account.
        Arguments.of("root exempt: its account is listed", "AKIDADMIN", GET, null),
        Arguments.of("alice exempt: she and her account are listed", "AKIDALICE", GET, null),
        Arguments.of("bob denied", "AKIDBOB", GET, denied(BOB, "GetItem", resourceDeny)),
        // PutItem is denied to all but carol, listed without her account: as in IAM, that exempts no one.
        Arguments.of("carol listed without her account: denied", "AKIDCAROL", PUT, denied(CAROL, "PutItem", resourceDeny)),
        Arguments.of("the root, not listed: denied", "AKIDADMIN", PUT, denied(ROOT, "PutItem", resourceDeny)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notPrincipal")
  void notPrincipalDeniesEveryoneItDoesNotExempt(String name, String key, Consumer<DynamoDbClient> call, String denied) {
    check(key, call, denied);
  }

  private void check(String key, Consumer<DynamoDbClient> call, String denied) {
    try (DynamoDbClient client = client(key, key.substring(4).toLowerCase() + "-secret")) {
      if (denied == null) {
        call.accept(client);
      } else {
        assertError(() -> call.accept(client), "AccessDeniedException", denied.isEmpty() ? null : denied);
      }
    }
  }

  @Test
  void dateConditionsReadTheEngineClock() {
    String timed = "arn:aws:iam::" + ACCOUNT + ":role/timed";
    String none = "because no identity-based policy allows the dynamodb:%s action";
    Consumer<DynamoDbClient> list = DynamoDbClient::listTables;
    check("AKIDTIMED", list, null);
    check("AKIDTIMED", QUERY, denied(timed, "Query", none.formatted("Query")));
    check("AKIDTIMED", SCAN, null);
    clock.advance(Duration.ofHours(1)); // now exactly the policies' date: DateLessThan fails, ...Equals holds
    check("AKIDTIMED", QUERY, null);
    check("AKIDTIMED", SCAN, denied(timed, "Scan", none.formatted("Scan")));
    try (DynamoDbClient client = client("AKIDTIMED", "timed-secret")) {
      assertError(client::listTables, "AccessDeniedException", null);
    }
  }

  @Test
  void theTimeKeysAndParsedValuesWhateverTheClockSays() {
    String stamp = "arn:aws:iam::" + ACCOUNT + ":role/stamp";
    // aws:CurrentTime and aws:EpochTime name the same second, as a key or as a policy variable.
    check("AKIDSTAMP", DynamoDbClient::listTables, null);
    check("AKIDSTAMP", SCAN, denied(stamp, "Scan", "because no identity-based policy allows the dynamodb:Scan action"));
    check("AKIDSTAMP", c -> c.describeTable(r -> r.tableName("guarded")), null); // epoch seconds as a date
    check("AKIDSTAMP", QUERY, null); // 127.0.0.1 is in neither block, an IPv6 one or 10.0.0.0/8
  }

  static Stream<Arguments> sourceAddresses() {
    String local = "arn:aws:iam::" + ACCOUNT + ":role/local";
    String none = "because no identity-based policy allows the dynamodb:%s action";
    return Stream.of(
        Arguments.of("Scan: 192.168.0.0/16 does not hold 127.0.0.1", SCAN, denied(local, "Scan", none.formatted("Scan"))),
        Arguments.of("Query: NotIpAddress 127.0.0.0/8 fails on loopback", QUERY,
            denied(local, "Query", none.formatted("Query"))),
        Arguments.of("ListTables: aws:SecureTransport is false over HTTP", (Consumer<DynamoDbClient>) DynamoDbClient::listTables,
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sourceAddresses")
  void sourceAddressAndTransport(String name, Consumer<DynamoDbClient> call, String denied) {
    check("AKIDLOCAL", call, denied);
  }

  @Test
  void theLoopbackAddressIsTheSourceIp() {
    // GetItem: allowed by 127.0.0.1/32, then the table's NotPrincipal deny (local is not exempt) answers.
    check("AKIDLOCAL", GET, denied("arn:aws:iam::" + ACCOUNT + ":role/local", "GetItem",
        "with an explicit deny in a resource-based policy"));
  }

  @Test
  void secureTransportIsTrueOverTls() {
    try (DynamoDouble tls = DynamoDouble.builder().tls(TlsSettings.selfSigned()).auth(AuthConfig.of(
            Identity.of("AKIDADMIN", "admin-secret", ROOT),
            Identity.of("AKIDSAFE", "safe-secret", "arn:aws:iam::" + ACCOUNT + ":role/safe").withPolicy(policy("""
                {"Effect": "Allow", "Action": "dynamodb:ListTables", "Resource": "*",
                 "Condition": {"Bool": {"aws:SecureTransport": "true"}}}""")))).start();
         DynamoDbClient safe = AuthClients.client(tls, "AKIDSAFE", "safe-secret")) {
      assertThat(safe.listTables().tableNames()).isEmpty();
    }
  }
}
