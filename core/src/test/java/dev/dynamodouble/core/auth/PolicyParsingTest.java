package dev.dynamodouble.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Policy documents and auth files: what is refused, with which message; condition semantics. */
class PolicyParsingTest {
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("{", "the policy is not valid JSON"),
        Arguments.of("[]", "the policy must be a JSON object"),
        Arguments.of("{\"Version\": \"2012-10-17\"}", "the policy has no Statement"),
        Arguments.of("{\"Statement\": [{\"Effect\": \"Maybe\", \"Action\": \"*\", \"Resource\": \"*\"}]}",
            "Statement[0]: Effect must be Allow or Deny, not Maybe"),
        Arguments.of("{\"Statement\": {\"Effect\": \"Allow\", \"Resource\": \"*\"}}",
            "Statement[0]: exactly one of Action and NotAction is required"),
        Arguments.of("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"GetItem\", \"Resource\": \"*\"}}",
            "Statement[0]: action 'GetItem' must be service:action, e.g. dynamodb:GetItem"),
        Arguments.of("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"table/x\"}}",
            "Statement[0]: resource 'table/x' must be an ARN or *"),
        Arguments.of("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\","
            + " \"Condition\": {\"BinaryEquals\": {\"k:x\": \"QQ==\"}}}}",
            "Statement[0]: unsupported condition operator BinaryEquals"),
        Arguments.of("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\","
            + " \"Condition\": {\"DateEquals\": {\"aws:CurrentTime\": \"x\"}}}}",
            "Statement[0]: DateEquals takes dates (ISO 8601, e.g. 2026-01-01T00:00:00Z, or epoch seconds), not x"),
        Arguments.of("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\","
            + " \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"localhost\"}}}}",
            "Statement[0]: IpAddress takes IP addresses or CIDR blocks, e.g. 203.0.113.0/24, not localhost"),
        Arguments.of("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\","
            + " \"Condition\": {\"StringEquals\": {\"aws:userid\": \"AIDA\"}}}}",
            "Statement[0]: condition key aws:userid is not supported"),
        Arguments.of("{\"Statement\": {\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"123456789012\"},"
            + " \"Action\": \"*\"}}", "Statement[0]: NotPrincipal must be used with \"Effect\": \"Deny\""),
        Arguments.of("{\"Statement\": {\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": \"1\"},"
            + " \"Principal\": \"*\", \"Action\": \"*\"}}",
            "Statement[0]: Principal and NotPrincipal cannot both be given"),
        Arguments.of("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Extra\": 1}}",
            "Statement[0]: unknown field Extra"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("malformed")
  void malformedPolicies(String json, String message) {
    assertThatThrownBy(() -> Policy.parse(json)).isInstanceOf(PolicyException.class).hasMessageStartingWith(message);
  }

  @Test
  void authFileErrorsNameTheFileAndTheProblem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("auth.json");
    Files.writeString(file, "{\"identities\": [{\"accessKeyId\": \"AKID\", \"principal\": \"arn:aws:iam::123456789012:user/a\"}]}");
    assertThatThrownBy(() -> AuthConfig.read(file)).isInstanceOf(PolicyException.class)
        .hasMessage(file + ": identities[0]: \"secretAccessKey\" must be a non-empty string");
    Files.writeString(file, "{\"identities\": [{\"accessKeyId\": \"AKID\", \"secretAccessKey\": \"s\","
        + " \"principal\": \"arn:aws:iam::123456789012:user/a\", \"policies\": [\"missing.json\"]}]}");
    assertThatThrownBy(() -> AuthConfig.read(file)).isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(file + ": identities[0]: " + dir.resolve("missing.json") + ": cannot read the policy file");
    Files.writeString(dir.resolve("p.json"), "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}");
    Files.writeString(file, "{\"identities\": [{\"accessKeyId\": \"AKID\", \"secretAccessKey\": \"s\","
        + " \"principal\": \"arn:aws:iam::123456789012:user/a\", \"policies\": [\"p.json\"]}]}");
    assertThatThrownBy(() -> AuthConfig.read(file)).isInstanceOf(PolicyException.class)
        .hasMessageContaining("an identity-based policy statement needs a Resource");
    Files.writeString(file, "{\"identities\": [{\"accessKeyId\": \"AKID\", \"secretAccessKey\": \"s\","
        + " \"principal\": \"bob\"}]}");
    assertThatThrownBy(() -> AuthConfig.read(file)).hasMessageContaining("principal 'bob' must be an IAM user, role");
  }

