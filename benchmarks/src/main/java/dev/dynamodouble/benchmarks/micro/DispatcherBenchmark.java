package dev.dynamodouble.benchmarks.micro;

import dev.dynamodouble.benchmarks.BenchData;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.time.DynamoClock;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Core's server-side work for one request, without HTTP: {@code Dispatcher.handle} with the
 * bodies the AWS SDK sends for the harness's workloads (JSON in, operation, JSON and CRC32 out). Run with {@code -prof gc} for the allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DispatcherBenchmark {

  private static final String TARGET = "DynamoDB_20120810.";
  private static final String GET_ITEM = TARGET + "GetItem";
  private static final String PUT_ITEM = TARGET + "PutItem";
  private static final String QUERY = TARGET + "Query";
  private static final String UPDATE_ITEM = TARGET + "UpdateItem";
  private static final String BATCH_WRITE = TARGET + "BatchWriteItem";
  private static final String TRANSACT_WRITE = TARGET + "TransactWriteItems";
  private static final int PUT_KEYS = 1_000;

  private Engine engine;
  private Dispatcher dispatcher;
  private byte[] getItem;
  private byte[][] putItems;
  private byte[] query;
  private byte[] updateItem;
  private byte[][] batchWrites;
  private byte[][] transactWrites;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    engine = new Engine(DynamoClock.system(), EngineOptions.defaults());
    engine.capacity().enabled(false); // single hot keys, far beyond the per-partition limits (see CapacityCost)
    dispatcher = new Dispatcher(engine, Operations.dynamoDb(), Operations.streams());
    call("CreateTable", "{\"TableName\":\"" + BenchData.TABLE + "\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
        + "{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
        + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
    call("PutItem", putBody(BenchData.GET_PK, BenchData.GET_SK, 0));
    for (int i = 0; i < BenchData.QUERY_ITEMS; i++) {
      call("PutItem", putBody(BenchData.QUERY_PK, String.format("%04d", i), i));
    }
    getItem = ("{\"TableName\":\"" + BenchData.TABLE + "\",\"Key\":{\"pk\":{\"S\":\""
        + BenchData.GET_PK + "\"},\"sk\":{\"S\":\"" + BenchData.GET_SK + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
    putItems = new byte[PUT_KEYS][];
    for (int i = 0; i < PUT_KEYS; i++) {
      putItems[i] = putBody("put-0", Integer.toString(i), i).getBytes(StandardCharsets.UTF_8);
    }
    query = ("{\"TableName\":\"" + BenchData.TABLE + "\",\"KeyConditionExpression\":\"#pk = :pk\","
        + "\"ExpressionAttributeNames\":{\"#pk\":\"pk\"},"
        + "\"ExpressionAttributeValues\":{\":pk\":{\"S\":\"" + BenchData.QUERY_PK + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
    call("PutItem", putBody("update", "0", 0));
    call("PutItem", putBody("tx-0", "check", 0));
    updateItem = ("{\"TableName\":\"" + BenchData.TABLE + "\",\"Key\":{\"pk\":{\"S\":\"update\"},"
        + "\"sk\":{\"S\":\"0\"}},\"UpdateExpression\":\"SET #n = #n + :one, #s = :s\","
        + "\"ConditionExpression\":\"attribute_exists(#pk) AND #n >= :zero\","
        + "\"ExpressionAttributeNames\":{\"#n\":\"n\",\"#s\":\"s\",\"#pk\":\"pk\"},"
        + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":zero\":{\"N\":\"0\"},"
        + "\":s\":{\"S\":\"" + BenchData.PAYLOAD + "\"}}}").getBytes(StandardCharsets.UTF_8);
    batchWrites = new byte[16][];
    transactWrites = new byte[16][];
    for (int b = 0; b < batchWrites.length; b++) {
      StringBuilder batch = new StringBuilder("{\"RequestItems\":{\"" + BenchData.TABLE + "\":[");
      for (int i = 0; i < BenchData.BATCH_SIZE; i++) {
        String put = putBody("batch-0", Integer.toString(i), b);
        batch.append(i == 0 ? "" : ",").append("{\"PutRequest\":{")
            .append(put, put.indexOf("\"Item\""), put.length() - 1).append("}}");
      }
      batchWrites[b] = batch.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
      String a = putBody("tx-0", "a", b);
      String bb = putBody("tx-0", "b", b);
      transactWrites[b] = ("{\"TransactItems\":["
          + "{\"Put\":" + a + "},{\"Put\":" + bb + "},"
          + "{\"Update\":{\"TableName\":\"" + BenchData.TABLE + "\",\"Key\":{\"pk\":{\"S\":\"tx-0\"},"
          + "\"sk\":{\"S\":\"c\"}},\"UpdateExpression\":\"ADD #n :one\","
          + "\"ExpressionAttributeNames\":{\"#n\":\"n\"},"
          + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}},"
          + "{\"ConditionCheck\":{\"TableName\":\"" + BenchData.TABLE + "\",\"Key\":{\"pk\":{\"S\":\"tx-0\"},"
          + "\"sk\":{\"S\":\"check\"}},\"ConditionExpression\":\"attribute_exists(#pk)\","
          + "\"ExpressionAttributeNames\":{\"#pk\":\"pk\"}}}]}").getBytes(StandardCharsets.UTF_8);
    }
    check(dispatcher.handle(UPDATE_ITEM, null, "id", updateItem, 0, updateItem.length));
    check(dispatcher.handle(BATCH_WRITE, null, "id", batchWrites[0], 0, batchWrites[0].length));
    check(dispatcher.handle(TRANSACT_WRITE, null, "id", transactWrites[0], 0, transactWrites[0].length));
    check(dispatcher.handle(TARGET + "GetItem", null, "id", getItem, 0, getItem.length));
    check(dispatcher.handle(TARGET + "Query", null, "id", query, 0, query.length));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.clock().close();
  }

  private static String putBody(String pk, String sk, long n) {
    return "{\"TableName\":\"" + BenchData.TABLE + "\",\"Item\":{"
        + "\"s\":{\"S\":\"" + BenchData.PAYLOAD + "\"},\"b\":{\"BOOL\":true},"
        + "\"sk\":{\"S\":\"" + sk + "\"},\"pk\":{\"S\":\"" + pk + "\"},\"n\":{\"N\":\"" + n + "\"}}}";
  }

  private void call(String operation, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    check(dispatcher.handle(TARGET + operation, null, "id", bytes, 0, bytes.length));
  }

  private static void check(ProtocolResponse response) {
    if (response.status() != 200) {
      throw new IllegalStateException(response.status() + " "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
  }

  @Benchmark
  public ProtocolResponse getItem() {
    return dispatcher.handle(GET_ITEM, null, "id", getItem, 0, getItem.length);
  }

  @Benchmark
  public ProtocolResponse putItem() {
    byte[] body = putItems[next++ % PUT_KEYS];
    return dispatcher.handle(PUT_ITEM, null, "id", body, 0, body.length);
  }

  @Benchmark
  public ProtocolResponse updateItem() {
    return dispatcher.handle(UPDATE_ITEM, null, "id", updateItem, 0, updateItem.length);
  }

  @Benchmark
  public ProtocolResponse batchWriteItem() {
    byte[] body = batchWrites[next++ & 15];
    return dispatcher.handle(BATCH_WRITE, null, "id", body, 0, body.length);
  }

  @Benchmark
  public ProtocolResponse transactWriteItems() {
    byte[] body = transactWrites[next++ & 15];
    return dispatcher.handle(TRANSACT_WRITE, null, "id", body, 0, body.length);
  }

  @Benchmark
  public ProtocolResponse query() {
    return dispatcher.handle(QUERY, null, "id", query, 0, query.length);
  }
}
