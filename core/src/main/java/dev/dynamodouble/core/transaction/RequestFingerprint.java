package dev.dynamodouble.core.transaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
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

  /** The fingerprint of {@code request} without its top-level field {@code excluded}. */
  public static RequestFingerprint of(JsonNode request, String excluded) {
    MessageDigest sha = sha256();
    if (request.isObject()) {
      List<String> names = new ArrayList<>();
      request.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      sha.update((byte) '{');
      for (String name : names) {
        if (!name.equals(excluded) && !request.get(name).isNull()) {
          field(sha, name, request.get(name));
        }
      }
      sha.update((byte) '}');
    } else {
      feed(sha, request);
    }
    return new RequestFingerprint(sha.digest());
  }

  private static void field(MessageDigest sha, String name, JsonNode value) {
    text(sha, name);
    sha.update((byte) ':');
    feed(sha, value);
  }

  private static void feed(MessageDigest sha, JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.size());
      Iterator<String> it = node.fieldNames();
      it.forEachRemaining(names::add);
      Collections.sort(names);
      sha.update((byte) '{');
      for (String name : names) {
        if (!node.get(name).isNull()) {
          field(sha, name, node.get(name));
        }
      }
      sha.update((byte) '}');
    } else if (node.isArray()) {
      sha.update((byte) '[');
      for (JsonNode element : node) {
        feed(sha, element);
        sha.update((byte) ',');
      }
      sha.update((byte) ']');
    } else if (node.isTextual()) {
      sha.update((byte) 's');
      text(sha, node.textValue());
    } else {
      sha.update((byte) 'v');
      text(sha, node.toString());
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
