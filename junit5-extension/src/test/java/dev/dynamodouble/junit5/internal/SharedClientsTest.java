package dev.dynamodouble.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.fault.FaultRule;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * A pooled client goes to the next class only if its retry state cannot have moved: one class's
 * faults (retried errors, throttling) must not change how a later class's client retries.
 */
class SharedClientsTest {
  private static int regions;

  private final List<DynamoDbClient> built = new ArrayList<>();
  private final List<DynamoDouble> engines = new ArrayList<>();
  /** A region of this test alone, so the pool holds only its clients. */
  private Region region;

  @BeforeEach
  void firstClassOfTheJvmBuildsItsOwn() {
    region = Region.of("pool-test-first");
    SharedClients.Lease lease = SharedClients.lease(engine(), region, this::build);
    if (lease != null) {
      lease.end();
    }
    built.clear();
    region = Region.of("pool-test-" + ++regions);
  }

  @AfterEach
  void close() {
    engines.forEach(DynamoDouble::close);
  }

  @Test
  void aCleanClientServesTheNextClass() {
    useAndEnd(engine());
    useAndEnd(engine());

    assertThat(built).hasSize(1);
  }

  @Test
  void aClientAnsweredAnErrorThatIsNotRetriedServesTheNextClass() {
    SharedClients.Lease first = SharedClients.lease(engine(), region, this::build);
    assertThatThrownBy(() -> first.client().describeTable(r -> r.tableName("missing")))
        .isInstanceOf(ResourceNotFoundException.class);
    first.end();
    useAndEnd(engine());

    assertThat(built).hasSize(1);
  }

  @Test
  void aClientThatRetriedAnErrorIsClosedNotShared() {
    DynamoDouble faulted = engine();
    faulted.faults().add(FaultRule.on("ListTables").times(1).error("InternalServerError"));
    useAndEnd(faulted); // the SDK retries the 500 and succeeds
    useAndEnd(engine());

    assertThat(built).hasSize(2);
  }

  @Test
  void aClientThatWasThrottledIsClosedNotShared() {
    DynamoDouble faulted = engine();
    faulted.faults().add(FaultRule.on("ListTables").times(1).error("ThrottlingException"));
    useAndEnd(faulted);
    useAndEnd(engine());

    assertThat(built).hasSize(2);
  }

  private void useAndEnd(DynamoDouble engine) {
    SharedClients.Lease lease = SharedClients.lease(engine, region, this::build);
    assertThat(lease.client().listTables().tableNames()).isEmpty();
    lease.end();
  }

  private DynamoDouble engine() {
    DynamoDouble engine = DynamoDouble.builder().build();
    engines.add(engine);
    return engine;
  }

  private DynamoDbClient build(software.amazon.awssdk.http.SdkHttpClient http,
                               software.amazon.awssdk.core.interceptor.ExecutionInterceptor watch) {
    DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create("http://localhost"))
        .httpClient(http).region(region).credentialsProvider(AnonymousCredentialsProvider.create())
        .overrideConfiguration(c -> c.addExecutionInterceptor(watch)).build();
    built.add(client);
    return client;
  }
}
