package dev.dynamodouble.core.value;

import java.util.Map;

/** Item and attribute sizes by DynamoDB's published formula, and the 400 KB item limit. */
public final class ItemSize {
  public static final int MAX_ITEM_BYTES = 400 * 1024;

  private ItemSize() {}

  /** The size of an item: the sum of its attribute names and values. */
  public static long of(Map<String, AttributeValue> item) {
    long total = 0;
    if (item instanceof AttributeMap) {
      AttributeMap compact = (AttributeMap) item;
      for (int i = 0; i < compact.size(); i++) {
        total += utf8Length(compact.name(i)) + of(compact.value(i));
      }
      return total;
    }
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      total += utf8Length(e.getKey()) + of(e.getValue());
    }
    return total;
  }

  /** The size of one value, without its name. */
  public static long of(AttributeValue value) {
    switch (value.type()) {
      case S:
        return utf8Length(((AttributeValue.S) value).value());
      case N:
        return numberSize((AttributeValue.N) value);
      case B:
        return ((AttributeValue.B) value).bytes().length;
      case BOOL:
      case NULL:
        return 1;
      case M: {
        long size = 3;
        for (Map.Entry<String, AttributeValue> e : ((AttributeValue.M) value).value().entrySet()) {
          size += 1 + utf8Length(e.getKey()) + of(e.getValue());
        }
        return size;
      }
      case L: {
        long size = 3;
        for (AttributeValue element : ((AttributeValue.L) value).value()) {
          size += 1 + of(element);
        }
        return size;
      }
      case SS: {
        long size = 0;
        for (String s : ((AttributeValue.SS) value).value()) {
          size += utf8Length(s);
        }
        return size;
      }
      case NS: {
        long size = 0;
        for (AttributeValue.N n : ((AttributeValue.NS) value).value()) {
          size += numberSize(n);
        }
        return size;
      }
      case BS: {
        long size = 0;
        for (AttributeValue.B b : ((AttributeValue.BS) value).value()) {
          size += b.bytes().length;
        }
        return size;
      }
      default:
        throw new IllegalStateException("unknown type " + value.type());
    }
  }

  /** One byte per two significant digits, plus one. */
  static long numberSize(AttributeValue.N n) {
    int digits = DynamoNumber.significantDigits(n.text());
    return (digits + 1) / 2 + 1;
  }

  /** The UTF-8 length of a string, computed without allocating. */
  public static int utf8Length(String s) {
    int length = s.length();
    int bytes = length;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2; // four bytes for the pair of two chars
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }
}
