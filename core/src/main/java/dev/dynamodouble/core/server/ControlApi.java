package dev.dynamodouble.core.server;

import dev.dynamodouble.core.auth.AuthStage;
import dev.dynamodouble.core.auth.ControlAccess;
import dev.dynamodouble.core.engine.Engine;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.time.ManualClock;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The control API for out-of-process users, under a path no DynamoDB client uses:
 * {@code GET /_dynamodouble/health}, {@code GET /_dynamodouble/clock},
 * {@code POST /_dynamodouble/clock/advance?millis=N} (manual clock only),
 * {@code DELETE /_dynamodouble/ttl/expired} (delete every item whose TTL has passed, now), and the
 * fault rules under {@code /_dynamodouble/faults} (see {@link FaultsControl}), and the
 * capacity paths of {@link CapacityControl}, and the
 * global-table replication controls of {@link ReplicationControl} under {@code /_dynamodouble/replication},
 * {@code POST clock/set?epochMillis=N} (manual clock, forward only), {@code GET version}, named
 * snapshots and {@code POST reset} ({@link SnapshotsControl}), and a table's items
 * ({@link TableItemsControl}), and {@code GET kinesis/records?streamArn=ARN} (what a Kinesis
 * streaming destination stream has received), and {@code POST streams/drain} / {@code GET streams/pending}
 * ({@link StreamsControl}), and {@code GET insights/keys?table=T} (Contributor Insights counts,
 * {@link InsightsControl}).
 */
final class ControlApi {
  static final String PREFIX = "/_dynamodouble/";

  private final Engine engine;
  private final FaultsControl faults;
  private final ReplicationControl replication;
  private final SnapshotsControl snapshots;

  ControlApi(Engine engine) {
    this.engine = engine;
    this.faults = new FaultsControl(engine.faults());
    this.replication = new ReplicationControl(engine.replication());
    this.snapshots = new SnapshotsControl(engine);
  }

  /** Without credentials: for an endpoint without auth. */
  ProtocolResponse handle(HttpMethod method, String uri, byte[] body) {
    return handle(method, uri, body, null);
  }

  /** Serves a control request; {@code authorization} is its Authorization header, or null. */
  ProtocolResponse handle(HttpMethod method, String uri, byte[] body, String authorization) {
    QueryStringDecoder decoder = new QueryStringDecoder(uri);
    String path = decoder.path().substring(PREFIX.length());
    boolean post = method.equals(HttpMethod.POST);
    if (!path.equals("health")) { // health checks (a container's) need no credentials
      AuthStage auth = engine.pipeline().find(AuthStage.class);
      ControlAccess.Refusal refusal = auth == null ? null : auth.controlAccess().check(authorization);
      if (refusal != null) {
        return error(refusal.status(), refusal.message());
      }
    }
    ProtocolResponse fault = faults.handle(method, path, body);
    if (fault != null) {
      return fault;
    }
    if (path.equals("health")) {
      return json(200, out -> out.writeStringField("status", "ok"));
    }
    if (path.equals("version") && !post) {
      return json(200, out -> out.writeStringField("version", Version.current()));
    }
    if (path.equals("clock") && !post) {
      return clock();
    }
    if ((path.equals("clock/advance") || path.equals("clock/set")) && post) {
      return moveClock(path.equals("clock/set"), decoder.parameters());
    }
    ProtocolResponse snapshot = snapshots.handle(method, path);
    if (snapshot != null) {
      return snapshot;
    }
    ProtocolResponse items = TableItemsControl.handle(engine, method.equals(HttpMethod.GET), path, decoder.parameters());
    if (items != null) {
      return items;
    }
    ProtocolResponse streams = StreamsControl.handle(engine, method, path);
    if (streams != null) {
      return streams;
    }
    ProtocolResponse insights = InsightsControl.handle(engine, method.equals(HttpMethod.GET), path, decoder.parameters());
    if (insights != null) {
      return insights;
    }
    if (path.equals("kinesis/records") && method.equals(HttpMethod.GET)) {
      return kinesisRecords(decoder.parameters());
    }
    if (path.equals("ttl/expired") && (method.equals(HttpMethod.DELETE) || post)) {
      // Like LocalStack's DELETE /_aws/dynamodb/expired: run the TTL sweeper now.
      int deleted = engine.timeToLive().deleteExpiredNow();
      return json(200, out -> out.writeNumberField("deleted", deleted));
    }
    ProtocolResponse replicated = replication.handle(path, post, decoder.parameters());
    if (replicated != null) {
      return replicated;
    }
    if (path.startsWith("capacity")) {
      return CapacityControl.handle(engine, path, post, decoder.parameters());
    }
    return error(404, "unknown control path: " + path);
  }

