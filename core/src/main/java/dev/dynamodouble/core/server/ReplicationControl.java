package dev.dynamodouble.core.server;

import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.replication.Replication;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The replication part of the control API: {@code GET replication?from=A&to=B} (lag, paused,
 * pending), {@code POST replication/lag?from=A&to=B&millis=N}, {@code POST replication/pause?from=A&to=B},
 * {@code POST replication/resume?from=A&to=B}, {@code POST replication/partition?region=R},
 * {@code POST replication/heal?region=R}.
 */
final class ReplicationControl {
  private final Replication replication;

  ReplicationControl(Replication replication) {
    this.replication = replication;
  }

  /** The answer for {@code path} (after the control prefix), or null when it is not a replication path. */
  ProtocolResponse handle(String path, boolean post, Map<String, List<String>> parameters) {
    if (!path.equals("replication") && !path.startsWith("replication/")) {
      return null;
    }
    String action = path.equals("replication") ? "" : path.substring("replication/".length());
    if (action.equals("partition") || action.equals("heal")) {
      String region = parameter(parameters, "region");
      if (!post || region == null) {
        return ControlApi.json(400, "{\"error\":\"POST replication/" + action + "?region=R\"}");
      }
      if (action.equals("partition")) {
        replication.partition(region);
      } else {
        replication.heal(region);
      }
      return ControlApi.json(200, "{\"region\":\"" + region + "\",\"partitioned\":" + action.equals("partition") + "}");
    }
    String from = parameter(parameters, "from");
    String to = parameter(parameters, "to");
    if (from == null || to == null) {
      return ControlApi.json(400, "{\"error\":\"from and to (region names) are required\"}");
    }
    switch (post ? action : "GET " + action) {
      case "GET ":
        break;
      case "lag":
        long millis = ControlApi.parameter(parameters, "millis");
        if (millis < 0) {
          return ControlApi.json(400, "{\"error\":\"millis must be a non-negative number\"}");
        }
        replication.lag(from, to, Duration.ofMillis(millis));
        break;
      case "pause":
        replication.pause(from, to);
        break;
      case "resume":
        replication.resume(from, to);
        break;
      default:
        return ControlApi.json(404, "{\"error\":\"unknown replication control: " + action.replace("\"", "") + "\"}");
    }
    return ControlApi.json(200, "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"lagMillis\":"
        + replication.lag(from, to).toMillis() + ",\"paused\":" + replication.isPaused(from, to) + ",\"pending\":"
        + replication.pending(from, to) + "}");
  }

  private static String parameter(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() || values.get(0).isBlank() || values.get(0).contains("\"")
        ? null : values.get(0);
  }
}
