package dev.dynamodouble.core.server;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.time.ManualClock;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The control API for out-of-process users, under a path no DynamoDB client uses:
 * {@code GET /_dynamodouble/health}, {@code GET /_dynamodouble/clock},
 * {@code POST /_dynamodouble/clock/advance?millis=N} (manual clock only),
 * {@code DELETE /_dynamodouble/ttl/expired} (delete every item whose TTL has passed, now), and the
 * fault rules under {@code /_dynamodouble/faults} (see {@link FaultsControl}), and the
 * capacity paths of {@link CapacityControl}, and the
 * global-table replication controls of {@link ReplicationControl} under {@code /_dynamodouble/replication}.
 */
final class ControlApi {
  static final String PREFIX = "/_dynamodouble/";

  private final Engine engine;
  private final FaultsControl faults;
  private final ReplicationControl replication;

  ControlApi(Engine engine) {
    this.engine = engine;
    this.faults = new FaultsControl(engine.faults());
    this.replication = new ReplicationControl(engine.replication());
  }

  ProtocolResponse handle(HttpMethod method, String uri, byte[] body) {
    QueryStringDecoder decoder = new QueryStringDecoder(uri);
    String path = decoder.path().substring(PREFIX.length());
    boolean post = method.equals(HttpMethod.POST);
    ProtocolResponse fault = faults.handle(method, path, body);
    if (fault != null) {
      return fault;
    }
    if (path.equals("health")) {
      return json(200, "{\"status\":\"ok\"}");
    }
    if (path.equals("clock") && !post) {
      return clock();
    }
    if (path.equals("clock/advance") && post) {
      if (!(engine.clock() instanceof ManualClock manual)) {
        return json(409, "{\"error\":\"the clock is not manual; start the server with --manual-clock\"}");
      }
      long millis = parameter(decoder.parameters(), "millis");
      if (millis < 0) {
        return json(400, "{\"error\":\"millis must be a non-negative number\"}");
      }
      manual.advance(Duration.ofMillis(millis));
      return clock();
    }
    if (path.equals("ttl/expired") && (method.equals(HttpMethod.DELETE) || post)) {
      // Like LocalStack's DELETE /_aws/dynamodb/expired: run the TTL sweeper now.
      return json(200, "{\"deleted\":" + engine.timeToLive().deleteExpiredNow() + "}");
    }
    ProtocolResponse replicated = replication.handle(path, post, decoder.parameters());
    if (replicated != null) {
      return replicated;
    }
    if (path.startsWith("capacity")) {
      return CapacityControl.handle(engine, path, post, decoder.parameters());
    }
    return json(404, "{\"error\":\"unknown control path: " + path.replace("\"", "") + "\"}");
  }

  private ProtocolResponse clock() {
    return json(200, "{\"now\":\"" + engine.clock().now() + "\",\"epochMillis\":" + engine.clock().millis()
        + ",\"manual\":" + engine.clock().isManual() + "}");
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

  static ProtocolResponse json(int status, String body) {
    return withCrc(status, body.getBytes(StandardCharsets.UTF_8));
  }

  static ProtocolResponse withCrc(int status, byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return new ProtocolResponse(status, bytes, crc.getValue());
  }
}