  @Test
  void authFileWithInlineAndFilePolicies(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("p.json"), "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"dynamodb:*\", \"Resource\": \"*\"}}");
    Path file = dir.resolve("auth.json");
    Files.writeString(file, "{\"identities\": [{\"accessKeyId\": \"AKID\", \"secretAccessKey\": \"s\","
        + " \"principal\": \"arn:aws:iam::123456789012:user/a\", \"tags\": {\"team\": \"x\"}, \"policies\": [\"p.json\","
        + " {\"Statement\": {\"Effect\": \"Deny\", \"Action\": \"dynamodb:Scan\", \"Resource\": \"*\"}}]}]}");
    AuthConfig config = AuthConfig.read(file);
    assertThat(config.identities()).singleElement().satisfies(i -> {
      assertThat(i.policies()).hasSize(2);
      assertThat(i.tags()).containsEntry("team", "x");
    });
    assertThat(config.account()).isEqualTo("123456789012");
  }

  static Stream<Arguments> conditions() {
    return Stream.of(
        Arguments.of("ForAllValues:StringEquals", List.of("a", "b"), List.of("a"), true),
        Arguments.of("ForAllValues:StringEquals", List.of("a"), List.of("a", "c"), false),
        Arguments.of("ForAllValues:StringEquals", List.of("a"), null, true),
        Arguments.of("ForAnyValue:StringEquals", List.of("a"), List.of("c", "a"), true),
        Arguments.of("ForAnyValue:StringEquals", List.of("a"), null, false),
        Arguments.of("StringEquals", List.of("a"), null, false),
        Arguments.of("StringEqualsIfExists", List.of("a"), null, true),
        Arguments.of("StringNotEquals", List.of("a"), null, true),
        Arguments.of("StringNotEquals", List.of("a"), List.of("a"), false),
        Arguments.of("StringLike", List.of("tenant-*"), List.of("tenant-7"), true),
        Arguments.of("StringLike", List.of("tenant-?"), List.of("tenant-77"), false),
        Arguments.of("StringEqualsIgnoreCase", List.of("ABC"), List.of("abc"), true),
        Arguments.of("Null", List.of("true"), null, true),
        Arguments.of("Null", List.of("false"), null, false),
        Arguments.of("Bool", List.of("true"), List.of("true"), true),
        Arguments.of("NumericLessThan", List.of("10"), List.of("9.5"), true),
        Arguments.of("NumericLessThan", List.of("10"), List.of("10"), false),
        Arguments.of("DateLessThan", List.of("2026-01-01T00:00:00Z"), List.of("2025-12-31T23:59:59Z"), true),
        Arguments.of("DateLessThan", List.of("2026-01-01"), List.of("2026-01-01T00:00:00Z"), false),
        Arguments.of("DateLessThanEquals", List.of("2026-01-01T01:00+01:00"), List.of("2026-01-01T00:00:00Z"), true),
        Arguments.of("DateEquals", List.of("1767225600"), List.of("2026-01-01T00:00:00Z"), true),
        Arguments.of("DateNotEquals", List.of("2026-01"), List.of("2026-01-01T00:00:00Z"), false),
        Arguments.of("DateGreaterThan", List.of("2026"), List.of("2026-01-01T00:00:01Z"), true),
        Arguments.of("DateGreaterThanEquals", List.of("2026-01-02"), List.of("1767225600"), false),
        Arguments.of("DateGreaterThanIfExists", List.of("2026-01-02"), null, true),
        Arguments.of("IpAddress", List.of("127.0.0.0/8"), List.of("127.0.0.1"), true),
        Arguments.of("IpAddress", List.of("203.0.113.7"), List.of("203.0.113.8"), false),
        Arguments.of("IpAddress", List.of("2001:db8::/32"), List.of("2001:db8:1::5"), true),
        Arguments.of("IpAddress", List.of("0.0.0.0/0"), List.of("::1"), false),
        Arguments.of("NotIpAddress", List.of("10.0.0.0/8"), List.of("127.0.0.1"), true),
        Arguments.of("NotIpAddress", List.of("10.0.0.0/8"), List.of("10.1.2.3"), false));
  }

  @ParameterizedTest(name = "{0} {1} on {2}: {3}")
  @MethodSource("conditions")
  void conditionOperators(String operator, List<String> policyValues, List<String> requestValues, boolean holds) {
    Condition condition = Condition.parse(operator, "k:key", policyValues, "test");
    Map<String, List<String>> keys = requestValues == null ? Map.of() : Map.of("k:key", requestValues);
    AccessRequest request = new AccessRequest(Identity.of("A", "s"), "dynamodb:GetItem", "arn:x", keys);
    assertThat(condition.holds(request)).isEqualTo(holds);
  }

  @Test
  void wildcards() {
    assertThat(Wildcard.matches("arn:aws:dynamodb:*:*:table/orders*", "arn:aws:dynamodb:us-east-1:1:table/orders/index/x", false)).isTrue();
    assertThat(Wildcard.matches("dynamodb:get*", "dynamodb:GetItem", true)).isTrue();
    assertThat(Wildcard.matches("dynamodb:Get?tem", "dynamodb:GetItem", false)).isTrue();
    assertThat(Wildcard.matches("a*b*c", "aXXbYYd", false)).isFalse();
  }
}
