package dev.dynamodouble.core.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.operation.Operation;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.operation.RequestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The awsJson1_0 protocol, independent of the transport: routes an X-Amz-Target to its operation,
 * runs it, and turns its result or error into the status and body the SDKs expect.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
  private static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";
  private static final JsonFactory JSON = Json.FACTORY;

  private final Engine engine;
  private final Operations dynamoDb;
  private final Operations streams;

  public Dispatcher(Engine engine, Operations dynamoDb, Operations streams) {
    this.engine = engine;
    this.dynamoDb = dynamoDb;
    this.streams = streams;
  }

  public Engine engine() {
    return engine;
  }

  /**
   * Handles one request.
   *
   * @param target the X-Amz-Target header, or null
   * @param region the region of the SigV4 credential scope, or null for the default
   * @param body the request body
   */
  public ProtocolResponse handle(String target, String region, String requestId, byte[] body, int offset, int length) {
    try {
      // As the service does: malformed JSON first, then the target, then an empty body.
      JsonRequest request = length == 0 ? null : JsonRequest.parse(body, offset, length);
      Operation operation = resolve(target);
      if (request == null) {
        throw new DynamoException(ErrorCode.SERIALIZATION, null);
      }
      engine.clock().runDue();
      String effectiveRegion = region == null ? engine.options().defaultRegion() : region;
      RequestContext context = new RequestContext(engine, engine.region(effectiveRegion), requestId);
      return render(200, operation.execute(context, request));
    } catch (DynamoException e) {
      return error(e);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("Internal error serving {}", target, e);
      return error(DynamoException.internal("Internal server error"));
    }
  }

  private Operation resolve(String target) {
    Operation operation = null;
    if (target != null) {
      if (target.startsWith(DYNAMODB_PREFIX)) {
        operation = dynamoDb.get(target.substring(DYNAMODB_PREFIX.length()));
      } else if (target.startsWith(STREAMS_PREFIX)) {
        operation = streams.get(target.substring(STREAMS_PREFIX.length()));
      }
    }
    if (operation == null) {
      throw new DynamoException(ErrorCode.UNKNOWN_OPERATION, null);
    }
    return operation;
  }

  /** Renders an error as {@code {"__type": ..., "message": ...}} plus its extra fields. */
  public static ProtocolResponse error(DynamoException e) {
    return render(e.code().status(), out -> {
      out.writeStartObject();
      out.writeStringField("__type", e.code().type());
      if (e.getMessage() != null) {
        out.writeStringField("message", e.getMessage());
      }
      if (e.detail() != null) {
        e.detail().write(out);
      }
      out.writeEndObject();
    });
  }

  private static ProtocolResponse render(int status, JsonWritable body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator out = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] array = bytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(array, 0, array.length);
    return new ProtocolResponse(status, array, crc.getValue());
  }
}
