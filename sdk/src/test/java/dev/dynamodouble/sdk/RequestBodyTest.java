package dev.dynamodouble.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class RequestBodyTest {
  private static final byte[] BODY = "{\"TableName\":\"t\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void readsTheDeclaredLength() throws IOException {
    assertThat(RequestBody.read(new ByteArrayInputStream(BODY), request(Integer.toString(BODY.length)))).isEqualTo(BODY);
  }

  @Test
  void readsEverythingWithoutOrWithAnUnusableContentLength() throws IOException {
    for (String declared : new String[] {null, "", "x", "-1", Long.toString(Long.MAX_VALUE)}) {
      assertThat(RequestBody.read(new ByteArrayInputStream(BODY), request(declared))).as(declared).isEqualTo(BODY);
    }
  }

  @Test
  void keepsWhatTheStreamHoldsWhenItDisagreesWithTheDeclaredLength() throws IOException {
    assertThat(RequestBody.read(new ByteArrayInputStream(BODY), request(Integer.toString(BODY.length - 5))))
        .isEqualTo(BODY);
    assertThat(RequestBody.read(new ByteArrayInputStream(BODY), request(Integer.toString(BODY.length + 5))))
        .isEqualTo(BODY);
    assertThat(RequestBody.read(new ByteArrayInputStream(new byte[0]), request("0"))).isEmpty();
  }

  private static SdkHttpRequest request(String contentLength) {
    SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
        .uri(URI.create("http://dynamo-double.in-process/"));
    if (contentLength != null) {
      request.putHeader("Content-Length", contentLength);
    }
    return request.build();
  }
}
