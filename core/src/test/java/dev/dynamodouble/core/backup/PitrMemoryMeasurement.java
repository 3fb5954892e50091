package dev.dynamodouble.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableData;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures what PITR history costs in memory under a steady write load, driven through the engine
 * (no HTTP): 100,000 items of about 1 KB, then 10 overwrites of random items per simulated minute
 * for 49 simulated days with a 35-day recovery period, sampling the live heap after a full GC
 * weekly, then daily once the window is full. Prints a table (and writes it to target/pitr-memory.txt); asserts only that the
 * history stops growing once the window is full. Off by default; run it with
 *
 * <pre>mvn -B -o -pl core test -Dtest=PitrMemoryMeasurement -Ddynamodouble.measure=true -DargLine=-Xmx4g</pre>
 */
@EnabledIfSystemProperty(named = "dynamodouble.measure", matches = "true")
class PitrMemoryMeasurement {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final int ITEMS = 100_000;
  private static final int WRITES_PER_MINUTE = 10;

  private record Sample(int day, int versions, long heapBytes) {}

  @Test
  void pitrHistoryUnderASteadyWriteLoad() throws IOException {
    List<String> report = new ArrayList<>();
    report.add("PITR history memory: " + ITEMS + " items, " + WRITES_PER_MINUTE + " writes/minute, 35-day window");
    report.add(run(1000, 49, report));
    report.add(run(8, 14, report));
    Path out = Path.of("target", "pitr-memory.txt");
    Files.write(out, report, StandardCharsets.UTF_8);
    PrintStream console = System.out;
    report.forEach(console::println);
  }

  /** One load with payloads of {@code payloadChars}; returns its summary line and adds its samples to the report. */
  private static String run(int payloadChars, int days, List<String> report) {
    ManualClock clock = DynamoClock.manual(START);
    Engine engine = new Engine(clock, EngineOptions.defaults());
    Dispatcher dispatcher = new Dispatcher(engine, Operations.dynamoDb(), Operations.streams());
    call(dispatcher, "CreateTable", "{\"TableName\":\"load\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
    clock.advance(Duration.ofSeconds(1));
    Table table = engine.region("us-east-1").find("load");
    Random random = new Random(42);
    engine.write(() -> {
      TableData data = table.snapshot();
      for (int i = 0; i < ITEMS; i++) {
        data = data.put(key(i), item(i, payload(random, payloadChars)));
      }
      table.versions().commit(data, clock.now());
    });
    long baseline = liveHeap();
    call(dispatcher, "UpdateContinuousBackups", "{\"TableName\":\"load\","
        + "\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true}}");

    List<Sample> samples = new ArrayList<>();
    samples.add(new Sample(0, table.versions().retainedVersions(), 0));
    Duration step = Duration.ofMinutes(1).dividedBy(WRITES_PER_MINUTE);
    long writesPerDay = 24L * 60 * WRITES_PER_MINUTE;
    for (int day = 1; day <= days; day++) {
      for (long w = 0; w < writesPerDay; w++) {
        clock.advance(step);
        int i = random.nextInt(ITEMS);
        StoredItem next = item(i, payload(random, payloadChars));
        engine.write(() -> table.versions().commit(table.snapshot().put(key(i), next), clock.now()));
      }
      if (day % 7 == 0 || day >= 35) {
        samples.add(new Sample(day, table.versions().retainedVersions(), liveHeap() - baseline));
      }
    }
    report.add("");
    report.add(String.format("payload %d chars (item about %d bytes): table alone %.1f MB live", payloadChars,
        table.snapshot().sizeBytes() / ITEMS, baseline / 1e6));
    report.add(String.format("%5s %10s %12s %14s", "day", "versions", "history MB", "bytes/version"));
    for (Sample s : samples) {
      report.add(String.format("%5d %10d %12.1f %14s", s.day(), s.versions(), s.heapBytes() / 1e6,
          s.versions() > 1 ? Long.toString(s.heapBytes() / (s.versions() - 1)) : "-"));
    }
    Sample last = samples.get(samples.size() - 1);
    if (days > 35) {
      Sample full = samples.stream().filter(s -> s.day() == 35).findFirst().orElseThrow();
      long most = samples.stream().filter(s -> s.day() >= 35).mapToLong(Sample::heapBytes).max().orElseThrow();
      report.add(String.format("after the window filled (days 35-%d): history at most %.1f MB, %.2f x day 35",
          days, most / 1e6, most / (double) full.heapBytes()));
    }
    if (days > 35) {
      Sample full = samples.stream().filter(s -> s.day() == 35).findFirst().orElseThrow();
      // Past the window the history holds one window's worth of versions, no more.
      assertThat(last.versions()).isLessThanOrEqualTo(full.versions() + 24 * 60 * WRITES_PER_MINUTE / 24 + 1);
    }
    return String.format("payload %d: %d versions retained after %d days", payloadChars, last.versions(), days);
  }

  private static ItemKey key(int i) {
    return ItemKey.of(AttributeValue.string(String.format("item-%06d", i)), null);
  }

  private static StoredItem item(int i, String payload) {
    return StoredItem.of(Map.of("pk", AttributeValue.string(String.format("item-%06d", i)),
        "payload", AttributeValue.string(payload)));
  }

  private static String payload(Random random, int chars) {
    char[] text = new char[chars];
    for (int c = 0; c < chars; c++) {
      text[c] = (char) ('a' + random.nextInt(26));
    }
    return new String(text);
  }

  private static void call(Dispatcher dispatcher, String operation, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ProtocolResponse response = dispatcher.handle("DynamoDB_20120810." + operation, null, "measure", bytes, 0, bytes.length);
    assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
  }

  /** Heap in use after full collections (test code: the engine itself never asks). */
  private static long liveHeap() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
