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
import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.RequestHead;
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
   * The write operations whose work is bounded by their (small) body and that never wait but for
   * the writer lock: the single-item ones, and the batch and transaction writes (up to 25 and 100
   * items, parsed, checked and committed like as many puts).
   */
  private static final java.util.Set<String> QUICK = java.util.Set.of(DYNAMODB_PREFIX + "GetItem",
      DYNAMODB_PREFIX + "PutItem", DYNAMODB_PREFIX + "UpdateItem", DYNAMODB_PREFIX + "DeleteItem",
      DYNAMODB_PREFIX + "BatchWriteItem", DYNAMODB_PREFIX + "TransactWriteItems");
  private static final String TRANSACT_WRITE = DYNAMODB_PREFIX + "TransactWriteItems";

  /**
   * Whether a request for {@code target} (with a small body) is quick enough to serve on the
   * thread that read it, saving two thread hand-offs: one of {@link #QUICK} of this project's
   * operation set while no writer holds the lock and no clock task is due (either could take
   * long: a restore, a sweep), so it waits at most for another commit. A TransactWriteItems is
   * not while a test's in-flight hook may hold it. Anything else, and any operation a test put
   * in place of a standard one, is not. With durable storage, the thread serves it through
   * {@link Engine#storage()}'s {@code serveDeferred}: it never waits for the device.
   */
  public boolean quick(String target) {
    return target != null && QUICK.contains(target)
        && dynamoDb.isStandard(target.substring(DYNAMODB_PREFIX.length()))
        && !engine.writesMayWait() && !engine.clock().hasDueTask()
        && (!target.equals(TRANSACT_WRITE) || !engine.transactions().hasHooks());
  }

  /**
   * Handles one request and returns the response as bytes with their CRC32.
   *
   * @param target the X-Amz-Target header, or null
   * @param region the region of the SigV4 credential scope, or null for the default
   * @param body the request body
   */
  public ProtocolResponse handle(String target, String region, String requestId, byte[] body, int offset, int length) {
    return handle(target, region, requestId, null, body, offset, length);
  }

  /** As {@link #handle(String, String, String, byte[], int, int)}, with the transport's view of the request. */
  public ProtocolResponse handle(String target, String region, String requestId, RequestHead head, byte[] body,
                                 int offset, int length) {
    ByteArrayBody out = new ByteArrayBody(256);
    int status = handle(target, region, requestId, head, body, offset, length, out);
    byte[] array = out.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(array, 0, array.length);
    return new ProtocolResponse(status, array, crc.getValue());
  }

  /**
   * Handles one request, writing the response body (JSON) to {@code out}, and returns the HTTP
   * status. What a failing response had written is reset and replaced by the error.
   *
   * @param target the X-Amz-Target header, or null
   * @param region the region of the SigV4 credential scope, or null for the default
   * @param head what the transport saw of the request (method, path, headers), or null
   * @param body the request body
   */
  public int handle(String target, String region, String requestId, RequestHead head, byte[] body, int offset,
                    int length, ResponseBody out) {
    Call call = null;
    try {
      // As the service does: malformed JSON first, then the target, then an empty body.
      JsonRequest request = length == 0 ? null : JsonRequest.parse(body, offset, length);
      Call.Api api = api(target);
      String name = target.substring(api == Call.Api.DYNAMODB ? DYNAMODB_PREFIX.length() : STREAMS_PREFIX.length());
      Operation operation = (api == Call.Api.DYNAMODB ? dynamoDb : streams).get(name);
      if (operation == null) {
        throw unknownOperation(target);
      }
      if (request == null) {
        throw new DynamoException(ErrorCode.SERIALIZATION, null);
      }
      engine.clock().runDue();
      String effectiveRegion = engine.options().regionOf(region);
      call = new Call(api, name, engine.region(effectiveRegion), requestId, request)
          .withHead(head, body, offset, length);
      RequestContext context = new RequestContext(engine, call.catalog(), requestId, call);
      String operationName = name;
      write(engine.pipeline().run(call, () -> {
        RequestMembers.check(operationName, request);
        return operation.execute(context, request);
      }), out);
      return 200;
    } catch (DynamoException e) {
      out.reset();
      return error(e, out);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("Internal error serving {}", target, e);
      out.reset();
      return error(DynamoException.internal("Internal server error"), out);
    } finally {
      if (call != null) {
        out.transportFault(call.note(dev.dynamodouble.core.fault.TransportFault.class));
      }
    }
  }

  /** The API a target belongs to; an unknown target is an UnknownOperationException. */
  private static Call.Api api(String target) {
    if (target != null) {
      if (target.startsWith(DYNAMODB_PREFIX)) {
        return Call.Api.DYNAMODB;
      }
      if (target.startsWith(STREAMS_PREFIX)) {
        return Call.Api.STREAMS;
      }
    }
    throw unknownOperation(target);
  }

  private static DynamoException unknownOperation(String target) {
    return new DynamoException(ErrorCode.UNKNOWN_OPERATION, target == null
        ? "No operation: the request has no X-Amz-Target header"
        : "Unknown operation " + target + ": not a DynamoDB operation, or one Dynamo Double does not support yet");
  }

  /** Renders an error as {@code {"__type": ..., "message": ...}} plus its extra fields. */
  public static ProtocolResponse error(DynamoException e) {
    ByteArrayBody out = new ByteArrayBody(256);
    int status = error(e, out);
    byte[] array = out.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(array, 0, array.length);
    return new ProtocolResponse(status, array, crc.getValue());
  }

  private static int error(DynamoException e, ResponseBody out) {
    write(json -> {
      json.writeStartObject();
      json.writeStringField("__type", e.code().type());
      if (e.getMessage() != null) {
        json.writeStringField("message", e.getMessage());
      }
      if (e.detail() != null) {
        e.detail().write(json);
      }
      json.writeEndObject();
    }, out);
    return e.code().status();
  }

  private static void write(JsonWritable body, ResponseBody out) {
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
