package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.LockWindows.join;
import static dev.dynamodouble.core.sdk.LockWindows.updateTable;
import static dev.dynamodouble.core.sdk.LockWindows.whileParked;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.attr;
import static dev.dynamodouble.core.sdk.SdkTestSupport.hash;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.operation.ItemWrites;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * As GlobalIndexAddedMidWriteTest, for a vector index: a PutItem checked before an UpdateTable
 * added a vector index whose search schema declares the attribute as a number is refused under the
 * lock, as it would be once the index exists.
 */
class VectorIndexAddedMidWriteTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private Engine engine;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    engine = dynamo.engine();
    client.createTable(r -> r.tableName("docs").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)));
    engine.clock().runDue(); // ACTIVE now, or the write would wait behind that task, not where the test waits
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  @Timeout(60)
  void aPutItemValidatedBeforeTheVectorIndexWasAddedIsRefused() throws Throwable {
    CompletableFuture<Void> put = whileParked(engine, ItemWrites.class.getName(),
        () -> client.putItem(r -> r.tableName("docs").item(item("pk", "d1", "grp", "not a number"))),
        () -> updateTable(engine, "{\"TableName\":\"docs\",\"AttributeDefinitions\":[{\"AttributeName\":\"grp\","
            + "\"AttributeType\":\"N\"}],\"VectorIndexUpdates\":[{\"Create\":{\"IndexName\":\"byGrp\","
            + "\"VectorAttribute\":{\"AttributeName\":\"emb\"},\"Dimensions\":2,\"DistanceFunction\":\"COSINE\","
            + "\"SearchSchema\":[{\"AttributeName\":\"grp\",\"SearchSchemaElementType\":\"HASH\"}],"
            + "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}}]}"));

    assertValidation(() -> join(put), "One or more parameter values were invalid: Type mismatch for "
        + "Index Key grp Expected: N Actual: S IndexName: byGrp");
    assertThat(client.getItem(r -> r.tableName("docs").key(item("pk", "d1"))).item()).isEmpty();
  }
}
