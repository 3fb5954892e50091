package dev.dynamodouble.core.dax;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.value.AttributeType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An item's key as DAX sends it, one byte string: with a partition key only, the key's bytes (a
 * string's UTF-8, a binary's bytes, a number as a CBOR item); with a sort key too, the partition
 * key as a CBOR item followed by the sort key's raw bytes (a number in {@link LexDecimal} form).
 */
final class DaxKeys {
  private DaxKeys() {}

  /** Writes the key attributes of {@code key} as DynamoDB JSON members. */
  static void copy(byte[] key, KeySchema schema, JsonGenerator json) throws IOException {
    KeyAttribute partition = schema.partition();
    json.writeFieldName(partition.name());
    if (!schema.hasSort()) {
      switch (partition.type()) {
        case S -> typed(json, "S", new String(key, StandardCharsets.UTF_8));
        case B -> typed(json, "B", Base64.getEncoder().encodeToString(key));
        default -> typed(json, "N", DaxValues.readNumber(new CborReader(key)).toString());
      }
      return;
    }
    CborReader in = new CborReader(key);
    switch (partition.type()) {
      case S -> typed(json, "S", in.readText());
      case B -> typed(json, "B", Base64.getEncoder().encodeToString(in.readBytes()));
      default -> typed(json, "N", DaxValues.readNumber(in).toString());
    }
    KeyAttribute sort = schema.sort();
    int from = in.position();
    json.writeFieldName(sort.name());
    switch (sort.type()) {
      case S -> typed(json, "S", new String(key, from, key.length - from, StandardCharsets.UTF_8));
      case B -> typed(json, "B", Base64.getEncoder().encodeToString(in.rest()));
      default -> typed(json, "N", LexDecimal.decode(key, from, key.length - from).toString());
    }
  }

  private static void typed(JsonGenerator json, String type, String value) throws IOException {
    json.writeStartObject();
    json.writeStringField(type, value);
    json.writeEndObject();
  }

  /** The key bytes of an item (DynamoDB JSON). */
  static byte[] encode(JsonObject item, KeySchema schema) {
    KeyAttribute partition = schema.partition();
    String p = scalar(item, partition);
    if (!schema.hasSort()) {
      return switch (partition.type()) {
        case S -> p.getBytes(StandardCharsets.UTF_8);
        case B -> Base64.getDecoder().decode(p);
        default -> new CborWriter().number(new BigDecimal(p)).toByteArray();
      };
    }
    CborWriter head = new CborWriter();
    switch (partition.type()) {
      case S -> head.text(p);
      case B -> head.bytes(Base64.getDecoder().decode(p));
      default -> head.number(new BigDecimal(p));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toByteArray());
    String s = scalar(item, schema.sort());
    out.writeBytes(switch (schema.sort().type()) {
      case S -> s.getBytes(StandardCharsets.UTF_8);
      case B -> Base64.getDecoder().decode(s);
      default -> LexDecimal.encode(new BigDecimal(s));
    });
    return out.toByteArray();
  }

  private static String scalar(JsonObject item, KeyAttribute attribute) {
    JsonObject value = (JsonObject) item.get(attribute.name());
    String type = attribute.type() == AttributeType.S ? "S" : attribute.type() == AttributeType.B ? "B" : "N";
    return (String) value.get(type);
  }

  /** A key (or a whole item) as a map of name to value, DAX's form for keys of an index. */
  static byte[] compound(JsonObject key) {
    CborWriter out = new CborWriter();
    out.raw(new byte[] {(byte) 0xbf}); // an indefinite map
    for (int i = 0; i < key.size(); i++) {
      out.text(key.name(i));
      DaxValues.write(key.value(i), out);
    }
    out.raw(new byte[] {(byte) 0xff});
    return out.toByteArray();
  }

  /** Reads a compound key (see {@link #compound}) and writes its members. */
  static void copyCompound(byte[] key, JsonGenerator json) throws IOException {
    CborReader in = new CborReader(key);
    int size = in.readMapHeader();
    for (int i = 0; size < 0 ? !in.peekBreak() : i < size; i++) {
      json.writeFieldName(in.readText());
      DaxValues.copy(in, json);
    }
  }
}
