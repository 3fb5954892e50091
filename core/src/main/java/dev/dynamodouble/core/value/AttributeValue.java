package dev.dynamodouble.core.value;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable DynamoDB attribute value: one of the ten types of the wire format.
 *
 * <p>Build numbers with {@link #number(String)} (it validates and normalises) and everything
 * else with the record constructors or the static helpers. Collections handed to the records are
 * treated as immutable; the helpers copy them.
 */
public sealed interface AttributeValue
    permits AttributeValue.S, AttributeValue.N, AttributeValue.B, AttributeValue.Bool,
        AttributeValue.Null, AttributeValue.M, AttributeValue.L, AttributeValue.SS,
        AttributeValue.NS, AttributeValue.BS {

  AttributeType type();

  static S string(String value) {
    return new S(value);
  }

  /** Parses, validates (38 digits, magnitude) and normalises a DynamoDB number. */
  static N number(String text) {
    return DynamoNumber.parse(text);
  }

  static N number(long value) {
    return DynamoNumber.parse(Long.toString(value));
  }

  static B binary(byte[] value) {
    return new B(value.clone());
  }

  static Bool bool(boolean value) {
    return value ? Bool.TRUE : Bool.FALSE;
  }

  static Null nul() {
    return Null.INSTANCE;
  }

  static M map(Map<String, AttributeValue> value) {
    return new M(Collections.unmodifiableMap(new LinkedHashMap<>(value)));
  }

  static L list(List<AttributeValue> value) {
    return new L(List.copyOf(value));
  }

  /** A string value. */
  record S(String value) implements AttributeValue {
    public AttributeType type() {
      return AttributeType.S;
    }

    // Written out: the record's generated equals goes through method handles that showed in
    // profiles of key comparisons (duplicate-key sets, tree searches). Same results.
    @Override
    public boolean equals(Object o) {
      return o instanceof S s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }
  }

  /**
   * A number, held as DynamoDB's normalised text only: its {@link #decimal()} is parsed from the
   * text when asked for. A stored item keeps only what it answers with (a BigDecimal beside the
   * text would cost another 40 bytes per number, more than the text itself), and reading a
   * number's value is rare beside returning its text.
   */
  final class N implements AttributeValue {
    private final String text;

    /** A number of already-normalised text (see {@link #number(String)} to parse and validate). */
    public N(String text) {
      this.text = java.util.Objects.requireNonNull(text, "text");
    }

    public AttributeType type() {
      return AttributeType.N;
    }

    /** The normalised text, as DynamoDB answers with it. */
    public String text() {
      return text;
    }

    /** The value, without trailing zeros (zero is {@link java.math.BigDecimal#ZERO}). */
    public java.math.BigDecimal decimal() {
      return DynamoNumber.decimalOf(text);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof N n && n.text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }

    @Override
    public String toString() {
      return "N[" + text + "]";
    }
  }

  /** A binary value; equality is by content. */
  record B(byte[] bytes) implements AttributeValue {
    public AttributeType type() {
      return AttributeType.B;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof B b && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "B[" + Base64.getEncoder().encodeToString(bytes) + "]";
    }
  }

  /** A boolean. */
  record Bool(boolean value) implements AttributeValue {
    static final Bool TRUE = new Bool(true);
    static final Bool FALSE = new Bool(false);

    public AttributeType type() {
      return AttributeType.BOOL;
    }
  }

  /** The NULL value (always true on the wire). */
  record Null() implements AttributeValue {
    static final Null INSTANCE = new Null();

    public AttributeType type() {
      return AttributeType.NULL;
    }
  }

  /** A map of named values. */
  record M(Map<String, AttributeValue> value) implements AttributeValue {
    public AttributeType type() {
      return AttributeType.M;
    }
  }

  /** A list of values. */
  record L(List<AttributeValue> value) implements AttributeValue {
    public AttributeType type() {
      return AttributeType.L;
    }
  }

  /** A string set: non-empty, no duplicates; equality ignores order. */
  record SS(Set<String> value) implements AttributeValue {
    public SS(java.util.Collection<String> values) {
      this(Collections.unmodifiableSet(new LinkedHashSet<>(values)));
    }

    public AttributeType type() {
      return AttributeType.SS;
    }
  }

  /** A number set of normalised numbers: non-empty, no duplicates; equality ignores order. */
  record NS(Set<N> value) implements AttributeValue {
    public NS(java.util.Collection<N> values) {
      this(Collections.unmodifiableSet(new LinkedHashSet<>(values)));
    }

    public AttributeType type() {
      return AttributeType.NS;
    }
  }

  /** A binary set: non-empty, no duplicates; equality ignores order. */
  record BS(Set<B> value) implements AttributeValue {
    public BS(java.util.Collection<B> values) {
      this(Collections.unmodifiableSet(new LinkedHashSet<>(values)));
    }

    public AttributeType type() {
      return AttributeType.BS;
    }
  }
}
