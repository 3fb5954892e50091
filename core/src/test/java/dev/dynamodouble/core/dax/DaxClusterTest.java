package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A test class against one endpoint with a DAX cluster: a plain SDK client and the real DAX client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DaxClusterTest {
  protected DynamoDouble dynamo;
  /** The SDK client, straight to the table. */
  protected DynamoDbClient direct;
  /** The real DAX client, through the cluster. */
  protected DynamoDbClient dax;

  /** The endpoint's settings; the DAX cluster listens on any free port. */
  abstract DynamoDouble.Builder endpoint();

  /** Creates the tables (through {@link #direct}). */
  abstract void tables();

  @BeforeAll
  final void startCluster() {
    dynamo = endpoint().daxPort(0).start();
    direct = SdkTestSupport.client(dynamo);
    tables();
    dax = DaxClients.dax(dynamo);
  }

  @AfterAll
  final void stopCluster() {
    dax.close();
    direct.close();
    dynamo.close();
  }
}
