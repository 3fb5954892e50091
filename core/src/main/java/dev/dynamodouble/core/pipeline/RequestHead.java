package dev.dynamodouble.core.pipeline;

import java.util.List;

/**
 * What the transport saw of a request besides its body: method, path, query and headers, for the
 * stages that need them (SigV4 verification). Transport-neutral: the Netty server and an
 * in-process transport each provide their own view.
 */
public interface RequestHead {
  /** The HTTP method, e.g. {@code POST}. */
  String method();

  /** The path as sent (still percent-encoded), e.g. {@code /}. */
  String rawPath();

  /** The query string as sent (still percent-encoded), without the '?', or "" when there is none. */
  String rawQuery();

  /** Every value of a header (case-insensitive name), in the order sent; empty when absent. */
  List<String> headers(String name);

  /** The first value of a header, or null. */
  default String header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Whether the request came over TLS. */
  boolean secure();

  /** The IP address the request came from (IAM's aws:SourceIp), or null when the transport has none. */
  default String sourceIp() {
    return null;
  }
}