  /** {@code clock/advance?millis=N} or {@code clock/set?epochMillis=N}: manual clock only, forward only. */
  private ProtocolResponse moveClock(boolean set, Map<String, List<String>> parameters) {
    if (!(engine.clock() instanceof ManualClock manual)) {
      return error(409, "the clock is not manual; start the server with --manual-clock");
    }
    String name = set ? "epochMillis" : "millis";
    long value = parameter(parameters, name);
    if (value < 0) {
      return error(400, name + " must be a non-negative whole number");
    }
    if (!set) {
      manual.advance(Duration.ofMillis(value));
    } else {
      try {
        manual.setTo(java.time.Instant.ofEpochMilli(value));
      } catch (IllegalArgumentException before) {
        return error(400, "the clock cannot go back: epochMillis " + value + " is before now, " + manual.millis()
            + " (" + manual.now() + "); restore a snapshot to go back");
      }
    }
    engine.syncStorage(); // with --data-dir, the clock's new time is on the disk before the answer
    return clock();
  }

  /** The records of one destination stream; each record's data is the JSON DynamoDB puts into Kinesis. */
  private ProtocolResponse kinesisRecords(Map<String, List<String>> parameters) {
    List<String> arn = parameters.get("streamArn");
    if (arn == null || arn.isEmpty() || arn.get(0).isEmpty()) {
      return error(400, "name the stream: ?streamArn=arn:aws:kinesis:REGION:ACCOUNT:stream/NAME");
    }
    List<dev.dynamodouble.core.kinesis.KinesisRecord> records = engine.kinesis().records(arn.get(0));
    return json(200, out -> {
      out.writeStringField("StreamArn", arn.get(0));
      out.writeArrayFieldStart("Records");
      for (dev.dynamodouble.core.kinesis.KinesisRecord record : records) {
        out.writeStartObject();
        out.writeStringField("SequenceNumber", record.sequenceNumber());
        out.writeStringField("PartitionKey", record.partitionKey());
        out.writeNumberField("ApproximateArrivalTimestamp", record.approximateArrivalTimestamp().toEpochMilli());
        out.writeFieldName("Data");
        out.writeRawValue(record.data()); // our own JSON text
        out.writeEndObject();
      }
      out.writeEndArray();
    });
  }

  private ProtocolResponse clock() {
    return json(200, out -> {
      out.writeStringField("now", engine.clock().now().toString());
      out.writeNumberField("epochMillis", engine.clock().millis());
      out.writeBooleanField("manual", engine.clock().isManual());
    });
  }

  static long parameter(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      return -1;
    }
    try {
      return Long.parseLong(values.get(0));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static ProtocolResponse error(int status, String message) {
    return json(status, out -> out.writeStringField("error", message));
  }

  /** A response of JSON text the caller built with a JSON writer. */
  static ProtocolResponse json(int status, String body) {
    return withCrc(status, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON object response whose members {@code members} writes (escaped by the JSON writer). */
  static ProtocolResponse json(int status, JsonWritable members) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = Json.FACTORY.createGenerator(text)) {
      out.writeStartObject();
      members.write(out);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return withCrc(status, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  static ProtocolResponse withCrc(int status, byte[] bytes) {
    return RequestFront.withCrc(status, bytes);
  }
}
