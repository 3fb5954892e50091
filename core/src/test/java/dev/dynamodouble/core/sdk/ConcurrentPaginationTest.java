package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.n;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A paginated read never returns an item twice, and never skips an item that existed unchanged
 * for the whole read, while other threads insert, update and delete other items.
 */
class ConcurrentPaginationTest {
  private static final int STABLE = 300;

  @Test
  void paginatedReadsStayCorrectUnderConcurrentWrites() throws Exception {
    try (DynamoDouble dynamo = DynamoDouble.builder().start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "pages", "pk", "sk");
      for (int i = 0; i < STABLE; i++) {
        int k = i;
        client.putItem(r -> r.tableName("pages").item(item("pk", "p" + (k % 3), "sk", String.format("stable-%04d", k))));
      }
      AtomicBoolean reading = new AtomicBoolean(true);
      ExecutorService writers = Executors.newFixedThreadPool(3);
      List<Future<Integer>> written = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int writer = w;
        written.add(writers.submit(() -> {
          try (DynamoDbClient own = SdkTestSupport.client(dynamo)) {
            int ops = 0;
            for (int i = 0; i < 2000 && reading.get(); i++) {
              String sk = String.format("volatile-%d-%04d", writer, i % 50);
              String pk = "p" + (i % 3);
              if (i % 4 == 3) {
                own.deleteItem(r -> r.tableName("pages").key(item("pk", pk, "sk", sk)));
              } else {
                int v = i;
                own.putItem(r -> r.tableName("pages").item(item("pk", pk, "sk", sk, "v", n("" + v))));
              }
              ops++;
            }
            return ops;
          }
        }));
      }
      try {
        for (int round = 0; round < 3; round++) {
          Map<String, Integer> scanned = scanAll(client);
          assertStableSeenOnce(scanned, null);
          for (int p = 0; p < 3; p++) {
            assertStableSeenOnce(queryAll(client, "p" + p), "p" + p);
          }
        }
      } finally {
        reading.set(false);
        writers.shutdown();
      }
      int operations = 0;
      for (Future<Integer> f : written) {
        operations += f.get();
      }
      assertThat(operations).isPositive();
    }
  }

  private static void assertStableSeenOnce(Map<String, Integer> seen, String partition) {
    for (Map.Entry<String, Integer> e : seen.entrySet()) {
      assertThat(e.getValue()).as("times %s was returned", e.getKey()).isEqualTo(1);
    }
    for (int i = 0; i < STABLE; i++) {
      String pk = "p" + (i % 3);
      if (partition == null || partition.equals(pk)) {
        assertThat(seen).containsKey(pk + "/" + String.format("stable-%04d", i));
      }
    }
  }

  private static Map<String, Integer> scanAll(DynamoDbClient client) {
    Map<String, Integer> seen = new HashMap<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = client.scan(r -> r.tableName("pages").limit(17).exclusiveStartKey(from));
      page.items().forEach(i -> seen.merge(i.get("pk").s() + "/" + i.get("sk").s(), 1, Integer::sum));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return seen;
  }

  private static Map<String, Integer> queryAll(DynamoDbClient client, String pk) {
    Map<String, Integer> seen = new HashMap<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = client.query(r -> r.tableName("pages").keyConditionExpression("pk = :p")
          .expressionAttributeValues(Map.of(":p", s(pk))).limit(13).exclusiveStartKey(from));
      page.items().forEach(i -> seen.merge(i.get("pk").s() + "/" + i.get("sk").s(), 1, Integer::sum));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return seen;
  }
}
