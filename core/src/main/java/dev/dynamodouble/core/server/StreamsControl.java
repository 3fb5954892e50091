package dev.dynamodouble.core.server;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.stream.Streams;
import dev.dynamodouble.core.stream.TableStream;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.trigger.TriggerMapping;
import dev.dynamodouble.core.trigger.Triggers;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Instant;

/**
 * {@code POST /_dynamodouble/streams/drain}: runs every clock task due now and delivers every
 * trigger batch due now before it answers (a manual clock does so on this thread, as
 * {@link Triggers#drain()}; on the system clock it waits, up to 30 seconds, for the triggers to be
 * idle); {@code GET /_dynamodouble/streams/pending}: what is still waiting. Both answer the pending
 * view: the stream records a {@code streamDelay} fault still hides (and when the first becomes
 * readable), and each trigger's state. Kinesis streaming destinations receive their records at
 * commit, so nothing of theirs is ever pending.
 */
final class StreamsControl {
  private StreamsControl() {}

  /** The response for a streams path, or null when {@code path} is not one. */
  static ProtocolResponse handle(Engine engine, HttpMethod method, String path) {
    boolean drain = path.equals("streams/drain");
    if (!drain && !path.equals("streams/pending")) {
      return null;
    }
    if (!method.equals(drain ? HttpMethod.POST : HttpMethod.GET)) {
      return ControlApi.error(405, method + " is not served on /_dynamodouble/" + path);
    }
    Triggers triggers = engine.streams().listener(Triggers.class);
    if (drain) {
      try {
        if (triggers != null) {
          triggers.drain();
        } else {
          engine.clock().runDue();
        }
      } catch (IllegalStateException busy) {
        return ControlApi.error(503, busy.getMessage());
      }
    }
    return pending(engine, triggers);
  }

  private static ProtocolResponse pending(Engine engine, Triggers triggers) {
    Instant now = engine.clock().now();
    int hidden = 0;
    Instant readable = null;
    for (Catalog catalog : engine.regions()) {
      for (Table table : catalog.tables()) {
        TableStream stream = Streams.latestOf(table);
        if (stream != null) {
          hidden += stream.hiddenRecords(now);
          Instant next = stream.nextReadable(now);
          readable = next == null || readable != null && readable.isBefore(next) ? readable : next;
        }
      }
    }
    int hiddenRecords = hidden;
    Instant firstReadable = readable;
    Instant delivery = engine.clock().nextDeliveryDue();
    return ControlApi.json(200, out -> {
      out.writeNumberField("hiddenStreamRecords", hiddenRecords);
      out.writeStringField("nextReadableAt", firstReadable == null ? null : firstReadable.toString());
      out.writeStringField("nextDeliveryAt", delivery == null ? null : delivery.toString());
      out.writeArrayFieldStart("triggers");
      for (TriggerMapping mapping : triggers == null ? java.util.List.<TriggerMapping>of() : triggers.mappings()) {
        out.writeStartObject();
        out.writeStringField("name", mapping.name());
        out.writeStringField("table", mapping.stream().table().name());
        out.writeBooleanField("idle", mapping.idle());
        out.writeNumberField("invocations", mapping.invocations());
        out.writeNumberField("failedBatches", mapping.failures().size());
        out.writeEndObject();
      }
      out.writeEndArray();
    });
  }
}
