package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** HTTPS: a generated self-signed certificate, user PEM files, clients that trust it and clients that do not. */
class TlsTest {
  private static DynamoDbClient client(DynamoDouble dynamo, boolean trust) {
    UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder();
    if (trust) {
      http.tlsTrustManagersProvider(() -> dynamo.tls().trustManagers());
    }
    return DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .httpClient(http.build()).overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
  }

  @Test
  void generatedCertificate(@TempDir Path dir) throws Exception {
    try (DynamoDouble dynamo = DynamoDouble.builder().tls(TlsSettings.selfSigned(dir)).start();
         DynamoDbClient trusting = client(dynamo, true);
         DynamoDbClient plain = client(dynamo, false)) {
      assertThat(dynamo.endpoint().getScheme()).isEqualTo("https");
      assertThat(trusting.listTables().tableNames()).isEmpty();
      assertThatThrownBy(plain::listTables).isInstanceOf(SdkClientException.class);
      X509Certificate cert = dynamo.tls().certificate();
      assertThat(cert.getSubjectAlternativeNames()).extracting(n -> (Object) n.get(1))
          .contains((Object) "localhost", "127.0.0.1");
      assertThat(Files.readString(dir.resolve("cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(Files.readString(dir.resolve("key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }
  }

  @Test
  void userPemFiles(@TempDir Path dir) {
    TlsSettings generated = TlsSettings.selfSigned(dir);
    try (DynamoDouble dynamo = DynamoDouble.builder()
        .tls(TlsSettings.pem(generated.certificateFile(), generated.keyFile())).start();
         DynamoDbClient client = client(dynamo, true)) {
      assertThat(client.listTables().tableNames()).isEmpty();
    }
  }

  @Test
  void badPemFilesNameTheFile(@TempDir Path dir) throws Exception {
    TlsSettings generated = TlsSettings.selfSigned(dir);
    Path rsa = dir.resolve("rsa.pem");
    Files.writeString(rsa, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> TlsSettings.pem(generated.certificateFile(), rsa))
        .hasMessageStartingWith(rsa + ": the key must be PEM PKCS#8");
    Path notCert = dir.resolve("not-cert.pem");
    Files.writeString(notCert, "hello");
    assertThatThrownBy(() -> TlsSettings.pem(notCert, generated.keyFile()))
        .hasMessageStartingWith(notCert + ": not a readable PEM certificate");
  }

  @Test
  void standaloneRefusesABadAuthFileBeforeStarting(@TempDir Path dir) throws Exception {
    Path auth = dir.resolve("auth.json");
    Files.writeString(auth, "{\"identities\": [{\"accessKeyId\": \"AKID\"}]}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--port", "0", "--auth", auth.toString()}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(auth + ": identities[0]: \"secretAccessKey\" must be a non-empty string");
  }

  @Test
  void tlsCertNeedsTlsKey() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(Main.run(new String[] {"--tls-cert", "x.pem"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tls-cert and --tls-key go together");
  }
}
