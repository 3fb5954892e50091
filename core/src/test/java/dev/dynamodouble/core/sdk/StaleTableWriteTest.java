package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.LockWindows.awaitParkedIn;
import static dev.dynamodouble.core.sdk.LockWindows.join;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertNotFound;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.operation.ItemWrites;
import dev.dynamodouble.core.operation.RequestContext;
import dev.dynamodouble.core.pipeline.Pipeline;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.value.AttributeValue;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A write resolves its table before it takes the engine's lock; a DeleteTable, or a restore that
 * drops the table, may run in between. The write must then fail as a write to a missing table
 * does, not land in the orphaned table and answer success. Each test holds that window open.
 */
class StaleTableWriteTest {
  private static final String NOT_FOUND = "Requested resource not found";

  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private Engine engine;
  private EngineSnapshot withoutTable;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    engine = dynamo.engine();
    withoutTable = engine.snapshot();
    SdkTestSupport.createTable(client, "orders", "pk", null);
    // The table turns ACTIVE in a clock task: run it now, or a request made while a test holds the
    // engine's lock would wait behind it (a request runs due tasks first), not inside ItemWrites.
    engine.clock().runDue();
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  @Timeout(60)
  void aPutItemWaitingForTheLockWhileARestoreDropsItsTableIsNotFound() throws Exception {
    Table table = engine.region("us-east-1").find("orders");
    AtomicReference<CompletableFuture<Void>> put = new AtomicReference<>();
    engine.write(() -> {
      // The put resolves the table, then waits for the lock this thread holds.
      put.set(CompletableFuture.runAsync(() -> client.putItem(r -> r.tableName("orders").item(item("pk", s("o1"))))));
      awaitParkedIn(ItemWrites.class);
      engine.restore(withoutTable);
    });

    assertNotFound(() -> join(put.get()), NOT_FOUND);
    assertThat(table.snapshot().itemCount()).as("nothing written to the dropped table").isZero();
  }

  @Test
  @Timeout(60)
  void aBatchWriteWhoseTableIsDeletedBeforeItTakesTheLockIsNotFound() {
    Table table = engine.region("us-east-1").find("orders");
    AtomicBoolean deleted = new AtomicBoolean();
    // A batch asks its admissions about each item after it resolved its tables and before it
    // takes the lock: the table is deleted there, by another request.
    engine.pipeline().add(Pipeline.Order.CAPACITY, call -> call.addAdmission((t, key, write) -> {
      if (deleted.compareAndSet(false, true)) {
        CompletableFuture.runAsync(() -> client.deleteTable(r -> r.tableName("orders"))).join();
      }
      return true;
    }));

    assertNotFound(() -> client.batchWriteItem(r -> r.requestItems(Map.of("orders", java.util.List.of(
        WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", s("o1"))).build()).build())))),
        NOT_FOUND);
    assertThat(deleted).isTrue();
    assertThat(table.snapshot().itemCount()).as("nothing written to the deleted table").isZero();
  }

  @Test
  void aWriteToATableDeletedSinceItWasResolvedIsNotFoundOnEitherSideOfTheLock() {
    Table table = engine.region("us-east-1").itemTable("orders");
    client.deleteTable(r -> r.tableName("orders"));
    ItemKey key = table.keySchema().keyOfKey(Map.of("pk", AttributeValue.string("o1")));
    StoredItem item = StoredItem.of(Map.of("pk", AttributeValue.string("o1")));
    RequestContext context = new RequestContext(engine, engine.region("us-east-1"), "r1", null);

    DynamoException shared = catchThrowableOfType(DynamoException.class,
        () -> ItemWrites.apply(context, table, key, before -> item)); // nobody follows it: the shared side
    DynamoException exclusive = catchThrowableOfType(DynamoException.class,
        () -> engine.write(() -> ItemWrites.apply(context, table, key, before -> item)));

    for (DynamoException e : new DynamoException[] {shared, exclusive}) {
      assertThat(e).isNotNull();
      assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
      assertThat(e.getMessage()).isEqualTo(NOT_FOUND);
    }
    assertThat(table.snapshot().itemCount()).isZero();
  }
}
