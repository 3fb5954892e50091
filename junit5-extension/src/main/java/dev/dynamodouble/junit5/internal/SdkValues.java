package dev.dynamodouble.junit5.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts the engine's attribute values to the SDK's, for reading tables without a request. */
public final class SdkValues {
  private SdkValues() {}

  public static Map<String, AttributeValue> item(Map<String, dev.dynamodouble.core.value.AttributeValue> item) {
    Map<String, AttributeValue> result = new LinkedHashMap<>();
    item.forEach((name, value) -> result.put(name, value(value)));
    return result;
  }

  public static AttributeValue value(dev.dynamodouble.core.value.AttributeValue value) {
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.S s) {
      return AttributeValue.fromS(s.value());
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.N n) {
      return AttributeValue.fromN(n.text());
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.B b) {
      return AttributeValue.fromB(SdkBytes.fromByteArray(b.bytes()));
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.Bool bool) {
      return AttributeValue.fromBool(bool.value());
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.Null) {
      return AttributeValue.fromNul(true);
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.M m) {
      return AttributeValue.fromM(item(m.value()));
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.L l) {
      List<AttributeValue> list = new ArrayList<>(l.value().size());
      l.value().forEach(v -> list.add(value(v)));
      return AttributeValue.fromL(list);
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.SS ss) {
      return AttributeValue.fromSs(new ArrayList<>(ss.value()));
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.NS ns) {
      List<String> numbers = new ArrayList<>(ns.value().size());
      ns.value().forEach(n -> numbers.add(n.text()));
      return AttributeValue.fromNs(numbers);
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.BS bs) {
      List<SdkBytes> binaries = new ArrayList<>(bs.value().size());
      bs.value().forEach(b -> binaries.add(SdkBytes.fromByteArray(b.bytes())));
      return AttributeValue.fromBs(binaries);
    }
    throw new IllegalArgumentException("unknown attribute value " + value);
  }
}
