package dev.dynamodouble.benchmarks.micro;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.fault.FaultRule;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.time.DynamoClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What fault rules and read lags cost a request that they do not change: {@code Dispatcher.handle}
 * for GetItem and PutItem with no rule ({@code none}), one rule for another table
 * ({@code otherTable}: the request's table is read to decide), and a one-second engine read lag
 * ({@code readLag}: recent versions kept, reads resolved against them). Compare the modes' ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FaultsBenchmark {
  private static final String TARGET = "DynamoDB_20120810.";

  @Param({"none", "otherTable", "readLag"})
  public String mode;

  private Engine engine;
  private Dispatcher dispatcher;
  private byte[] getItem;
  private byte[][] putItems;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    engine = new Engine(DynamoClock.system(), EngineOptions.defaults());
    dispatcher = new Dispatcher(engine, Operations.dynamoDb(), Operations.streams());
    call("CreateTable", "{\"TableName\":\"orders\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
        + "\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"BillingMode\":\"PAY_PER_REQUEST\"}");
    if (mode.equals("otherTable")) {
      engine.faults().add(FaultRule.on("GetItem", "PutItem").table("other").error("ThrottlingException"));
    } else if (mode.equals("readLag")) {
      engine.consistency().readLag(Duration.ofSeconds(1));
    }
    call("PutItem", "{\"TableName\":\"orders\",\"Item\":{\"pk\":{\"S\":\"k\"},\"v\":{\"S\":\"value\"}}}");
    getItem = "{\"TableName\":\"orders\",\"Key\":{\"pk\":{\"S\":\"k\"}}}".getBytes(StandardCharsets.UTF_8);
    putItems = new byte[1000][];
    for (int i = 0; i < putItems.length; i++) {
      putItems[i] = ("{\"TableName\":\"orders\",\"Item\":{\"pk\":{\"S\":\"p" + i + "\"},\"v\":{\"S\":\"value\"}}}")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.clock().close();
  }

  private void call(String operation, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ProtocolResponse response = dispatcher.handle(TARGET + operation, null, "id", bytes, 0, bytes.length);
    if (response.status() != 200) {
      throw new IllegalStateException(operation + ": " + new String(response.body(), StandardCharsets.UTF_8));
    }
  }

  @Benchmark
  public ProtocolResponse getItem() {
    return dispatcher.handle(TARGET + "GetItem", null, "id", getItem, 0, getItem.length);
  }

  @Benchmark
  public ProtocolResponse putItem() {
    byte[] body = putItems[next++ % putItems.length];
    return dispatcher.handle(TARGET + "PutItem", null, "id", body, 0, body.length);
  }
}
