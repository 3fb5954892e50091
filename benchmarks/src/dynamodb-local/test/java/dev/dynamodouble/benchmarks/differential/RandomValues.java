package dev.dynamodouble.benchmarks.differential;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Random attribute values and items: all ten types, maps and lists nested up to depth 3,
 * numbers of varied magnitude, precision and spelling ({@code 1.50}, {@code 1E+2}, 38 digits,
 * {@code 1E-130}), strings with non-ASCII characters and surrogate pairs, empty strings and
 * binaries (non-key attributes only). Every choice comes from the {@link Random} given, so a
 * seed reproduces the same values.
 */
final class RandomValues {

  /** Keys of nested maps; short so that generated paths often hit. */
  static final List<String> MAP_KEYS = List.of("a", "b", "c", "x", "y");

  /**
   * Code points strings are made of: ASCII, Latin-1, CJK, a character above U+E000 that sorts
   * after surrogate pairs in UTF-16 but before them in UTF-8, and two supplementary characters.
   */
  private static final String[] CHARS = {
    "a", "b", "c", "A", "Z", "0", "9", " ", "-", "_", ".", "\u00e9", "\u00df", "\u65e5",
    "\u672c", "\uff5e", "\ud83d\ude00", "\ud834\udd1e"
  };

  private static final String[] STRINGS = {
    "", "a", "ab", "abc", "b", "B", "a b", "\u00e9t\u00e9", "\u65e5\u672c", "\ud83d\ude00",
    "a\ud83d\ude00", "\uff5e", "zz", "0", "10", "9"
  };

  private static final String[] NUMBERS = {
    "0", "-0", "0.0", "1", "-1", "2", "3", "5", "10", "100", "-7", "1.5", "1.50", "0100",
    "1E+2", "1e2", "15e-1", "-2.25", "0.001", "3.14159", "12345678901234567890123456789012345678",
    "-12345678901234567890123456789012345678", "1E-130", "-1E-130", "9.9999999999999999999999999999999999999E+125",
    "0.000000000000000000000000000000000000123", "99999999999999999999", "1.0000000000000000000000000000000000001"
  };

  private final Random random;

  RandomValues(Random random) {
    this.random = random;
  }

  Random random() {
    return random;
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  int between(int lowInclusive, int highInclusive) {
    return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  @SafeVarargs
  final <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  String string() {
    if (chance(0.6)) {
      return pick(STRINGS);
    }
    int length = between(1, 6);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(pick(CHARS));
    }
    return text.toString();
  }

  /** A non-empty string (key attributes, set elements). */
  String nonEmptyString() {
    String text = string();
    return text.isEmpty() ? "k" : text;
  }

  String number() {
    switch (random.nextInt(4)) {
      case 0:
        return pick(NUMBERS);
      case 1:
        return String.valueOf(between(-20, 20));
      case 2:
        return BigDecimal.valueOf(random.nextInt(200_000) - 100_000, between(0, 5)).toPlainString();
      default:
        return pick("1", "2", "3", "4", "5", "0", "-1", "10");
    }
  }

  SdkBytes binary() {
    byte[] bytes = new byte[between(0, 4)];
    random.nextBytes(bytes);
    if (bytes.length > 0 && chance(0.3)) {
      bytes[0] = (byte) (int) pick(0, 1, 0x7f, 0x80, 0xff);
    }
    return SdkBytes.fromByteArray(bytes);
  }

  SdkBytes nonEmptyBinary() {
    SdkBytes bytes = binary();
    return bytes.asByteArray().length == 0 ? SdkBytes.fromByteArray(new byte[] {1}) : bytes;
  }

  /** One of the ten types: S, N, B, BOOL, NULL, M, L, SS, NS, BS. */
  AttributeValue value(int depth) {
    int kinds = depth >= 3 ? 8 : 10;
    switch (random.nextInt(kinds)) {
      case 0:
        return AttributeValue.fromS(string());
      case 1:
        return AttributeValue.fromN(number());
      case 2:
        return AttributeValue.fromB(binary());
      case 3:
        return AttributeValue.fromBool(random.nextBoolean());
      case 4:
        return AttributeValue.fromNul(true);
      case 5:
        return stringSet();
      case 6:
        return numberSet();
      case 7:
        return binarySet();
      case 8:
        return map(depth + 1);
      default:
        return list(depth + 1);
    }
  }

  AttributeValue scalar() {
    switch (random.nextInt(6)) {
      case 0:
      case 1:
        return AttributeValue.fromS(string());
      case 2:
      case 3:
        return AttributeValue.fromN(number());
      case 4:
        return AttributeValue.fromB(binary());
      default:
        return random.nextBoolean() ? AttributeValue.fromBool(random.nextBoolean())
            : AttributeValue.fromNul(true);
    }
  }

  AttributeValue map(int depth) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    int size = between(0, 3);
    for (int i = 0; i < size; i++) {
      map.put(pick(MAP_KEYS), value(depth));
    }
    return AttributeValue.fromM(map);
  }

  AttributeValue list(int depth) {
    List<AttributeValue> list = new ArrayList<>();
    int size = between(0, 4);
    for (int i = 0; i < size; i++) {
      list.add(value(depth));
    }
    return AttributeValue.fromL(list);
  }

  AttributeValue stringSet() {
    List<String> elements = new ArrayList<>();
    int size = between(1, 4);
    for (int i = 0; i < size; i++) {
      String element = nonEmptyString();
      if (!elements.contains(element)) {
        elements.add(element);
      }
    }
    return AttributeValue.fromSs(elements);
  }

  AttributeValue numberSet() {
    List<String> elements = new ArrayList<>();
    List<BigDecimal> seen = new ArrayList<>();
    int size = between(1, 4);
    for (int i = 0; i < size; i++) {
      String element = number();
      BigDecimal value = new BigDecimal(element);
      if (seen.stream().noneMatch(other -> other.compareTo(value) == 0)) {
        seen.add(value);
        elements.add(element);
      }
    }
    return AttributeValue.fromNs(elements);
  }

  AttributeValue binarySet() {
    List<SdkBytes> elements = new ArrayList<>();
    int size = between(1, 3);
    for (int i = 0; i < size; i++) {
      SdkBytes element = nonEmptyBinary();
      if (elements.stream().noneMatch(other -> Arrays.equals(other.asByteArray(), element.asByteArray()))) {
        elements.add(element);
      }
    }
    return AttributeValue.fromBs(elements);
  }

  /** A value of the given type (M and L nested from {@code depth}). */
  AttributeValue ofType(AttributeValue.Type type, int depth) {
    switch (type) {
      case S:
        return AttributeValue.fromS(string());
      case N:
        return AttributeValue.fromN(number());
      case B:
        return AttributeValue.fromB(binary());
      case BOOL:
        return AttributeValue.fromBool(random.nextBoolean());
      case NUL:
        return AttributeValue.fromNul(true);
      case SS:
        return stringSet();
      case NS:
        return numberSet();
      case BS:
        return binarySet();
      case M:
        return map(depth);
      case L:
        return list(depth);
      default:
        throw new IllegalArgumentException(type.toString());
    }
  }
}
