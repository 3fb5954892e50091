package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialScopeTest {

  /** What the region is by the split-based reading it replaced. */
  private static String bySplit(String authorization) {
    int start = authorization.indexOf("Credential=");
    if (start < 0) {
      return null;
    }
    int end = authorization.indexOf(',', start);
    String credential = authorization.substring(start + 11, end < 0 ? authorization.length() : end).trim();
    String[] parts = credential.split("/");
    return parts.length >= 5 && !parts[2].isEmpty() ? parts[2] : null;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x",
      "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/dynamodb/aws4_request",
      "Credential= AKID/d/r/s/t ,",
      "Credential=AKID/d//s/t",
      "Credential=AKID/d/r/s/",
      "Credential=AKID/d/r/s//",
      "Credential=AKID/d/r/s//x",
      "Credential=AKID/d/r/s",
      "Credential=/d/r/s/t",
      "Credential=a/b/c/d/e/f/g",
      "Credential=",
      "no credential here",
      "Credential=AKID/d/r/s/t/",
  })
  void readsTheRegionAsBefore(String authorization) {
    assertThat(CredentialScope.region(authorization)).isEqualTo(bySplit(authorization));
  }
}
