package dev.dynamodouble.sdk;

import dev.dynamodouble.core.pipeline.RequestHead;
import java.util.List;
import software.amazon.awssdk.http.SdkHttpRequest;

/** The SDK's serialized request as the engine's pipeline sees a request head (SigV4 verification reads it). */
final class SdkRequestHead implements RequestHead {
  private final SdkHttpRequest request;

  SdkRequestHead(SdkHttpRequest request) {
    this.request = request;
  }

  @Override
  public String method() {
    return request.method().name();
  }

  @Override
  public String rawPath() {
    String path = request.encodedPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  @Override
  public String rawQuery() {
    return request.encodedQueryParameters().orElse("");
  }

  @Override
  public List<String> headers(String name) {
    return request.matchingHeaders(name);
  }

  @Override
  public String header(String name) {
    return request.firstMatchingHeader(name).orElse(null);
  }

  @Override
  public boolean secure() {
    return "https".equalsIgnoreCase(request.protocol());
  }
}
