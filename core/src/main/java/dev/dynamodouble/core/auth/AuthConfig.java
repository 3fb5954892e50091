package dev.dynamodouble.core.auth;

import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The identities an endpoint with SigV4 verification accepts. From Java ({@link #of}) or from a
 * JSON file ({@link #read}):
 *
 * <pre>{@code
 * {"identities": [
 *   {"accessKeyId": "AKIDTENANTA", "secretAccessKey": "secret-a",
 *    "principal": "arn:aws:iam::123456789012:role/tenant-a",
 *    "sessionToken": "optional", "tags": {"tenant": "a"},
 *    "policies": [{"Version": "2012-10-17", "Statement": [...]}, "policies/tenant.json"]}
 * ]}
 * }</pre>
 *
 * A policy is inline (an object) or a file (a string, relative to the auth file's folder). A
 * top-level {@code "controlToken": "…"} opens the control API ({@code /_dynamodouble/…}) to
 * requests that send {@code Authorization: Bearer <token>}; without it, an endpoint with auth
 * answers no control request but the health check.
 */
public final class AuthConfig {
  private static final Set<String> IDENTITY_FIELDS =
      Set.of("accessKeyId", "secretAccessKey", "sessionToken", "principal", "tags", "policies");

  private final Map<String, Identity> byAccessKey;
  private final List<Identity> identities;
  private final String controlToken;

  private AuthConfig(List<Identity> identities) {
    this(identities, null);
  }

  private AuthConfig(List<Identity> identities, String controlToken) {
    Map<String, Identity> map = new LinkedHashMap<>();
    for (Identity identity : identities) {
      if (map.put(identity.accessKeyId(), identity) != null) {
        throw new PolicyException("access key " + identity.accessKeyId() + " is given twice");
      }
    }
    this.byAccessKey = Map.copyOf(map);
    this.identities = List.copyOf(identities);
    this.controlToken = controlToken;
  }

  /** These identities, and the control API open to requests with this bearer token. */
  public AuthConfig withControlToken(String token) {
    if (token == null || token.isEmpty()) {
      throw new PolicyException("the control token must be a non-empty string");
    }
    return new AuthConfig(identities, token);
  }

  /** The bearer token of the control API, or null: then the control API is closed (but its health check). */
  public String controlToken() {
    return controlToken;
  }

  public static AuthConfig of(Identity... identities) {
    return new AuthConfig(List.of(identities));
  }

  public static AuthConfig of(List<Identity> identities) {
    return new AuthConfig(identities);
  }

  /** Reads an auth file; a malformed one is a {@link PolicyException} naming the file and the problem. */
  public static AuthConfig read(Path file) {
    return PolicyException.parseFile(file, "auth", text -> parse(text, file.toAbsolutePath().getParent()));
  }

  /** Parses an auth file's text; policy files are resolved against {@code base}. */
  public static AuthConfig parse(String json, Path base) {
    Object root;
    try {
      root = Json.parse(json);
    } catch (IllegalArgumentException e) {
      throw new PolicyException("not valid JSON (" + e.getMessage() + ")");
    }
    if (!(root instanceof JsonObject document) || !(document.get("identities") instanceof JsonArray list)) {
      throw new PolicyException("expected an object with an \"identities\" list");
    }
    List<Identity> identities = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "identities[" + i + "]";
      if (!(list.get(i) instanceof JsonObject entry)) {
        throw new PolicyException(where + " must be an object");
      }
      try {
        identities.add(identity(entry, base, where));
      } catch (PolicyException e) {
        throw new PolicyException(e.getMessage().startsWith(where) ? e.getMessage() : where + ": " + e.getMessage());
      }
    }
    Object token = document.get("controlToken");
    if (token == null) {
      return new AuthConfig(identities);
    }
    if (!(token instanceof String text) || text.isEmpty()) {
      throw new PolicyException("\"controlToken\" must be a non-empty string");
    }
    return new AuthConfig(identities, text);
  }

  private static Identity identity(JsonObject entry, Path base, String where) {
    for (int i = 0; i < entry.size(); i++) {
      if (!IDENTITY_FIELDS.contains(entry.name(i))) {
        throw new PolicyException(where + ": unknown field \"" + entry.name(i) + "\"");
      }
    }
    String key = text(entry, "accessKeyId", where, true);
    String secret = text(entry, "secretAccessKey", where, true);
    String principal = text(entry, "principal", where, false);
    Identity identity = principal == null ? Identity.of(key, secret) : Identity.of(key, secret, principal);
    String token = text(entry, "sessionToken", where, false);
    if (token != null) {
      identity = identity.withSessionToken(token);
    }
    Object tags = entry.get("tags");
    if (tags != null) {
      if (!(tags instanceof JsonObject map)) {
        throw new PolicyException(where + ": tags must be an object of strings");
      }
      for (int i = 0; i < map.size(); i++) {
        identity = identity.withTag(map.name(i), String.valueOf(map.value(i)));
      }
    }
    Object policies = entry.get("policies");
    if (policies != null) {
      List<Object> items = policies instanceof JsonArray array ? array : List.of(policies);
      for (int i = 0; i < items.size(); i++) {
        Object policy = items.get(i);
        if (policy instanceof String file) {
          identity = identity.withPolicyFile(base == null ? Path.of(file) : base.resolve(file));
        } else if (policy instanceof JsonObject) {
          try {
            identity = identity.withPolicy(Policy.parse(Json.toJson(policy)));
          } catch (PolicyException e) {
            throw new PolicyException(where + ".policies[" + i + "]: " + e.getMessage());
          }
        } else {
          throw new PolicyException(where + ".policies[" + i + "] must be a policy object or a policy file name");
        }
      }
    }
    return identity;
  }

  private static String text(JsonObject entry, String field, String where, boolean required) {
    Object value = entry.get(field);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String s) || s.isEmpty()) {
      throw new PolicyException(where + ": \"" + field + "\" must be a non-empty string");
    }
    return s;
  }

  public List<Identity> identities() {
    return identities;
  }

  Map<String, Identity> byAccessKey() {
    return byAccessKey;
  }

  /** The account of the first identity, or null without identities. */
  public String account() {
    return identities.isEmpty() ? null : identities.get(0).account();
  }
}
