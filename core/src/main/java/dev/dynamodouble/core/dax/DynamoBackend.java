package dev.dynamodouble.core.dax;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * DAX's view of the table behind it: a request DAX does not serve from its caches goes to the
 * engine as the same DynamoDB JSON request an SDK would send, through the same pipeline (auth,
 * faults, capacity, operation), and its answer or error comes back parsed.
 */
final class DynamoBackend {
  /** Writes the members of a DynamoDB JSON request body. */
  interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private final Dispatcher dispatcher;

  DynamoBackend(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  dev.dynamodouble.core.engine.Engine engine() {
    return dispatcher.engine();
  }

  /** Runs one DynamoDB operation; its error is thrown as the {@link DaxError} DAX would relay. */
  JsonObject call(String operation, String requestId, Body body) {
    byte[] request = json(body);
    // The cluster reaches its tables on its own authority, having authorized its client itself.
    ProtocolResponse response = dispatcher.handle("DynamoDB_20120810." + operation, null, requestId,
        dev.dynamodouble.core.auth.ServiceCall.HEAD, request, 0, request.length);
    JsonObject parsed = (JsonObject) Json.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    if (response.status() == 200) {
      return parsed;
    }
    String type = String.valueOf(parsed.get("__type"));
    type = type.substring(type.indexOf('#') + 1);
    Object message = parsed.get("message");
    if (message == null) {
      message = parsed.get("Message");
    }
    List<DaxError.Reason> reasons = new ArrayList<>();
    if (parsed.get("CancellationReasons") instanceof JsonArray list) {
      for (Object element : list) {
        JsonObject reason = (JsonObject) element;
        reasons.add(new DaxError.Reason((String) reason.get("Code"), (String) reason.get("Message")));
      }
    }
    throw DaxError.fromDynamo(type, response.status(), message == null ? null : message.toString(), reasons);
  }

  /** A request body: a JSON object whose members {@code body} writes. */
  static byte[] json(Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator json = Json.FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      json.writeStartObject();
      body.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
