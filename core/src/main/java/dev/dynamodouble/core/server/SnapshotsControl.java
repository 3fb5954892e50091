package dev.dynamodouble.core.server;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Named engine snapshots over HTTP, under {@code /_dynamodouble/}: {@code POST snapshots/NAME}
 * saves the whole engine (tables and items, the clock, fault rules, every service's state) in
 * O(tables); {@code POST snapshots/NAME/restore} puts it back; {@code GET snapshots} lists them;
 * {@code DELETE snapshots/NAME} forgets one; {@code POST reset} restores the built-in snapshot
 * {@code start}, taken when the endpoint started (with the server's fixtures and fault rules).
 */
final class SnapshotsControl {
  static final String START = "start";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,255}");

  private final Engine engine;
  private final ConcurrentHashMap<String, EngineSnapshot> saved = new ConcurrentHashMap<>();

  SnapshotsControl(Engine engine) {
    this.engine = engine;
    saved.put(START, engine.snapshot());
  }

  /** Serves {@code path}, or returns null when it is not a snapshots path. */
  ProtocolResponse handle(HttpMethod method, String path) {
    boolean post = method.equals(HttpMethod.POST);
    if (path.equals("reset")) {
      return post ? restore(START) : notServed(method, path);
    }
    if (path.equals("snapshots")) {
      return method.equals(HttpMethod.GET) ? ControlApi.json(200, out -> {
        out.writeArrayFieldStart("snapshots");
        for (String name : new TreeSet<>(saved.keySet())) {
          out.writeString(name);
        }
        out.writeEndArray();
      }) : notServed(method, path);
    }
    if (!path.startsWith("snapshots/")) {
      return null;
    }
    String rest = path.substring("snapshots/".length());
    boolean restore = rest.endsWith("/restore");
    String name = restore ? rest.substring(0, rest.length() - "/restore".length()) : rest;
    if (!NAME.matcher(name).matches()) {
      return ControlApi.error(400, "a snapshot name is 1 to 255 letters, digits, '.', '_' or '-', not '" + name + "'");
    }
    if (restore) {
      return post ? restore(name) : notServed(method, path);
    }
    if (post || method.equals(HttpMethod.DELETE)) {
      if (name.equals(START)) {
        return ControlApi.error(400, "'start' is the built-in snapshot of the state the server started in "
            + "(POST /_dynamodouble/reset restores it); choose another name");
      }
      if (post) {
        EngineSnapshot snapshot = engine.snapshot();
        saved.put(name, snapshot);
        return ControlApi.json(200, out -> {
          out.writeStringField("snapshot", name);
          out.writeNumberField("tables", snapshot.tableCount());
        });
      }
      return saved.remove(name) == null ? unknown(name)
          : ControlApi.json(200, out -> out.writeStringField("deleted", name));
    }
    return notServed(method, path);
  }

  private ProtocolResponse restore(String name) {
    EngineSnapshot snapshot = saved.get(name);
    if (snapshot == null) {
      return unknown(name);
    }
    engine.restore(snapshot);
    engine.syncStorage(); // with --data-dir, answered once the restored state is on the disk
    return ControlApi.json(200, out -> {
      out.writeStringField("restored", name);
      out.writeNumberField("tables", snapshot.tableCount());
    });
  }

  private static ProtocolResponse unknown(String name) {
    return ControlApi.error(404, "no snapshot named '" + name + "'; GET /_dynamodouble/snapshots lists them");
  }

  private static ProtocolResponse notServed(HttpMethod method, String path) {
    return ControlApi.error(405, method + " is not served on /_dynamodouble/" + path);
  }
}
