package dev.dynamodouble.benchmarks.differential;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether one document is another with parts left out: every map entry it has is in the other
 * (recursively), its list elements appear in the other list in the same order, and its
 * scalars and sets are equal (numbers by value).
 */
final class SubDocument {

  private SubDocument() {}

  static boolean sameValue(AttributeValue a, AttributeValue b) {
    return Canon.numbersByValue(Canon.value(a)).equals(Canon.numbersByValue(Canon.value(b)));
  }

  static boolean within(AttributeValue part, AttributeValue whole) {
    if (part == null || whole == null || part.type() != whole.type()) {
      return false;
    }
    switch (part.type()) {
      case M: {
        for (Map.Entry<String, AttributeValue> entry : part.m().entrySet()) {
          if (!within(entry.getValue(), whole.m().get(entry.getKey()))) {
            return false;
          }
        }
        return true;
      }
      case L: {
        List<AttributeValue> elements = whole.l();
        int at = 0;
        for (AttributeValue element : part.l()) {
          while (at < elements.size() && !within(element, elements.get(at))) {
            at++;
          }
          if (at == elements.size()) {
            return false;
          }
          at++;
        }
        return true;
      }
      default:
        return sameValue(part, whole);
    }
  }
}
