package dev.dynamodouble.junit5.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dynamodouble.core.fixture.FixtureTree;
import dev.dynamodouble.junit5.FixtureException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads a JSON or YAML fixture resource into core's {@link FixtureTree} (values that remember
 * their lines). JSON is read by core's own reader (its Jackson, already loaded by the engine); YAML
 * by this module's Jackson YAML parser, whose events feed the tree's builder, loaded only when a
 * YAML file is read.
 */
public final class LocatedTree {
  private LocatedTree() {}

  public static FixtureTree read(ResourceLocator.Resource resource, String kind) {
    String lower = resource.path().toLowerCase(Locale.ROOT);
    return lower.endsWith(".yml") || lower.endsWith(".yaml") ? Yaml.read(resource, kind)
        : FixtureTree.readJson(kind, resource.path(), bytes(resource));
  }

  private static byte[] bytes(ResourceLocator.Resource resource) {
    try (InputStream in = resource.url().openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource.path(), e);
    }
  }

  /** The YAML reader: a class of its own, so that Jackson's classes load only when a YAML file is read. */
  private static final class Yaml {
    private static final JsonFactory FACTORY = YAMLFactory.builder().build();

    static FixtureTree read(ResourceLocator.Resource resource, String kind) {
      try (InputStream in = resource.url().openStream(); JsonParser parser = FACTORY.createParser(in)) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          throw new FixtureException(kind, resource.path(), 0, null, "the file is empty");
        }
        FixtureTree.Builder tree = new FixtureTree.Builder(kind, resource.path());
        int depth = 0;
        do {
          int line = parser.currentTokenLocation().getLineNr();
          switch (token) {
            case START_OBJECT -> { tree.startObject(line); depth++; }
            case START_ARRAY -> { tree.startArray(line); depth++; }
            case END_OBJECT, END_ARRAY -> { tree.end(); depth--; }
            case FIELD_NAME -> tree.field(parser.currentName(), line);
            case VALUE_STRING -> tree.value(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                tree.value(FixtureTree.decimal(parser.getText(), parser.getDecimalValue()));
            case VALUE_TRUE, VALUE_FALSE -> tree.value(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> tree.value(null);
            case VALUE_EMBEDDED_OBJECT -> tree.value(parser.getEmbeddedObject() instanceof byte[] bytes
                ? bytes : String.valueOf(parser.getEmbeddedObject()));
            default -> throw new FixtureException(kind, resource.path(), line, null, "unexpected " + token);
          }
          token = depth == 0 ? null : parser.nextToken();
        } while (token != null);
        if (parser.nextToken() != null) {
          throw new FixtureException(kind, resource.path(), parser.currentTokenLocation().getLineNr(), null,
              "unexpected content after the end of the document (one document per file)");
        }
        return tree.build();
      } catch (JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        FixtureException error = new FixtureException(kind, resource.path(), line,
            column > 0 ? "column " + column : null, "syntax error: " + e.getOriginalMessage());
        error.initCause(e);
        throw error;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource.path(), e);
      }
    }
  }
}
