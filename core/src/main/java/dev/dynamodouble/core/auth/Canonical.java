package dev.dynamodouble.core.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The pieces of a SigV4 canonical request: encodings, the canonical query, header values, hashes. */
final class Canonical {
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  });

  private Canonical() {}

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static String sha256Hex(String text) {
    return hex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String sha256Hex(ByteBuffer bytes) {
    MessageDigest digest = SHA256.get();
    digest.update(bytes);
    return hex(digest.digest());
  }

  /**
   * The canonical URI of a path as sent: services other than S3 encode the (already encoded) path
   * once more, segment by segment, so a '%' becomes "%25".
   */
  static String uri(String rawPath) {
    if (rawPath.isEmpty() || rawPath.equals("/")) {
      return "/";
    }
    StringBuilder out = new StringBuilder(rawPath.length() + 8);
    encode(rawPath, out, true);
    return out.toString();
  }

  /** RFC 3986 encoding as SigV4 wants it: unreserved characters stay, everything else is %XX. */
  static void encode(String text, StringBuilder out, boolean keepSlash) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
  }

  /** The parameters of a raw query string, decoded, in order. */
  static List<Map.Entry<String, String>> parameters(String rawQuery) {
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    if (rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      parameters.add(Map.entry(name, value));
    }
    return parameters;
  }

  /** The canonical query: every parameter but {@code skip}, encoded, sorted by name then value. */
  static String query(List<Map.Entry<String, String>> parameters, String skip) {
    List<String[]> encoded = new ArrayList<>(parameters.size());
    for (Map.Entry<String, String> p : parameters) {
      if (p.getKey().equals(skip)) {
        continue;
      }
      StringBuilder name = new StringBuilder();
      StringBuilder value = new StringBuilder();
      encode(p.getKey(), name, false);
      encode(p.getValue(), value, false);
      encoded.add(new String[] {name.toString(), value.toString()});
    }
    encoded.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder out = new StringBuilder();
    for (String[] p : encoded) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(p[0]).append('=').append(p[1]);
    }
    return out.toString();
  }

  /** A header's canonical value: its values trimmed, runs of spaces folded to one, joined by ','. */
  static String headerValue(List<String> values) {
    if (values.size() == 1 && isCanonical(values.get(0))) {
      return values.get(0); // the usual case: nothing to trim or fold
    }
    StringBuilder out = new StringBuilder();
    for (int v = 0; v < values.size(); v++) {
      if (v > 0) {
        out.append(',');
      }
      String value = values.get(v).trim();
      boolean space = false;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == ' ' || c == '\t') {
          space = true;
        } else {
          if (space) {
            out.append(' ');
            space = false;
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  private static boolean isCanonical(String value) {
    int last = value.length() - 1;
    if (last < 0) {
      return true;
    }
    if (value.charAt(0) == ' ' || value.charAt(last) == ' ') {
      return false;
    }
    for (int i = 0; i < last; i++) {
      char c = value.charAt(i);
      if (c == '\t' || (c == ' ' && value.charAt(i + 1) == ' ')) {
        return false;
      }
    }
    return value.charAt(last) != '\t';
  }

  private static String decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    try {
      return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) { // a stray '%': kept as sent, so the signature decides
      return text;
    }
  }
}
