package dev.dynamodouble.core.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One authorization question: may this principal perform this action on this resource, with these
 * condition-context values (keys in lower case; a key may have several values)? The access's own
 * keys are read first, then the request's global ones.
 */
final class AccessRequest {
  /**
   * The global condition keys of one request, shared by all its accesses. The time keys
   * (aws:CurrentTime, aws:EpochTime, from {@code now}, or none when it is null) are formatted only
   * when a condition or a policy variable reads them.
   */
  record GlobalKeys(Map<String, List<String>> keys, Instant now) {
    static final GlobalKeys NONE = new GlobalKeys(Map.of(), null);

    List<String> get(String key) {
      List<String> values = keys.get(key);
      if (values != null || now == null) {
        return values;
      }
      return switch (key) {
        case "aws:currenttime" -> List.of(now.truncatedTo(ChronoUnit.SECONDS).toString());
        case "aws:epochtime" -> List.of(Long.toString(now.getEpochSecond()));
        default -> null;
      };
    }
  }

  private final Identity identity;
  private final String action;
  private final String resource;
  private final Map<String, List<String>> keys;
  private final GlobalKeys global;

  /** A request with only these keys (no global ones). */
  AccessRequest(Identity identity, String action, String resource, Map<String, List<String>> keys) {
    this(identity, action, resource, keys, GlobalKeys.NONE);
  }

  AccessRequest(Identity identity, String action, String resource, Map<String, List<String>> keys, GlobalKeys global) {
    this.identity = identity;
    this.action = action;
    this.resource = resource;
    this.keys = keys;
    this.global = global;
  }

  /**
   * The global condition keys of a request by {@code identity}: its principal and tags, the region,
   * TLS, the time (the engine clock's {@code now}, or null: aws:CurrentTime, aws:EpochTime) and the source
   * address ({@code sourceIp}, null when the transport has none).
   */
  static GlobalKeys context(Identity identity, String region, boolean secure, Instant now, String sourceIp) {
    Map<String, List<String>> keys = new HashMap<>();
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
    return new GlobalKeys(keys, now);
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
    List<String> values = keys.get(key);
    return values != null ? values : global.get(key);
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
        default -> values(variable.toLowerCase(Locale.ROOT));
      };
      // An unknown variable matches nothing: keep a character no ARN or key value has.
      out.append(values == null || values.size() != 1 ? "\u0000" : values.get(0));
      at = end + 1;
      start = text.indexOf("${", at);
    }
    return out.append(text, at, text.length()).toString();
  }
}
