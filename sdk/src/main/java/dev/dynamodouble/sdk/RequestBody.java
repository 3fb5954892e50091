package dev.dynamodouble.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Reads the body of a request the SDK serialized. With the Content-Length the SDK declared, into
 * one array of that size: {@link InputStream#readAllBytes()} fills 8 KB buffers and copies them,
 * which was two thirds of what the transport and the engine allocate for a small GetItem.
 */
final class RequestBody {
  /** Above this, the declared length is not trusted for one up-front array. */
  private static final int LARGEST_PRESIZED = 1 << 20;

  private RequestBody() {}

  /** All the bytes of {@code in} (more or fewer than declared, if so: as an HTTP server would have them all). */
  static byte[] read(InputStream in, SdkHttpRequest request) throws IOException {
    int declared = declaredLength(request);
    if (declared < 0) {
      return in.readAllBytes();
    }
    byte[] body = new byte[declared];
    int read = in.readNBytes(body, 0, declared);
    if (read < declared) {
      return Arrays.copyOf(body, read);
    }
    int next = in.read();
    if (next < 0) {
      return body;
    }
    byte[] rest = in.readAllBytes();
    byte[] all = Arrays.copyOf(body, declared + 1 + rest.length);
    all[declared] = (byte) next;
    System.arraycopy(rest, 0, all, declared + 1, rest.length);
    return all;
  }

  /** The Content-Length header when it is a plausible size, else -1. */
  private static int declaredLength(SdkHttpRequest request) {
    String value = request.firstMatchingHeader("Content-Length").orElse(null);
    if (value == null) {
      return -1;
    }
    try {
      long length = Long.parseLong(value.trim());
      return length >= 0 && length <= LARGEST_PRESIZED ? (int) length : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
