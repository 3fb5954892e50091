package dev.dynamodouble.core.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Request bodies the SDKs compress ({@code Content-Encoding: gzip}, or {@code deflate}): decoded
 * before anything runs, up to the request size limit. An unknown or corrupt encoding executes
 * nothing; the caller answers it as an error.
 */
final class ContentEncoding {
  private ContentEncoding() {}

  /** Why a body could not be decoded. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean tooLarge;

    Refused(String message, boolean tooLarge) {
      super(message, null, false, false);
      this.tooLarge = tooLarge;
    }
  }

  /** Whether the header asks for no decoding (absent, empty or identity). */
  static boolean isIdentity(String header) {
    return header == null || header.isBlank() || header.trim().equalsIgnoreCase("identity");
  }

  /** The body decoded for {@code header} (a list of codings, applied in order). */
  static byte[] decode(String header, byte[] body, int offset, int length, int maxBytes) throws Refused {
    String[] codings = header.split(",");
    byte[] current = java.util.Arrays.copyOfRange(body, offset, offset + length);
    for (int i = codings.length - 1; i >= 0; i--) { // the last coding applied is undone first
      String coding = codings[i].trim().toLowerCase(Locale.ROOT);
      if (coding.equals("identity") || coding.isEmpty()) {
        continue;
      }
      if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("deflate")) {
        throw new Refused("Unsupported Content-Encoding: " + codings[i].trim(), false);
      }
      current = inflate(coding, current, maxBytes);
    }
    return current;
  }

  private static byte[] inflate(String coding, byte[] bytes, int maxBytes) throws Refused {
    try (InputStream in = coding.equals("deflate")
        ? new InflaterInputStream(new ByteArrayInputStream(bytes))
        : new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, bytes.length * 4));
      byte[] chunk = new byte[8192];
      for (int n; (n = in.read(chunk)) > 0; ) {
        if (out.size() + n > maxBytes) {
          throw new Refused("Request body too large once decoded", true);
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new Refused("The request body is not valid " + coding + " data", false);
    }
  }
}
