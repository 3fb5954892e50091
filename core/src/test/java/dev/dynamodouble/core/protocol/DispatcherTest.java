package dev.dynamodouble.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.time.DynamoClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Only an unexpected failure inside the engine is a 500; every error DynamoDB names is a 400 (or 413). */
class DispatcherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Operations operations = Operations.streams()
      .add("Boom", (context, request) -> {
        throw new IllegalStateException("a bug");
      })
      .add("Deep", (context, request) -> {
        throw new StackOverflowError();
      })
      .add("Refuse", (context, request) -> {
        throw DynamoException.resourceInUse("busy");
      });
  private final Dispatcher dispatcher = new Dispatcher(
      new Engine(DynamoClock.manual(Instant.parse("2024-05-01T00:00:00Z")), EngineOptions.defaults()),
      operations, Operations.streams());

  private ProtocolResponse call(String operation) {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    return dispatcher.handle("DynamoDB_20120810." + operation, null, "id", body, 0, body.length);
  }

  private static JsonNode json(ProtocolResponse response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Test
  void anUnexpectedExceptionIsAnInternalServerError() throws IOException {
    for (String operation : new String[] {"Boom", "Deep"}) {
      ProtocolResponse response = call(operation);
      assertThat(response.status()).isEqualTo(500);
      assertThat(json(response).path("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#InternalServerError");
      assertThat(json(response).path("message").asText()).isEqualTo("Internal server error");
    }
  }

  @Test
  void aServiceErrorKeepsItsTypeAndStatus() throws IOException {
    ProtocolResponse response = call("Refuse");
    assertThat(response.status()).isEqualTo(400);
    assertThat(json(response).path("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#ResourceInUseException");
    assertThat(json(response).path("message").asText()).isEqualTo("busy");
    CRC32 crc = new CRC32();
    crc.update(response.body());
    assertThat(response.crc32()).isEqualTo(crc.getValue());
  }

  @Test
  void everyErrorCodeIs400ExceptTooLargeInternalAndUnavailable() {
    for (ErrorCode code : ErrorCode.values()) {
      int expected = code == ErrorCode.INTERNAL_SERVER_ERROR ? 500 : code == ErrorCode.REQUEST_ENTITY_TOO_LARGE ? 413
          : code == ErrorCode.SERVICE_UNAVAILABLE ? 503 : 400;
      assertThat(code.status()).as(code.name()).isEqualTo(expected);
      assertThat(code.type()).as(code.name()).contains("#").endsWith(code.shortName());
    }
  }
}
