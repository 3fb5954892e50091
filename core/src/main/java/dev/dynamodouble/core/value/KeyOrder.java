package dev.dynamodouble.core.value;

import java.util.Arrays;
import java.util.Comparator;

/**
 * DynamoDB's ordering of key values: strings by their UTF-8 bytes (which is code-point order, not
 * Java's UTF-16 order), numbers by value, binaries as unsigned bytes.
 */
public final class KeyOrder implements Comparator<AttributeValue> {
  public static final KeyOrder INSTANCE = new KeyOrder();

  private KeyOrder() {}

  @Override
  public int compare(AttributeValue a, AttributeValue b) {
    if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
      return compareUtf8(x.value(), y.value());
    }
    if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
      return DynamoNumber.compare(x, y);
    }
    if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
      return Arrays.compareUnsigned(x.bytes(), y.bytes());
    }
    if (a instanceof AttributeValue.L x && b instanceof AttributeValue.L y) {
      return compareTuples(x.value(), y.value());
    }
    // Keys of one attribute always share a type; order mixed types by type to stay total.
    return a.type().compareTo(b.type());
  }

  /**
   * A multi-attribute key's values, element by element; a prefix sorts before its extensions, and a
   * NULL element (a seek bound, never a key value) after every S, N or B value.
   */
  private int compareTuples(java.util.List<AttributeValue> a, java.util.List<AttributeValue> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Compares two strings as their UTF-8 encodings would compare, without encoding them. */
  public static int compareUtf8(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF: move them above U+E000..U+FFFF.
        return fixUp(x) - fixUp(y);
      }
    }
    return a.length() - b.length();
  }

  private static int fixUp(char c) {
    if (c >= 0xD800) {
      return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
    return c;
  }
}
