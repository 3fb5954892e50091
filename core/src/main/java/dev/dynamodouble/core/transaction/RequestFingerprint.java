package dev.dynamodouble.core.transaction;

import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A digest of a request's parameters, the same for two requests that mean the same thing: object
 * fields are taken in name order, so only what the request says counts, not how its JSON was
 * laid out. The idempotency store keeps this instead of the request (which can be 4 MB).
 */
public final class RequestFingerprint {
  private final byte[] digest;

  private RequestFingerprint(byte[] digest) {
    this.digest = digest;
  }

  /**
   * The fingerprint of {@code request} (a parsed JSON value, see {@link Json}) without its
   * top-level field {@code excluded}.
   */
  public static RequestFingerprint of(Object request, String excluded) {
    MessageDigest sha = sha256();
    if (request instanceof JsonObject) {
      object(sha, (JsonObject) request, excluded);
    } else {
      feed(sha, request);
    }
    return new RequestFingerprint(sha.digest());
  }

  private static void object(MessageDigest sha, JsonObject node, String excluded) {
    List<String> names = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      names.add(node.name(i));
    }
    Collections.sort(names);
    sha.update((byte) '{');
    for (String name : names) {
      Object value = node.get(name);
      if (!name.equals(excluded) && !Json.isNull(value)) {
        text(sha, name);
        sha.update((byte) ':');
        feed(sha, value);
      }
    }
    sha.update((byte) '}');
  }

  private static void feed(MessageDigest sha, Object node) {
    if (node instanceof JsonObject) {
      object(sha, (JsonObject) node, null);
    } else if (node instanceof JsonArray) {
      sha.update((byte) '[');
      for (Object element : (JsonArray) node) {
        feed(sha, element);
        sha.update((byte) ',');
      }
      sha.update((byte) ']');
    } else if (node instanceof String) {
      sha.update((byte) 's');
      text(sha, (String) node);
    } else {
      sha.update((byte) 'v');
      text(sha, Json.toJson(node));
    }
  }

  private static void text(MessageDigest sha, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    int n = bytes.length;
    sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestFingerprint f && Arrays.equals(f.digest, digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }
}
