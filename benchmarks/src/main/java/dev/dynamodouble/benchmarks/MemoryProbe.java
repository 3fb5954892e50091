package dev.dynamodouble.benchmarks;

import dev.dynamodouble.benchmarks.sut.RunningEndpoint;
import dev.dynamodouble.benchmarks.sut.SystemUnavailableException;
import dev.dynamodouble.benchmarks.sut.SystemUnderTest;
import dev.dynamodouble.benchmarks.sut.Systems;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Memory per item, in a fresh child JVM: {@code MemoryProbe <system> <items> <itemBytes>}. Starts
 * the system in this JVM, creates a table and writes a warm-up batch to another table, then takes
 * the heap in use after full GCs and the process's resident set size; loads {@code items} items
 * of about {@code itemBytes} bytes (DynamoDB's item size) with BatchWriteItem; takes both again
 * and prints the differences. Every item has distinct content, so nothing can be shared.
 *
 * <p>Prints {@code PROBE-RESULT items=.. itemBytes=.. heapBytes=.. rssBytes=.. loadSeconds=..}.
 */
public final class MemoryProbe {

  static final String TABLE = "memory";
  private static final String WARM_TABLE = "memory_warm";
  private static final String FILLER =
      "Sphinx of black quartz, judge my vow; the five boxing wizards jump quickly. ";

  private MemoryProbe() {}

  public static void main(String[] args) {
    try {
      SystemUnderTest system = Systems.byId(args[0]);
      int items = Integer.parseInt(args[1]);
      int itemBytes = Integer.parseInt(args[2]);
      RunningEndpoint running = system.start(0);
      try (DynamoDbClient dynamo = Clients.create(running)) {
        Workloads.createTable(dynamo, TABLE);
        Workloads.createTable(dynamo, WARM_TABLE);
        Loading.load(dynamo, WARM_TABLE, 0, 1_000, i -> item(i, itemBytes));
        long heapBefore = Loading.settledHeapBytes();
        long rssBefore = Loading.residentBytes();
        long t0 = System.nanoTime();
        Loading.load(dynamo, TABLE, 0, items, i -> item(i, itemBytes));
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long heapAfter = Loading.settledHeapBytes();
        long rssAfter = Loading.residentBytes();
        int counted = dynamo.scanPaginator(r -> r.tableName(TABLE).select(Select.COUNT)).stream()
            .mapToInt(page -> page.count()).sum();
        if (counted != items) {
          throw new IllegalStateException("the table holds " + counted + " items, not " + items);
        }
        ChildJvm.exit(String.format(Locale.ROOT,
            "%sitems=%d itemBytes=%d heapBytes=%d rssBytes=%d loadSeconds=%.2f", ChildJvm.RESULT,
            items, size(item(items / 2, itemBytes)), heapAfter - heapBefore,
            rssBefore < 0 ? -1 : rssAfter - rssBefore, loadSeconds), 0);
      } finally {
        running.close();
      }
    } catch (SystemUnavailableException e) {
      ChildJvm.exit(ChildJvm.UNAVAILABLE + Results.reason(e), 0);
    } catch (Throwable e) {
      e.printStackTrace();
      ChildJvm.exit(ChildJvm.ERROR + Results.reason(e), 1);
    }
  }

  /**
   * Item {@code i}: the bench key schema ({@code pk} unique, {@code sk} "0"), a number, a
   * boolean, and a string that brings the item to about {@code itemBytes} by DynamoDB's size.
   */
  static Map<String, AttributeValue> item(int i, int itemBytes) {
    Map<String, AttributeValue> item = new HashMap<>(8);
    item.put(BenchData.PK, AttributeValue.fromS(String.format(Locale.ROOT, "item-%08d", i)));
    item.put(BenchData.SK, AttributeValue.fromS("0"));
    item.put(BenchData.NUM, AttributeValue.fromN(Integer.toString(i)));
    item.put(BenchData.BOOL, AttributeValue.fromBool(i % 2 == 0));
    return padded(item, i, itemBytes);
  }

  /**
   * {@code item} with a string attribute {@link BenchData#STR} whose text (distinct for each
   * {@code i}) brings it to about {@code itemBytes} by DynamoDB's size.
   */
  static Map<String, AttributeValue> padded(Map<String, AttributeValue> item, int i, int itemBytes) {
    item.remove(BenchData.STR);
    int rest = Math.max(1, itemBytes - size(item) - BenchData.STR.length());
    StringBuilder text = new StringBuilder(rest).append(i).append(' ');
    while (text.length() < rest) {
      text.append(FILLER, 0, Math.min(FILLER.length(), rest - text.length()));
    }
    text.setLength(rest);
    item.put(BenchData.STR, AttributeValue.fromS(text.toString()));
    return item;
  }

  /** DynamoDB's item size of the item shapes used here (S, N, BOOL). */
  static int size(Map<String, AttributeValue> item) {
    int size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      AttributeValue value = e.getValue();
      if (value.s() != null) {
        size += value.s().getBytes(StandardCharsets.UTF_8).length;
      } else if (value.n() != null) {
        size += (value.n().replace("-", "").length() + 1) / 2 + 1;
      } else {
        size += 1;
      }
    }
    return size;
  }
}
