package dev.dynamodouble.junit5.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dynamodouble.junit5.FixtureException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON or YAML document as a Jackson tree that remembers the line where each object and array
 * starts, so that messages can point at an item. Numbers keep their written digits (as decimals),
 * duplicate keys are an error, and syntax errors name the line and column.
 */
public final class LocatedTree {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final JsonFactory YAML = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String file;
  private final JsonNode root;
  private final Map<JsonNode, Integer> lines;

  private LocatedTree(String file, JsonNode root, Map<JsonNode, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  public static LocatedTree read(ResourceLocator.Resource resource, String kind) {
    String lower = resource.path().toLowerCase(Locale.ROOT);
    JsonFactory factory = lower.endsWith(".yml") || lower.endsWith(".yaml") ? YAML : JSON;
    try (InputStream in = resource.url().openStream(); JsonParser parser = factory.createParser(in)) {
      Map<JsonNode, Integer> lines = new IdentityHashMap<>();
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new FixtureException(kind, resource.path(), 0, null, "the file is empty");
      }
      JsonNode root = new Builder(kind, resource.path(), parser, lines).value();
      if (parser.nextToken() != null) {
        throw new FixtureException(kind, resource.path(), parser.currentTokenLocation().getLineNr(), null,
            "unexpected content after the end of the document (one document per file)");
      }
      return new LocatedTree(resource.path(), root, lines);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      FixtureException error = new FixtureException(kind, resource.path(), line, column > 0 ? "column " + column : null,
          "syntax error: " + e.getOriginalMessage());
      error.initCause(e);
      throw error;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource.path(), e);
    }
  }

  public String file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** The line where {@code node} (an object or array of this tree) starts, or 0. */
  public int line(JsonNode node) {
    Integer line = lines.get(node);
    return line == null ? 0 : line;
  }

  private static final class Builder {
    private final String kind;
    private final String file;
    private final JsonParser parser;
    private final Map<JsonNode, Integer> lines;

    Builder(String kind, String file, JsonParser parser, Map<JsonNode, Integer> lines) {
      this.kind = kind;
      this.file = file;
      this.parser = parser;
      this.lines = lines;
    }

    /** Reads the value at the current token. */
    JsonNode value() throws IOException {
      JsonToken token = parser.currentToken();
      int line = parser.currentTokenLocation().getLineNr();
      switch (token) {
        case START_OBJECT: {
          ObjectNode object = NODES.objectNode();
          lines.put(object, line);
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int fieldLine = parser.currentTokenLocation().getLineNr();
            parser.nextToken();
            if (object.has(name)) {
              throw new FixtureException(kind, file, fieldLine, null, "duplicate key \"" + name + "\"");
            }
            object.set(name, value());
          }
          return object;
        }
        case START_ARRAY: {
          ArrayNode array = NODES.arrayNode();
          lines.put(array, line);
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value());
          }
          return array;
        }
        case VALUE_STRING:
          return NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return DecimalNode.valueOf(decimal()); // as written: no trailing zeros stripped
        case VALUE_TRUE:
          return NODES.booleanNode(true);
        case VALUE_FALSE:
          return NODES.booleanNode(false);
        case VALUE_NULL:
          return NODES.nullNode();
        case VALUE_EMBEDDED_OBJECT: {
          Object embedded = parser.getEmbeddedObject();
          if (embedded instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
          }
          return NODES.textNode(String.valueOf(embedded));
        }
        default:
          throw new FixtureException(kind, file, line, null, "unexpected " + token);
      }
    }

    private BigDecimal decimal() throws IOException {
      try {
        return new BigDecimal(parser.getText());
      } catch (NumberFormatException e) {
        return parser.getDecimalValue();
      }
    }
  }
}
