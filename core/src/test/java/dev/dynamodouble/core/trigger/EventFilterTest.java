package dev.dynamodouble.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.stream.StreamRecord;
import dev.dynamodouble.core.stream.StreamViewType;
import dev.dynamodouble.core.ttl.UserIdentity;
import dev.dynamodouble.core.value.AttributeValue;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lambda's event-filter patterns against stream records. */
class EventFilterTest {
  private static StreamRecord record(String eventName, String status, String quantity, UserIdentity identity) {
    Map<String, AttributeValue> image = Map.of("pk", new AttributeValue.S("o-1"), "status", new AttributeValue.S(status),
        "quantity", new AttributeValue.N(quantity));
    return new StreamRecord("id", eventName, "us-east-1", "arn", Instant.EPOCH, Map.of("pk", new AttributeValue.S("o-1")),
        image, null, "000000000000000000001", 10, StreamViewType.NEW_IMAGE, identity);
  }

  private static boolean matches(String pattern, StreamRecord record) {
    return EventFilter.parse(pattern).matches(record);
  }

  @Test
  void exactValuesPrefixSuffixAndIgnoreCase() {
    StreamRecord shipped = record("INSERT", "SHIPPED", "3", null);
    assertThat(matches("{\"eventName\": [\"INSERT\", \"MODIFY\"]}", shipped)).isTrue();
    assertThat(matches("{\"eventName\": [\"REMOVE\"]}", shipped)).isFalse();
    assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [{\"prefix\": \"SHIP\"}]}}}}", shipped))
        .isTrue();
    assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [{\"suffix\": \"PED\"}]}}}}", shipped))
        .isTrue();
    assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [{\"equals-ignore-case\": \"shipped\"}]}}}}",
        shipped)).isTrue();
  }

  @Test
  void numericRangesExistsAndAnythingBut() {
    StreamRecord three = record("MODIFY", "NEW", "3", null);
    assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"quantity\": {\"N\": [{\"numeric\": [\">\", 0, \"<=\", 3]}]}}}}",
        three)).isTrue();
    assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"quantity\": {\"N\": [{\"numeric\": [\">\", 3]}]}}}}", three))
        .isFalse();
    assertThat(matches("{\"dynamodb\": {\"OldImage\": [{\"exists\": false}]}}", three)).isTrue();
    assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"status\": [{\"exists\": true}]}}}", three)).isTrue();
    assertThat(matches("{\"eventName\": [{\"anything-but\": [\"REMOVE\", \"INSERT\"]}]}", three)).isTrue();
    assertThat(matches("{\"eventName\": [{\"anything-but\": \"MODIFY\"}]}", three)).isFalse();
  }

  @Test
  void ttlDeletionsCanBeSelectedByTheirIdentity() {
    StreamRecord expired = record("REMOVE", "NEW", "1", UserIdentity.DYNAMODB_SERVICE);
    assertThat(matches("{\"userIdentity\": {\"type\": [\"Service\"], \"principalId\": [\"dynamodb.amazonaws.com\"]}}",
        expired)).isTrue();
    assertThat(matches("{\"userIdentity\": {\"type\": [\"Service\"]}}", record("REMOVE", "NEW", "1", null))).isFalse();
  }

  @Test
  void malformedPatternsAreRefused() {
    assertThatThrownBy(() -> EventFilter.parse("{")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventFilter.parse("{\"eventName\": \"INSERT\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array of matchers");
    assertThatThrownBy(() -> EventFilter.parse("{}")).isInstanceOf(IllegalArgumentException.class);
  }
}
