package dev.dynamodouble.core.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.fault.FaultHandle;
import dev.dynamodouble.core.fault.Faults;
import dev.dynamodouble.core.fault.InvalidFaultException;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fault rules over HTTP, for out-of-process users (Testcontainers, other languages), under
 * {@code /_dynamodouble/faults}:
 * <ul>
 *   <li>{@code GET faults}: every rule with its hits; {@code GET faults/unfired}: those that never
 *       fired; {@code GET faults/NAME}: one rule;</li>
 *   <li>{@code POST faults}: adds the rules of a scenario in the body (YAML or JSON, all or none;
 *       a mistake is a 400 naming line and field);</li>
 *   <li>{@code DELETE faults/NAME}: removes one; {@code DELETE faults} or {@code POST faults/reset}:
 *       removes all.</li>
 * </ul>
 */
final class FaultsControl {
  private static final JsonFactory JSON = new JsonFactory();

  private final Faults faults;

  FaultsControl(Faults faults) {
    this.faults = faults;
  }

  /** Serves {@code path} (after {@code faults}: "" or "/NAME"...), or null when it is not a faults path. */
  ProtocolResponse handle(HttpMethod method, String path, byte[] body) {
    String rest = path.equals("faults") ? "" : path.startsWith("faults/") ? path.substring("faults/".length()) : null;
    if (rest == null) {
      return null;
    }
    boolean get = method.equals(HttpMethod.GET);
    boolean post = method.equals(HttpMethod.POST);
    boolean delete = method.equals(HttpMethod.DELETE);
    if (rest.isEmpty() && get) {
      return list(faults.rules());
    }
    if (rest.equals("unfired") && get) {
      return list(faults.unfired());
    }
    if (rest.isEmpty() && post) {
      try {
        return list(faults.load("request body", new String(body, StandardCharsets.UTF_8)), 201);
      } catch (InvalidFaultException e) {
        return error(400, e.getMessage());
      }
    }
    if ((rest.isEmpty() && delete) || (rest.equals("reset") && post)) {
      faults.clear();
      return list(faults.rules());
    }
    if (!rest.isEmpty() && !rest.contains("/")) {
      FaultHandle rule = faults.rule(rest).orElse(null);
      if (rule == null) {
        return error(404, "no active rule named " + rest);
      }
      if (get) {
        return json(200, out -> write(out, rule));
      }
      if (delete) {
        rule.remove();
        return json(200, out -> write(out, rule));
      }
    }
    return error(405, method + " is not served on /_dynamodouble/" + path);
  }

  private static ProtocolResponse list(List<FaultHandle> rules) {
    return list(rules, 200);
  }

  private static ProtocolResponse list(List<FaultHandle> rules, int status) {
    return json(status, out -> {
      out.writeArrayFieldStart("rules");
      for (FaultHandle rule : rules) {
        out.writeStartObject();
        write(out, rule);
        out.writeEndObject();
      }
      out.writeEndArray();
    });
  }

  private static void write(JsonGenerator out, FaultHandle rule) throws IOException {
    out.writeStringField("name", rule.name());
    out.writeStringField("rule", rule.rule().describe());
    out.writeStringField("source", rule.rule().source());
    out.writeNumberField("hits", rule.hits());
    out.writeNumberField("matched", rule.matched());
    out.writeBooleanField("lenient", rule.rule().lenient());
  }

  private static ProtocolResponse error(int status, String message) {
    return json(status, out -> out.writeStringField("error", message));
  }

  private interface Fields {
    void write(JsonGenerator out) throws IOException;
  }

  private static ProtocolResponse json(int status, Fields fields) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.writeStartObject();
      fields.write(out);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ControlApi.json(status, text.toString());
  }
}
