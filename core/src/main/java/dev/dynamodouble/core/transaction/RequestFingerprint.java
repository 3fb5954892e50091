package dev.dynamodouble.core.transaction;

import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A digest of a request's parameters, the same for two requests that mean the same thing: object
 * fields are taken in name order, so only what the request says counts, not how its JSON was
 * laid out. The idempotency store keeps this instead of the request (which can be 4 MB).
 *
 * <p>The request is first written out in that canonical form (every name and text with its
 * length in front, so no two different requests write the same bytes) and then digested in one
 * piece: the SDKs send a token with every TransactWriteItems, so this runs on every one.
 */
public final class RequestFingerprint {
  /** Objects up to this many members are put in name order by insertion sort. */
  private static final int SMALL_OBJECT = 16;
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(RequestFingerprint::sha256);

  private final byte[] digest;

  private RequestFingerprint(byte[] digest) {
    this.digest = digest;
  }

  /**
   * The fingerprint of {@code request} (a parsed JSON value, see {@link Json}) without its
   * top-level field {@code excluded}.
   */
  public static RequestFingerprint of(Object request, String excluded) {
    Canonical out = new Canonical();
    if (request instanceof JsonObject) {
      out.object((JsonObject) request, excluded);
    } else {
      out.value(request);
    }
    MessageDigest sha = SHA256.get();
    sha.update(out.bytes, 0, out.size);
    return new RequestFingerprint(sha.digest());
  }

  /** The canonical form being written. */
  private static final class Canonical {
    private byte[] bytes = new byte[1024];
    private int size;

    void object(JsonObject node, String excluded) {
      int n = node.size();
      int[] order = nameOrder(node);
      put('{');
      for (int k = 0; k < n; k++) {
        int i = order == null ? k : order[k];
        String name = node.name(i);
        Object value = node.value(i);
        if (!Json.isNull(value) && !name.equals(excluded)) {
          text(name);
          put(':');
          value(value);
        }
      }
      put('}');
    }

    void value(Object node) {
      if (node instanceof JsonObject) {
        object((JsonObject) node, null);
      } else if (node instanceof JsonArray) {
        JsonArray array = (JsonArray) node;
        put('[');
        for (int i = 0; i < array.size(); i++) {
          value(array.get(i));
          put(',');
        }
        put(']');
      } else if (node instanceof String) {
        put('s');
        text((String) node);
      } else {
        put('v'); // as JSON text; without a JSON generator for the common scalars (BOOL values)
        text(node instanceof Boolean || node instanceof Integer || node instanceof Long ? node.toString() : Json.toJson(node));
      }
    }

    /** Its UTF-8 bytes with their count in front (4 bytes, big-endian). */
    private void text(String s) {
      int length = s.length();
      ensure(4 + length);
      int start = size;
      int at = start + 4;
      for (int i = 0; i < length; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) { // not ASCII: encode it the long way
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          ensure(4 + utf8.length);
          System.arraycopy(utf8, 0, bytes, start + 4, utf8.length);
          at = start + 4 + utf8.length;
          break;
        }
        bytes[at++] = (byte) c;
      }
      int n = at - start - 4;
      bytes[start] = (byte) (n >>> 24);
      bytes[start + 1] = (byte) (n >>> 16);
      bytes[start + 2] = (byte) (n >>> 8);
      bytes[start + 3] = (byte) n;
      size = at;
    }

    private void put(char c) {
      ensure(1);
      bytes[size++] = (byte) c;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }

  /** The members' indexes in name order, or null when document order is name order. */
  private static int[] nameOrder(JsonObject node) {
    int n = node.size();
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = node.name(i - 1).compareTo(node.name(i)) < 0;
    }
    if (sorted) {
      return null;
    }
    if (n > SMALL_OBJECT) {
      Integer[] boxed = new Integer[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (a, b) -> node.name(a).compareTo(node.name(b)));
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = boxed[i];
      }
      return order;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      int member = i;
      int j = i;
      for (; j > 0 && node.name(order[j - 1]).compareTo(node.name(member)) > 0; j--) {
        order[j] = order[j - 1];
      }
      order[j] = member;
    }
    return order;
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
