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
      return x.decimal().compareTo(y.decimal());
    }
    if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
      return Arrays.compareUnsigned(x.bytes(), y.bytes());
    }
    // Keys of one attribute always share a type; order mixed types by type to stay total.
    return a.type().compareTo(b.type());
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
