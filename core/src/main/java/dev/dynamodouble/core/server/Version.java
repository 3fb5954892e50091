package dev.dynamodouble.core.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version: from the resource Maven writes at build time, else the jar manifest. */
final class Version {
  private static final String RESOURCE = "/dev/dynamodouble/core/version.properties";

  private Version() {}

  static String current() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "");
        if (!version.isEmpty() && !version.startsWith("${")) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall back to the manifest
    }
    String manifest = Version.class.getPackage().getImplementationVersion();
    return manifest != null ? manifest : "unknown";
  }
}
