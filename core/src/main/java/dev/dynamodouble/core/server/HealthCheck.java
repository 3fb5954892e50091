package dev.dynamodouble.core.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The image's health probe: {@code java -cp dynamo-double.jar dev.dynamodouble.core.server.HealthCheck [URL]}
 * exits 0 when {@code GET URL} answers 200, else 1. Without a URL it probes the one the server wrote
 * to the {@link EndpointFile} the {@value EndpointFile#ENV} environment variable names (the image
 * sets it: whatever {@code --port} or {@code --tls} the server was started with), else
 * {@value #DEFAULT_URL}. A class of its own so the image needs no curl or shell, and the probe JVM
 * loads nothing of the engine. Over HTTPS it trusts any certificate and host name: it checks that
 * its own container's server answers on loopback, not who the server is.
 */
public final class HealthCheck {
  static final String DEFAULT_URL = "http://127.0.0.1:8000/_dynamodouble/health";
  private static final int TIMEOUT_MILLIS = 3000;

  private HealthCheck() {}

  public static void main(String[] args) {
    System.exit(run(args.length > 0 ? args[0] : null, System.getenv(EndpointFile.ENV), System.err));
  }

  /** Probes {@code url}, else the URL in {@code endpointFile}, else the default. */
  static int run(String url, String endpointFile, PrintStream err) {
    if (url == null && endpointFile != null && !endpointFile.isBlank()) {
      try {
        url = EndpointFile.read(Path.of(endpointFile));
      } catch (IOException e) {
        err.println("dynamo-double health check: cannot read " + endpointFile + ": " + e);
        return 1;
      }
      if (url == null) {
        err.println("dynamo-double health check: the server has not written " + endpointFile + " (not listening yet)");
        return 1;
      }
    }
    return probe(url == null ? DEFAULT_URL : url, err);
  }

  static int probe(String url, PrintStream err) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      if (connection instanceof HttpsURLConnection https) {
        https.setSSLSocketFactory(trustingAnyCertificate().getSocketFactory());
        https.setHostnameVerifier((host, session) -> true);
      }
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      int status = connection.getResponseCode();
      connection.disconnect();
      if (status == 200) {
        return 0;
      }
      err.println("dynamo-double health check: " + url + " answered " + status);
    } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
      err.println("dynamo-double health check: " + url + ": " + e);
    }
    return 1;
  }

  private static SSLContext trustingAnyCertificate() throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    return context;
  }
}
