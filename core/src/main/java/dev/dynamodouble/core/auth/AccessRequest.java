package dev.dynamodouble.core.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One authorization question: may this principal perform this action on this resource, with these
 * condition-context values (keys in lower case; a key may have several values)?
 */
final class AccessRequest {
  private final Identity identity;
  private final String action;
  private final String resource;
  private final Map<String, List<String>> keys;

  AccessRequest(Identity identity, String action, String resource, Map<String, List<String>> keys) {
    this.identity = identity;
    this.action = action;
    this.resource = resource;
    this.keys = keys;
  }

  /**
   * The global condition keys of a request by {@code identity}: its principal and tags, the region,
   * TLS, the time (the engine clock's {@code now}, or null: aws:CurrentTime, aws:EpochTime) and the source
   * address ({@code sourceIp}, null when the transport has none).
   */
  static Map<String, List<String>> context(Identity identity, String region, boolean secure, Instant now,
                                           String sourceIp) {
    Map<String, List<String>> keys = new HashMap<>();
    if (now != null) {
      keys.put("aws:currenttime", List.of(now.truncatedTo(ChronoUnit.SECONDS).toString()));
      keys.put("aws:epochtime", List.of(Long.toString(now.getEpochSecond())));
    }
    if (sourceIp != null) {
      keys.put("aws:sourceip", List.of(sourceIp));
    }
    keys.put("aws:principalarn", List.of(identity.principalArn()));
    keys.put("aws:principalaccount", List.of(identity.account()));
    keys.put("aws:requestedregion", List.of(region));
    keys.put("aws:securetransport", List.of(Boolean.toString(secure)));
    String name = identity.principalName();
    if (name != null) {
      keys.put("aws:username", List.of(name));
    }
    for (Map.Entry<String, String> tag : identity.tags().entrySet()) {
      keys.put("aws:principaltag/" + tag.getKey().toLowerCase(Locale.ROOT), List.of(tag.getValue()));
    }
    return keys;
  }

  Identity identity() {
    return identity;
  }

  String action() {
    return action;
  }

  String resource() {
    return resource;
  }

  List<String> values(String key) {
    return keys.get(key);
  }

  /** Replaces policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team}} ...). */
  String substitute(String text) {
    int start = text.indexOf("${");
    if (start < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (start >= 0) {
      int end = text.indexOf('}', start);
      if (end < 0) {
        break;
      }
      out.append(text, at, start);
      String variable = text.substring(start + 2, end);
      List<String> values = switch (variable) {
        case "*" -> List.of("*");
        case "?" -> List.of("?");
        case "$" -> List.of("$");
        default -> keys.get(variable.toLowerCase(Locale.ROOT));
      };
      // An unknown variable matches nothing: keep a character no ARN or key value has.
      out.append(values == null || values.size() != 1 ? "\u0000" : values.get(0));
      at = end + 1;
      start = text.indexOf("${", at);
    }
    return out.append(text, at, text.length()).toString();
  }
}
