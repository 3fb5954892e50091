package dev.dynamodouble.benchmarks.sut;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DDBExceptionMappingInvocationHandler;
import software.amazon.dynamodb.services.local.shared.access.LocalDBClient;
import software.amazon.dynamodb.services.local.shared.access.sqlite.SQLiteDBAccess;
import software.amazon.dynamodb.services.local.shared.jobs.JobsRegister;

/**
 * DynamoDB Local's embedded client ({@code DynamoDBEmbedded}, in memory): an SDK v2
 * {@link DynamoDbClient} whose calls go straight to DynamoDB Local's request handler in this JVM,
 * no HTTP. The in-process counterpart of {@link DynamoDoubleInProcess}: side by side, the
 * {@code inp/DDBLe} ratio. In process only: it has no endpoint and no cold start.
 *
 * <p>Wired as {@code DynamoDBEmbedded.create()} wires it (an in-memory SQLite database, the local
 * client with its job pool of 10, the exception-mapping handler behind a {@link DynamoDbClient}
 * proxy) but for its telemetry call, which needs the Pinpoint SDK module the harness excludes (see
 * the pom): {@code DynamoDBEmbedded.create(false)} fails on it even with telemetry off.
 */
public final class DynamoDbLocalEmbedded implements SystemUnderTest {
  public static final String ID = DynamoDbLocalOptIn.EMBEDDED;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "DynamoDB Local embedded";
  }

  @Override
  public RunningEndpoint start(int port) throws ReflectiveOperationException {
    if (System.getProperty(DynamoDbLocal.LIBRARY_PATH_PROPERTY) == null) {
      System.setProperty(DynamoDbLocal.LIBRARY_PATH_PROPERTY, DynamoDbLocal.nativeLibraryDirectory());
    }
    LocalDBClient local = new LocalDBClient(new SQLiteDBAccess(), new JobsRegister(Executors.newFixedThreadPool(10), false));
    Constructor<DDBExceptionMappingInvocationHandler> handler =
        DDBExceptionMappingInvocationHandler.class.getDeclaredConstructor(LocalDBClient.class);
    handler.setAccessible(true); // package-private: DynamoDBEmbedded's own
    DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (InvocationHandler) handler.newInstance(local));
    return new Running(local, client);
  }

  @Override
  public List<String> coldStartCommand(int port) throws SystemUnavailableException {
    throw new SystemUnavailableException("in process only: it starts no server");
  }

  private record Running(LocalDBClient local, DynamoDbClient client) implements RunningEndpoint, OwnClient {
    @Override
    public URI endpoint() {
      return URI.create("embedded://dynamodb-local"); // never dialled: clients come from client()
    }

    @Override
    public void close() {
      local.shutdown();
    }
  }
}
