package dev.dynamodouble.core.fault;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a JSON scenario into located values (duplicate keys and trailing content are errors). */
final class JsonScenario {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonScenario() {}

  static Located parse(String file, String text) {
    try (JsonParser parser = JSON.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidFaultException(file, 1, null, "the file is empty");
      }
      Located root = value(file, parser);
      if (parser.nextToken() != null) {
        throw new InvalidFaultException(file, line(parser), null, "unexpected content after the document");
      }
      return root;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new InvalidFaultException(file, line, null, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidFaultException(file, 0, null, "cannot read: " + e.getMessage());
    }
  }

  private static Located value(String file, JsonParser parser) throws IOException {
    int line = line(parser);
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        Map<String, Located> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          int at = line(parser);
          parser.nextToken();
          if (map.put(name, value(file, parser)) != null) {
            throw new InvalidFaultException(file, at, name, "appears twice");
          }
        }
        return new Located(map, line);
      }
      case START_ARRAY -> {
        List<Located> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(file, parser));
        }
        return new Located(list, line);
      }
      case VALUE_STRING -> {
        return new Located(parser.getText(), line);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Located(parser.getNumberValue(), line);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Located(parser.getBooleanValue(), line);
      }
      default -> {
        return new Located(null, line);
      }
    }
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }
}
