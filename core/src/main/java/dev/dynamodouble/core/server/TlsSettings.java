package dev.dynamodouble.core.server;

import dev.dynamodouble.core.time.DynamoClock;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS for an endpoint: a self-signed certificate generated at start (for localhost, 127.0.0.1
 * and ::1, written as PEM files so that clients can trust it) or the user's PEM certificate and
 * PKCS#8 key.
 */
public final class TlsSettings {
  private final Path certificateFile;
  private final Path keyFile;
  private final X509Certificate certificate;
  private volatile SslContext context;

  private TlsSettings(Path certificateFile, Path keyFile, X509Certificate certificate) {
    this.certificateFile = certificateFile;
    this.keyFile = keyFile;
    this.certificate = certificate;
  }

  /** A fresh self-signed certificate, written to {@code cert.pem} and {@code key.pem} in a new temporary folder. */
  public static TlsSettings selfSigned() {
    try {
      Path folder = Files.createTempDirectory("dynamo-double-tls");
      folder.toFile().deleteOnExit();
      return selfSigned(folder);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a folder for the TLS certificate: " + e, e);
    }
  }

  /** A fresh self-signed certificate, written to {@code cert.pem} and {@code key.pem} in {@code folder}. */
  public static TlsSettings selfSigned(Path folder) {
    try {
      CertificateGenerator.Generated generated = CertificateGenerator.generate("localhost",
          List.of("localhost", "127.0.0.1", "::1"), DynamoClock.system().now());
      Files.createDirectories(folder);
      Path cert = folder.resolve("cert.pem");
      Path key = folder.resolve("key.pem");
      Files.writeString(cert, pem("CERTIFICATE", generated.certificate().getEncoded()));
      Files.writeString(key, pem("PRIVATE KEY", generated.keys().getPrivate().getEncoded()));
      key.toFile().setReadable(false, false);
      key.toFile().setReadable(true, true);
      cert.toFile().deleteOnExit();
      key.toFile().deleteOnExit();
      return new TlsSettings(cert, key, generated.certificate());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a self-signed TLS certificate: " + e, e);
    }
  }

  /**
   * The user's certificate (PEM, the chain from the server's certificate up) and private key
   * (PEM, PKCS#8: {@code BEGIN PRIVATE KEY}). Checked now: a problem names the file.
   */
  public static TlsSettings pem(Path certificateFile, Path keyFile) {
    X509Certificate certificate;
    try (InputStream in = Files.newInputStream(certificateFile)) {
      certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException(certificateFile + ": not a readable PEM certificate (" + e.getMessage() + ")", e);
    }
    String key;
    try {
      key = Files.readString(keyFile, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(keyFile + ": cannot read the key file (" + e + ")", e);
    }
    if (!key.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException(keyFile + ": the key must be PEM PKCS#8 (-----BEGIN PRIVATE KEY-----); "
          + "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem");
    }
    TlsSettings settings = new TlsSettings(certificateFile, keyFile, certificate);
    settings.serverContext(); // fails now, naming the files, if the key does not fit
    return settings;
  }

  /** The PEM file of the certificate clients must trust (e.g. {@code aws --ca-bundle}). */
  public Path certificateFile() {
    return certificateFile;
  }

  public Path keyFile() {
    return keyFile;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** Trust managers that trust this endpoint's certificate, for clients (SDK http clients). */
  public TrustManager[] trustManagers() {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("dynamo-double", certificate);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build trust managers: " + e, e);
    }
  }

  SslContext serverContext() {
    SslContext built = context;
    if (built == null) {
      try {
        built = SslContextBuilder.forServer(certificateFile.toFile(), keyFile.toFile()).build();
      } catch (SSLException | IllegalArgumentException e) {
        throw new IllegalArgumentException(certificateFile + ", " + keyFile + ": cannot serve TLS with this "
            + "certificate and key (" + e.getMessage() + ")", e);
      }
      context = built;
    }
    return built;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

}
