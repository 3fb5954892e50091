package dev.dynamodouble.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Condition values are read when the policy loads (a bad one is refused there, as before), except a
 * date with a policy variable, read per request; the time keys are made only when read.
 */
class ConditionOperandsTest {
  private static final Identity ALICE = Identity.of("A", "s", "arn:aws:iam::123456789012:user/alice");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.750Z");

  private static AccessRequest request(Instant now) {
    return new AccessRequest(ALICE, "dynamodb:GetItem", "arn:x", Map.of(),
        AccessRequest.context(ALICE, "us-east-1", false, now, "127.0.0.1"));
  }

  @Test
  void theTimeKeysAreMadeWhenReadOnly() {
    AccessRequest.GlobalKeys global = AccessRequest.context(ALICE, "us-east-1", false, NOW, null);
    assertThat(global.keys()).doesNotContainKeys("aws:currenttime", "aws:epochtime");
    assertThat(request(NOW).values("aws:currenttime")).containsExactly("2026-03-01T12:00:00Z");
    assertThat(request(NOW).values("aws:epochtime")).containsExactly(Long.toString(NOW.getEpochSecond()));
    assertThat(request(NOW).substitute("at ${aws:CurrentTime}")).isEqualTo("at 2026-03-01T12:00:00Z");
    assertThat(request(null).values("aws:currenttime")).isNull(); // no clock: no time keys
    assertThat(Condition.parse("Null", "aws:CurrentTime", List.of("false"), "test").holds(request(NOW))).isTrue();
    assertThat(Condition.parse("Null", "aws:EpochTime", List.of("true"), "test").holds(request(null))).isTrue();
  }

  @Test
  void aDateWithAPolicyVariableIsReadPerRequest() {
    Condition sameSecond = Condition.parse("DateEquals", "aws:CurrentTime", List.of("${aws:EpochTime}"), "test");
    assertThat(sameSecond.holds(request(NOW))).isTrue();
    assertThat(sameSecond.holds(request(null))).isFalse(); // no time: the key is absent
    Condition notADate = Condition.parse("DateLessThan", "aws:CurrentTime", List.of("${aws:username}"), "test");
    assertThat(notADate.holds(request(NOW))).isFalse(); // "alice" is no date: matches nothing
    assertThat(Condition.parse("DateNotEquals", "aws:CurrentTime", List.of("${aws:username}"), "test")
        .holds(request(NOW))).isTrue();
  }

  @Test
  void literalValuesAreCheckedWhenThePolicyLoads() {
    assertThatThrownBy(() -> Condition.parse("IpAddress", "aws:SourceIp", List.of("10.0.0.0/8", "${aws:SourceIp}"), "S"))
        .isInstanceOf(PolicyException.class)
        .hasMessage("S: IpAddress takes IP addresses or CIDR blocks, e.g. 203.0.113.0/24, not ${aws:SourceIp}");
    assertThatThrownBy(() -> Condition.parse("NotIpAddress", "aws:SourceIp", List.of("10.0.0.0/33"), "S"))
        .hasMessage("S: NotIpAddress takes IP addresses or CIDR blocks, e.g. 203.0.113.0/24, not 10.0.0.0/33");
    assertThatThrownBy(() -> Condition.parse("DateLessThanIfExists", "aws:CurrentTime", List.of("2026-13-01"), "S"))
        .hasMessage("S: DateLessThan takes dates (ISO 8601, e.g. 2026-01-01T00:00:00Z, or epoch seconds), not 2026-13-01");
    assertThatThrownBy(() -> Condition.parse("NumericLessThan", "aws:EpochTime", List.of("1", "${x}"), "S"))
        .hasMessage("S: '${x}' is not a number");
    assertThatThrownBy(() -> Condition.parse("Bool", "aws:SecureTransport", List.of("yes"), "S"))
        .hasMessage("S: Bool takes true or false, not yes");
    // A value is checked before the key, as before.
    assertThatThrownBy(() -> Condition.parse("IpAddress", "aws:userid", List.of("x"), "S"))
        .hasMessageContaining("IpAddress takes IP addresses");
  }

  @Test
  void parsedValuesCompareAsTheirText() {
    AccessRequest at = request(NOW); // aws:SourceIp 127.0.0.1
    assertThat(Condition.parse("IpAddress", "aws:SourceIp", List.of("10.0.0.0/8", "127.0.0.0/31"), "t").holds(at)).isTrue();
    assertThat(Condition.parse("NotIpAddress", "aws:SourceIp", List.of("::/0", "10.0.0.0/8"), "t").holds(at)).isTrue();
    assertThat(Condition.parse("DateGreaterThan", "aws:CurrentTime", List.of("2026-03-01T11:59:59Z"), "t").holds(at))
        .isTrue();
    assertThat(Condition.parse("DateLessThanEquals", "aws:EpochTime", List.of("2026-03-01T12:00:00Z"), "t").holds(at))
        .isTrue();
    assertThat(Condition.parse("NumericGreaterThanEquals", "aws:EpochTime",
        List.of(Long.toString(NOW.getEpochSecond() + 1)), "t").holds(at)).isFalse();
  }
}
