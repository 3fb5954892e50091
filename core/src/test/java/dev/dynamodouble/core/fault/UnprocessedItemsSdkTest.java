package dev.dynamodouble.core.fault;

import static dev.dynamodouble.core.sdk.SdkTestSupport.createTable;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Batches that leave chosen keys or a share of their items unprocessed, and callers that re-drive them. */
class UnprocessedItemsSdkTest {
  private DynamoDouble dynamo;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    createTable(client, "orders", "pk", null);
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private static Map<String, List<WriteRequest>> puts(String... ids) {
    List<WriteRequest> writes = new ArrayList<>();
    for (String id : ids) {
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", id)).build()).build());
    }
    return Map.of("orders", writes);
  }

  private long count() {
    return client.scan(r -> r.tableName("orders").consistentRead(true)).count();
  }

  @Test
  void chosenKeysAreLeftUnprocessed() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("BatchWriteItem").times(1).unprocessedKeys("o2"));
    BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(puts("o1", "o2", "o3")));
    assertThat(response.unprocessedItems().get("orders")).extracting(w -> w.putRequest().item().get("pk").s())
        .containsExactly("o2");
    assertThat(count()).isEqualTo(2);
    assertThat(rule.hits()).isEqualTo(1);
  }

  @Test
  void aShareOfTheBatchIsLeftUnprocessedAndTheCallerReDrivesIt() {
    FaultHandle rule = dynamo.faults().add(FaultRule.on("BatchWriteItem").times(2).unprocessedShare(0.5));
    Map<String, List<WriteRequest>> pending = puts("o1", "o2", "o3", "o4");
    List<Integer> unprocessedPerCall = new ArrayList<>();
    while (!pending.isEmpty()) { // what every BatchWriteItem caller must do
      Map<String, List<WriteRequest>> request = pending;
      pending = client.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
      unprocessedPerCall.add(pending.values().stream().mapToInt(List::size).sum());
    }
    assertThat(unprocessedPerCall).containsExactly(2, 1, 0);
    assertThat(count()).isEqualTo(4);
    assertThat(rule.hits()).isEqualTo(2);
  }

  @Test
  void batchGetItemLeavesChosenKeysUnprocessed() {
    client.batchWriteItem(r -> r.requestItems(puts("o1", "o2")));
    FaultHandle rule = dynamo.faults().add(FaultRule.on("BatchGetItem").unprocessedKeys("o1"));
    BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(Map.of("orders",
        KeysAndAttributes.builder().keys(Map.of("pk", s("o1")), Map.of("pk", s("o2"))).build())));
    assertThat(response.responses().get("orders")).extracting(i -> i.get("pk").s()).containsExactly("o2");
    assertThat(response.unprocessedKeys().get("orders").keys()).containsExactly(Map.of("pk", s("o1")));
    assertThat(rule.hits()).isEqualTo(1);
  }
}
