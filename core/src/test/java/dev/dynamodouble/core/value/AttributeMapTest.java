package dev.dynamodouble.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AttributeMap's equality: by content, whatever the order or the other map's class. */
class AttributeMapTest {
  private static Map<String, AttributeValue> ordered(String... pairs) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], new AttributeValue.S(pairs[i + 1]));
    }
    return map;
  }

  @Test
  void equalsByContentInAnyOrder() {
    AttributeMap a = AttributeMap.copyOf(ordered("pk", "1", "v", "x", "w", "y"));
    AttributeMap sameOrder = AttributeMap.copyOf(ordered("pk", "1", "v", "x", "w", "y"));
    AttributeMap otherOrder = AttributeMap.copyOf(ordered("w", "y", "pk", "1", "v", "x"));
    assertThat(a).isEqualTo(sameOrder).isEqualTo(otherOrder).hasSameHashCodeAs(otherOrder);
    assertThat(a).isEqualTo(ordered("v", "x", "pk", "1", "w", "y"));
    assertThat(a).isNotEqualTo(AttributeMap.copyOf(ordered("pk", "1", "v", "z", "w", "y")));
    assertThat(a).isNotEqualTo(AttributeMap.copyOf(ordered("pk", "1", "v", "x", "u", "y")));
    assertThat(a).isNotEqualTo(AttributeMap.copyOf(ordered("pk", "1", "v", "x")));
  }

  @Test
  void largeMapsUseTheirIndex() {
    String[] forward = new String[40];
    String[] backward = new String[40];
    for (int i = 0; i < 20; i++) {
      forward[2 * i] = "a" + i;
      forward[2 * i + 1] = "v" + i;
      backward[38 - 2 * i] = "a" + i;
      backward[39 - 2 * i] = "v" + i;
    }
    assertThat(AttributeMap.copyOf(ordered(forward))).isEqualTo(AttributeMap.copyOf(ordered(backward)));
    backward[1] = "changed";
    assertThat(AttributeMap.copyOf(ordered(forward))).isNotEqualTo(AttributeMap.copyOf(ordered(backward)));
  }

  @Test
  void compactFormExpandsToAnEqualMap() {
    AttributeMap small = AttributeMap.copyOf(ordered("pk", "1", "v", "x"));
    assertThat(small.compact()).isInstanceOf(Object[].class);
    assertThat(AttributeMap.expand(small.compact())).isEqualTo(small).containsEntry("v", AttributeValue.string("x"));
    String[] pairs = new String[40];
    for (int i = 0; i < 20; i++) {
      pairs[2 * i] = "a" + i;
      pairs[2 * i + 1] = "v" + i;
    }
    AttributeMap large = AttributeMap.copyOf(ordered(pairs));
    assertThat(AttributeMap.expand(large.compact())).isSameAs(large);
  }
}
