package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.DynamoDouble;
import java.net.URI;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DAX cluster of a test class's endpoint and its client, built on first use (only when the DAX
 * library is on the classpath) and closed with the class.
 */
public final class DaxAccess implements AutoCloseable {
  static final String LIBRARY_CLASS = "software.amazon.dax.ClusterDaxClient";

  private final DynamoDouble dynamo;
  private final String region;
  private DynamoDbClient client;
  private boolean closed;

  DaxAccess(DynamoDouble dynamo, String region) {
    this.dynamo = dynamo;
    this.region = region;
  }

  /** The cluster's {@code dax://host:port} URL; starts the endpoint's servers if they are not running. */
  public URI endpoint() {
    return dynamo.daxEndpoint();
  }

  /** The real DAX client of the cluster, signing with the extension's own key. */
  public synchronized DynamoDbClient client(String what) {
    if (client == null) {
      if (!libraryPresent()) {
        throw new ParameterResolutionException("Cannot supply " + what + ": the DAX client is not on the classpath. "
            + "Add the test dependency software.amazon.dax:amazon-dax-client (2.x)");
      }
      client = DaxClientFactory.build(endpoint(), region,
          StaticCredentialsProvider.create(AwsBasicCredentials.create(Security.OWN_KEY, Security.OWN_KEY)));
    }
    return client;
  }

  static boolean libraryPresent() {
    try {
      Class.forName(LIBRARY_CLASS, false, DaxAccess.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (!closed && client != null) {
      client.close();
    }
    closed = true;
  }
}
