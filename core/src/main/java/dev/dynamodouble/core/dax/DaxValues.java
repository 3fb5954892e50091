package dev.dynamodouble.core.dax;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;

/**
 * Attribute values between DAX's CBOR form and DynamoDB JSON: strings are text, binaries byte
 * strings, numbers CBOR integers, bignums or decimal fractions, lists arrays, maps maps, booleans
 * and null CBOR's simple values, and the three sets tagged arrays (tags 3321, 3322, 3323).
 */
final class DaxValues {
  static final int TAG_STRING_SET = 3321;
  static final int TAG_NUMBER_SET = 3322;
  static final int TAG_BINARY_SET = 3323;
  static final int TAG_DOCUMENT_PATH_ORDINAL = 3324;

  private DaxValues() {}

  /** Reads one CBOR attribute value and writes it as a DynamoDB JSON attribute value. */
  static void copy(CborReader in, JsonGenerator json) throws IOException {
    json.writeStartObject();
    switch (in.peekMajor()) {
      case CborReader.TEXT -> json.writeStringField("S", in.readText());
      case CborReader.BYTES -> json.writeStringField("B", Base64.getEncoder().encodeToString(in.readBytes()));
      case CborReader.UNSIGNED, CborReader.NEGATIVE -> json.writeStringField("N", in.readBigInteger().toString());
      case CborReader.ARRAY -> {
        json.writeArrayFieldStart("L");
        int size = in.readArrayHeader();
        for (int i = 0; size < 0 ? !in.peekBreak() : i < size; i++) {
          copy(in, json);
        }
        if (size < 0) {
          in.readBreak();
        }
        json.writeEndArray();
      }
      case CborReader.MAP -> {
        json.writeObjectFieldStart("M");
        int size = in.readMapHeader();
        for (int i = 0; size < 0 ? !in.peekBreak() : i < size; i++) {
          json.writeFieldName(in.readText());
          copy(in, json);
        }
        if (size < 0) {
          in.readBreak();
        }
        json.writeEndObject();
      }
      case CborReader.SIMPLE -> {
        int head = in.peek();
        in.skip();
        if (head == CborReader.NULL) {
          json.writeBooleanField("NULL", true);
        } else if (head == 0xf4 || head == 0xf5) {
          json.writeBooleanField("BOOL", head == 0xf5);
        } else {
          throw new CborReader.Malformed("not an attribute value: simple value " + head);
        }
      }
      case CborReader.TAG -> copyTagged(in, json);
      default -> throw new CborReader.Malformed("not an attribute value");
    }
    json.writeEndObject();
  }

  private static void copyTagged(CborReader in, JsonGenerator json) throws IOException {
    int mark = in.position();
    long tag = in.readTag();
    switch ((int) tag) {
      case 2, 3 -> {
        in.rewindTo(mark);
        json.writeStringField("N", in.readBigInteger().toString());
      }
      case 4 -> json.writeStringField("N", readDecimalFraction(in).toString());
      case TAG_STRING_SET, TAG_NUMBER_SET, TAG_BINARY_SET -> {
        json.writeArrayFieldStart(tag == TAG_STRING_SET ? "SS" : tag == TAG_NUMBER_SET ? "NS" : "BS");
        int size = in.readArrayHeader();
        for (int i = 0; size < 0 ? !in.peekBreak() : i < size; i++) {
          if (tag == TAG_STRING_SET) {
            json.writeString(in.readText());
          } else if (tag == TAG_NUMBER_SET) {
            json.writeString(readNumber(in).toString());
          } else {
            json.writeString(Base64.getEncoder().encodeToString(in.readBytes()));
          }
        }
        if (size < 0) {
          in.readBreak();
        }
        json.writeEndArray();
      }
      default -> throw new CborReader.Malformed("not an attribute value: tag " + tag);
    }
  }

  /** A number: an integer, a bignum or a decimal fraction. */
  static BigDecimal readNumber(CborReader in) {
    if (in.peekMajor() != CborReader.TAG) {
      return new BigDecimal(in.readBigInteger());
    }
    int mark = in.position();
    long tag = in.readTag();
    if (tag == 4) {
      return readDecimalFraction(in);
    }
    in.rewindTo(mark);
    return new BigDecimal(in.readBigInteger());
  }

  private static BigDecimal readDecimalFraction(CborReader in) {
    int size = in.readArrayHeader();
    if (size != 2) {
      throw new CborReader.Malformed("a decimal fraction has two elements");
    }
    long exponent = in.readLong();
    return new BigDecimal(in.readBigInteger(), Math.toIntExact(-exponent));
  }

  /** Writes a DynamoDB JSON attribute value ({"S": ...} and so on) as CBOR. */
  static void write(Object value, CborWriter out) {
    JsonObject typed = (JsonObject) value;
    String type = typed.name(0);
    Object content = typed.value(0);
    switch (type) {
      case "S" -> out.text((String) content);
      case "N" -> out.number(new BigDecimal((String) content));
      case "B" -> out.bytes(Base64.getDecoder().decode((String) content));
      case "BOOL" -> out.bool((Boolean) content);
      case "NULL" -> out.nil();
      case "L" -> {
        JsonArray list = (JsonArray) content;
        out.array(list.size());
        for (Object element : list) {
          write(element, out);
        }
      }
      case "M" -> {
        JsonObject map = (JsonObject) content;
        out.map(map.size());
        for (int i = 0; i < map.size(); i++) {
          out.text(map.name(i));
          write(map.value(i), out);
        }
      }
      case "SS", "NS", "BS" -> {
        JsonArray set = (JsonArray) content;
        out.tag(type.equals("SS") ? TAG_STRING_SET : type.equals("NS") ? TAG_NUMBER_SET : TAG_BINARY_SET);
        out.array(set.size());
        for (Object element : set) {
          String text = (String) element;
          switch (type) {
            case "SS" -> out.text(text);
            case "NS" -> out.number(new BigDecimal(text));
            default -> out.bytes(Base64.getDecoder().decode(text));
          }
        }
      }
      default -> throw new IllegalArgumentException("unknown attribute type " + type);
    }
  }
}
