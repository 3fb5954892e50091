package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The binary form of attribute values and items: a type tag, then the value. */
final class ValueCodec {
  private static final int S = 0;
  private static final int N = 1;
  private static final int B = 2;
  private static final int BOOL = 3;
  private static final int NULL = 4;
  private static final int M = 5;
  private static final int L = 6;
  private static final int SS = 7;
  private static final int NS = 8;
  private static final int BS = 9;

  private ValueCodec() {}

  static void writeItem(ByteSink out, Map<String, AttributeValue> item) {
    out.writeInt(item.size());
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      out.writeString(e.getKey());
      write(out, e.getValue());
    }
  }

  static StoredItem readItem(ByteSource in) {
    return StoredItem.of(readMap(in));
  }

  static void write(ByteSink out, AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      out.writeByte(S);
      out.writeString(s.value());
    } else if (value instanceof AttributeValue.N n) {
      out.writeByte(N);
      out.writeString(n.text());
    } else if (value instanceof AttributeValue.B b) {
      out.writeByte(B);
      out.writeBytes(b.bytes());
    } else if (value instanceof AttributeValue.Bool b) {
      out.writeByte(BOOL);
      out.writeBoolean(b.value());
    } else if (value instanceof AttributeValue.Null) {
      out.writeByte(NULL);
    } else if (value instanceof AttributeValue.M m) {
      out.writeByte(M);
      writeItem(out, m.value());
    } else if (value instanceof AttributeValue.L l) {
      out.writeByte(L);
      out.writeInt(l.value().size());
      for (AttributeValue element : l.value()) {
        write(out, element);
      }
    } else if (value instanceof AttributeValue.SS ss) {
      out.writeByte(SS);
      out.writeInt(ss.value().size());
      ss.value().forEach(out::writeString);
    } else if (value instanceof AttributeValue.NS ns) {
      out.writeByte(NS);
      out.writeInt(ns.value().size());
      ns.value().forEach(n -> out.writeString(n.text()));
    } else {
      AttributeValue.BS bs = (AttributeValue.BS) value;
      out.writeByte(BS);
      out.writeInt(bs.value().size());
      bs.value().forEach(b -> out.writeBytes(b.bytes()));
    }
  }

  static AttributeValue read(ByteSource in) {
    int tag = in.readByte();
    return switch (tag) {
      case S -> new AttributeValue.S(in.readString());
      case N -> number(in.readString());
      case B -> new AttributeValue.B(in.readBytes());
      case BOOL -> AttributeValue.bool(in.readBoolean());
      case NULL -> AttributeValue.nul();
      case M -> new AttributeValue.M(Collections.unmodifiableMap(readMap(in)));
      case L -> {
        int size = count(in);
        List<AttributeValue> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          list.add(read(in));
        }
        yield new AttributeValue.L(Collections.unmodifiableList(list));
      }
      case SS -> {
        int size = count(in);
        List<String> set = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          set.add(in.readString());
        }
        yield new AttributeValue.SS(set);
      }
      case NS -> {
        int size = count(in);
        List<AttributeValue.N> set = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          set.add(number(in.readString()));
        }
        yield new AttributeValue.NS(set);
      }
      case BS -> {
        int size = count(in);
        List<AttributeValue.B> set = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          set.add(new AttributeValue.B(in.readBytes()));
        }
        yield new AttributeValue.BS(set);
      }
      default -> throw new CorruptDataException("unknown value type " + tag);
    };
  }

  private static Map<String, AttributeValue> readMap(ByteSource in) {
    int size = count(in);
    Map<String, AttributeValue> map = new LinkedHashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      map.put(in.readString(), read(in));
    }
    return map;
  }

  /** The number was normalised when it was first written: no need to parse it again. */
  private static AttributeValue.N number(String text) {
    return new AttributeValue.N(text);
  }

  private static int count(ByteSource in) {
    int n = in.readInt();
    if (n < 0) {
      throw new CorruptDataException("negative count " + n);
    }
    return n;
  }
}
