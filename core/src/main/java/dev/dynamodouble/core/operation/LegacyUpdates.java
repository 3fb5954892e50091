package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.expression.AttributeValueUpdate;
import dev.dynamodouble.core.expression.Legacy;
import dev.dynamodouble.core.expression.Update;
import dev.dynamodouble.core.protocol.JsonRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the legacy AttributeUpdates parameter into an update. */
final class LegacyUpdates {
  private LegacyUpdates() {}

  static Update attributeUpdates(JsonRequest request) {
    Map<String, JsonRequest> raw = request.structureMap("AttributeUpdates");
    Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();
    for (Map.Entry<String, JsonRequest> e : raw.entrySet()) {
      JsonRequest entry = e.getValue() == null ? JsonRequest.empty() : e.getValue();
      String action = entry.string("Action");
      updates.put(e.getKey(), new AttributeValueUpdate(
          action == null ? null : AttributeValueUpdate.Action.valueOf(action), entry.value("Value")));
    }
    return Legacy.attributeUpdates(updates);
  }
}
