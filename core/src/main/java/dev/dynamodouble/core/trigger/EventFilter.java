package dev.dynamodouble.core.trigger;

import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.stream.StreamRecord;
import dev.dynamodouble.core.value.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of a mapping's FilterCriteria patterns, in Lambda's event-filtering syntax: an object whose
 * fields name parts of the record ({@code eventName}, {@code dynamodb.NewImage.status.S} ...) and
 * whose leaves are arrays of matchers: a value (exact), {@code {"prefix": ...}},
 * {@code {"suffix": ...}}, {@code {"equals-ignore-case": ...}}, {@code {"numeric": [">", 0, "<=", 5]}},
 * {@code {"exists": true|false}} and {@code {"anything-but": value or [values]}}. A record matches
 * when every field of the pattern matches; a leaf matches when any of its matchers does.
 *
 * <p>DynamoDB values appear as in the stream record's JSON ({@code {"N": "5"}}); a numeric matcher
 * compares a number or a numeric string.
 */
public final class EventFilter {
  private final JsonObject pattern;

  private EventFilter(JsonObject pattern) {
    this.pattern = pattern;
  }

  /** Parses a pattern, or IllegalArgumentException naming what is wrong. */
  public static EventFilter parse(String json) {
    Object tree;
    try {
      tree = Json.parse(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Invalid filter pattern definition: " + json, e);
    }
    if (!(tree instanceof JsonObject object) || object.isEmpty()) {
      throw new IllegalArgumentException("Invalid filter pattern definition: a pattern is a non-empty JSON object: "
          + json);
    }
    check(object);
    return new EventFilter(object);
  }

  public boolean matches(StreamRecord record) {
    return matchesObject(pattern, view(record));
  }

  private static void check(JsonObject object) {
    for (int i = 0; i < object.size(); i++) {
      Object value = object.value(i);
      if (value instanceof JsonObject nested) {
        check(nested);
      } else if (!(value instanceof JsonArray)) {
        throw new IllegalArgumentException("Invalid filter pattern definition: the value of \"" + object.name(i)
            + "\" must be an object or an array of matchers");
      }
    }
  }

  private static boolean matchesObject(JsonObject pattern, Map<String, Object> event) {
    for (int i = 0; i < pattern.size(); i++) {
      Object present = event == null ? null : event.get(pattern.name(i));
      Object rule = pattern.value(i);
      if (rule instanceof JsonObject nested) {
        if (!(present instanceof Map<?, ?>) || !matchesObject(nested, cast(present))) {
          return false;
        }
      } else if (!matchesLeaf((JsonArray) rule, present)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesLeaf(JsonArray matchers, Object value) {
    for (Object matcher : matchers) {
      if (matcher instanceof JsonObject operator ? matchesOperator(operator, value) : matchesValue(matcher, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesValue(Object expected, Object value) {
    if (value instanceof List<?> list) { // a set or list matches when any element does
      return list.stream().anyMatch(element -> matchesValue(expected, element));
    }
    if (expected == Json.NULL) {
      return value == Json.NULL;
    }
    if (expected instanceof Number number) {
      BigDecimal actual = number(value);
      return actual != null && actual.compareTo(new BigDecimal(number.toString())) == 0;
    }
    return expected.equals(value);
  }

  private static boolean matchesOperator(JsonObject operator, Object value) {
    String name = operator.name(0);
    Object argument = operator.value(0);
    switch (name) {
      case "exists":
        return Boolean.TRUE.equals(argument) == (value != null);
      case "prefix":
        return value instanceof String s && s.startsWith(String.valueOf(argument));
      case "suffix":
        return value instanceof String s && s.endsWith(String.valueOf(argument));
      case "equals-ignore-case":
        return value instanceof String s && s.equalsIgnoreCase(String.valueOf(argument));
      case "anything-but":
        if (value == null) {
          return false;
        }
        if (argument instanceof JsonArray excluded) {
          return excluded.stream().noneMatch(e -> matchesValue(e, value));
        }
        if (argument instanceof JsonObject nested) {
          return !matchesOperator(nested, value);
        }
        return !matchesValue(argument, value);
      case "numeric":
        return matchesNumeric((JsonArray) argument, number(value));
      default:
        throw new IllegalArgumentException("Invalid filter pattern definition: unknown operator \"" + name + "\"");
    }
  }

  private static boolean matchesNumeric(JsonArray comparisons, BigDecimal value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i + 1 < comparisons.size(); i += 2) {
      int order = value.compareTo(new BigDecimal(comparisons.get(i + 1).toString()));
      boolean holds = switch (String.valueOf(comparisons.get(i))) {
        case "=" -> order == 0;
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        case ">" -> order > 0;
        case ">=" -> order >= 0;
        default -> throw new IllegalArgumentException("Invalid filter pattern definition: numeric operator "
            + comparisons.get(i));
      };
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object map) {
    return (Map<String, Object>) map;
  }

  /** The record as the JSON tree a filter sees (Lambda's event record). */
  static Map<String, Object> view(StreamRecord record) {
    Map<String, Object> dynamodb = new LinkedHashMap<>();
    dynamodb.put("ApproximateCreationDateTime", record.approximateCreationDateTime().getEpochSecond());
    dynamodb.put("Keys", item(record.keys()));
    if (record.newImage() != null) {
      dynamodb.put("NewImage", item(record.newImage()));
    }
    if (record.oldImage() != null) {
      dynamodb.put("OldImage", item(record.oldImage()));
    }
    dynamodb.put("SequenceNumber", record.sequenceNumber());
    dynamodb.put("SizeBytes", record.sizeBytes());
    dynamodb.put("StreamViewType", record.viewType().name());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventID", record.eventId());
    event.put("eventName", record.eventName());
    event.put("eventVersion", StreamRecord.EVENT_VERSION);
    event.put("eventSource", StreamRecord.EVENT_SOURCE);
    event.put("awsRegion", record.awsRegion());
    event.put("eventSourceARN", record.eventSourceArn());
    event.put("dynamodb", dynamodb);
    if (record.userIdentity() != null) {
      event.put("userIdentity", Map.of("type", record.userIdentity().type(),
          "principalId", record.userIdentity().principalId()));
    }
    return event;
  }

  private static Map<String, Object> item(Map<String, AttributeValue> item) {
    Map<String, Object> out = new LinkedHashMap<>();
    item.forEach((name, value) -> out.put(name, typed(value)));
    return out;
  }

  private static Map<String, Object> typed(AttributeValue value) {
    Object inner;
    if (value instanceof AttributeValue.S s) {
      inner = s.value();
    } else if (value instanceof AttributeValue.N n) {
      inner = n.text();
    } else if (value instanceof AttributeValue.B b) {
      inner = Base64.getEncoder().encodeToString(b.bytes());
    } else if (value instanceof AttributeValue.Bool b) {
      inner = b.value();
    } else if (value instanceof AttributeValue.Null) {
      inner = Boolean.TRUE;
    } else if (value instanceof AttributeValue.M m) {
      inner = item(m.value());
    } else if (value instanceof AttributeValue.L l) {
      List<Object> elements = new ArrayList<>();
      l.value().forEach(element -> elements.add(typed(element)));
      inner = elements;
    } else if (value instanceof AttributeValue.SS ss) {
      inner = new ArrayList<Object>(ss.value());
    } else if (value instanceof AttributeValue.NS ns) {
      List<Object> numbers = new ArrayList<>();
      ns.value().forEach(n -> numbers.add(n.text()));
      inner = numbers;
    } else {
      List<Object> bytes = new ArrayList<>();
      ((AttributeValue.BS) value).value().forEach(b -> bytes.add(Base64.getEncoder().encodeToString(b.bytes())));
      inner = bytes;
    }
    return Map.of(value.type().name(), inner);
  }
}
