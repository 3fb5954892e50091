package dev.dynamodouble.benchmarks;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.time.DynamoClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Worst-case input cost: for each kind of field the protocol reads, the slowest request body of
 * that kind we can build, at 1, 4 and 16 MB (the request limit), served in process by the
 * dispatcher (JSON parsing, validation, the operation; no socket) on the measuring thread. Reports
 * the CPU milliseconds of that thread per MB of input at each size (CPU time, so that other load
 * on a shared machine does not count), the best of three after a warm-up run: flat across sizes
 * is linear cost; the target is at most 50 ms/MB.
 *
 * <pre>java -cp "target/classes:$(cat target/benchmark.classpath)" dev.dynamodouble.benchmarks.WorstCaseInputs</pre>
 * {@code -Dbench.kinds=M:,NS:} measures only the kinds whose names start so.
 */
public final class WorstCaseInputs {
  private static final int MB = 1024 * 1024;
  private static final int[] SIZES_MB = {1, 4, 16};
  private static final int RUNS = 3;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final String PUT = "{\"TableName\":\"worst\",\"Item\":{\"pk\":{\"S\":\"k\"},\"a\":";

  /** One kind of input: its operation and a body of about {@code bytes} bytes. */
  private record Kind(String name, String operation, IntFunction<String> body) {}

  private WorstCaseInputs() {}

  public static void main(String[] args) {
    Engine engine = new Engine(DynamoClock.system(), EngineOptions.defaults());
    Dispatcher dispatcher = new Dispatcher(engine, Operations.dynamoDb(), Operations.streams());
    handle(dispatcher, "CreateTable", "{\"TableName\":\"worst\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}");
    System.out.printf(Locale.ROOT, "%-34s %-11s %10s %10s %10s  %s%n", "input (PutItem unless said)", "answer",
        "1 MB ms/MB", "4 MB ms/MB", "16 MB ms/MB", "");
    double worst = 0;
    List<String> only = List.of(System.getProperty("bench.kinds", "").split(","));
    for (Kind kind : kinds()) {
      if (!only.get(0).isEmpty() && only.stream().noneMatch(kind.name::startsWith)) {
        continue;
      }
      StringBuilder row = new StringBuilder();
      String answer = "";
      for (int sizeMb : SIZES_MB) {
        byte[] body = kind.body.apply(sizeMb * MB - 4096).getBytes(StandardCharsets.UTF_8);
        long best = Long.MAX_VALUE;
        for (int run = sizeMb == SIZES_MB[0] ? -1 : 0; run < RUNS; run++) { // run -1 warms up
          long start = CPU.getCurrentThreadCpuTime();
          ProtocolResponse response = dispatcher.handle("DynamoDB_20120810." + kind.operation, null, "id", body, 0,
              body.length);
          if (run >= 0) {
            best = Math.min(best, CPU.getCurrentThreadCpuTime() - start);
          }
          answer = response.status() == 200 ? "200" : errorType(response);
        }
        double perMb = best / 1e6 / (body.length / (double) MB);
        worst = Math.max(worst, perMb);
        row.append(String.format(Locale.ROOT, " %10.1f", perMb));
      }
      System.out.printf(Locale.ROOT, "%-34s %-11s%s%n", kind.name, answer, row);
    }
    System.out.printf(Locale.ROOT, "worst: %.1f ms per MB (target: at most 50)%n", worst);
    engine.clock().close();
  }

  private static List<Kind> kinds() {
    List<Kind> kinds = new ArrayList<>();
    kinds.add(new Kind("N: 1 and zeros (overflow)", "PutItem", n -> put("{\"N\":\"1" + "0".repeat(n) + "\"}")));
    kinds.add(new Kind("N: leading zeros (accepted)", "PutItem", n -> put("{\"N\":\"" + "0".repeat(n) + "1\"}")));
    kinds.add(new Kind("N: 1. and zeros (accepted)", "PutItem", n -> put("{\"N\":\"1." + "0".repeat(n) + "\"}")));
    kinds.add(new Kind("N: 39+ digits (too precise)", "PutItem", n -> put("{\"N\":\"" + "7".repeat(n) + "\"}")));
    kinds.add(new Kind("N: not a number", "PutItem", n -> put("{\"N\":\"" + "1".repeat(n) + "x\"}")));
    kinds.add(new Kind("S: one string", "PutItem", n -> put("{\"S\":\"" + "s".repeat(n) + "\"}")));
    kinds.add(new Kind("S: escaped unicode", "PutItem", n -> put("{\"S\":\"" + "\\u00e9".repeat(n / 6) + "\"}")));
    kinds.add(new Kind("B: base64", "PutItem", n -> put("{\"B\":\"" + "QUJD".repeat(n / 4) + "\"}")));
    kinds.add(new Kind("B: bad base64 at the end", "PutItem", n -> put("{\"B\":\"" + "QUJD".repeat(n / 4) + "QU=D\"}")));
    kinds.add(new Kind("SS: distinct strings", "PutItem", n -> put(set("SS", n, i -> "\"s" + i + "\""))));
    kinds.add(new Kind("SS: duplicates at the end", "PutItem", n -> put(set("SS", n, i -> "\"s" + i + "\"") + ",\"x\"")));
    kinds.add(new Kind("NS: distinct numbers", "PutItem", n -> put(set("NS", n, i -> "\"" + i + ".5\""))));
    kinds.add(new Kind("NS: 1e0, 10e-1, 100e-2 ...", "PutItem", n -> put(set("NS", n, i -> "\"1" + "0".repeat(i % 30)
        + "e-" + (i % 30) + "\""))));
    kinds.add(new Kind("BS: distinct blobs", "PutItem", n -> put(set("BS", n, i -> "\"" + base64(i) + "\""))));
    kinds.add(new Kind("L: many NULLs", "PutItem", n -> put(list(n, i -> "{\"NULL\":true}"))));
    kinds.add(new Kind("L: 31 levels deep, repeated", "PutItem", n -> put(list(n, i -> nested(31)))));
    kinds.add(new Kind("L: 33 levels deep (refused)", "PutItem", n -> put(list(n, i -> nested(i == 0 ? 1 : 33)))));
    kinds.add(new Kind("M: many keys", "PutItem", n -> put(map(n))));
    kinds.add(new Kind("item: many attributes", "PutItem", n -> "{\"TableName\":\"worst\",\"Item\":{\"pk\":{\"S\":\"k\"}"
        + repeat(n, i -> ",\"a" + i + "\":{\"N\":\"" + i + "\"}") + "}}"));
    kinds.add(new Kind("key: huge partition key", "GetItem", n -> "{\"TableName\":\"worst\",\"Key\":{\"pk\":{\"S\":\""
        + "k".repeat(n) + "\"}}}"));
    kinds.add(new Kind("expression: 16 MB text", "PutItem", n -> "{\"TableName\":\"worst\",\"Item\":{\"pk\":{\"S\":\"k\"}},"
        + "\"ConditionExpression\":\"" + "a = a AND ".repeat(n / 10) + "a = a\"}"));
    kinds.add(new Kind("names map: unused entries", "PutItem", n -> "{\"TableName\":\"worst\",\"Item\":{\"pk\":{\"S\":\"k\"}},"
        + "\"ConditionExpression\":\"#a0 = #a0\",\"ExpressionAttributeNames\":{\"#a0\":\"x\""
        + repeat(n, i -> ",\"#a" + (i + 1) + "\":\"x\"") + "}}"));
    kinds.add(new Kind("values map: unused entries", "PutItem", n -> "{\"TableName\":\"worst\",\"Item\":{\"pk\":{\"S\":\"k\"}},"
        + "\"ConditionExpression\":\"a = :v0\",\"ExpressionAttributeValues\":{\":v0\":{\"S\":\"x\"}"
        + repeat(n, i -> ",\":v" + (i + 1) + "\":{\"S\":\"x\"}") + "}}"));
    kinds.add(new Kind("BatchWriteItem: 25 items of 390 KB", "BatchWriteItem", n -> batch(n)));
    kinds.add(new Kind("JSON: unknown fields", "PutItem", n -> "{\"TableName\":\"worst\",\"Item\":{\"pk\":{\"S\":\"k\"}}"
        + repeat(n, i -> ",\"u" + i + "\":[1,{\"x\":null}]") + "}"));
    kinds.add(new Kind("JSON: duplicate fields", "PutItem", n -> "{\"TableName\":\"worst\",\"Item\":{\"pk\":{\"S\":\"k\"}}"
        + repeat(n, i -> ",\"TableName\":\"worst\"") + "}"));
    kinds.add(new Kind("JSON: nested arrays (refused)", "PutItem", n -> "[".repeat(n)));
    kinds.add(new Kind("JSON: whitespace", "PutItem", n -> "{\"TableName\":\"worst\"," + " ".repeat(n)
        + "\"Item\":{\"pk\":{\"S\":\"k\"}}}"));
    return kinds;
  }

  private static String put(String value) {
    return PUT + value + "}}";
  }

  /** Elements from {@code element} until about {@code bytes} characters. */
  private static String repeat(int bytes, IntFunction<String> element) {
    StringBuilder text = new StringBuilder(bytes + 64);
    for (int i = 0; text.length() < bytes; i++) {
      text.append(element.apply(i));
    }
    return text.toString();
  }

  private static String set(String type, int bytes, IntFunction<String> element) {
    return "{\"" + type + "\":[" + repeat(bytes, i -> (i == 0 ? "" : ",") + element.apply(i)) + "]}";
  }

  private static String list(int bytes, IntFunction<String> element) {
    return "{\"L\":[" + repeat(bytes, i -> (i == 0 ? "" : ",") + element.apply(i)) + "]}";
  }

  private static String map(int bytes) {
    return "{\"M\":{" + repeat(bytes, i -> (i == 0 ? "" : ",") + "\"k" + i + "\":{\"BOOL\":true}") + "}}";
  }

  private static String nested(int levels) {
    return "{\"L\":[".repeat(levels) + "{\"NULL\":true}" + "]}".repeat(levels);
  }

  private static String base64(int i) {
    return java.util.Base64.getEncoder().encodeToString(Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
  }

  private static String batch(int bytes) {
    int items = Math.min(25, Math.max(1, bytes / (390 * 1024)));
    int each = Math.min(390 * 1024, bytes / items);
    StringBuilder body = new StringBuilder("{\"RequestItems\":{\"worst\":[");
    for (int i = 0; i < items; i++) {
      body.append(i == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b").append(i)
          .append("\"},\"s\":{\"S\":\"").append("s".repeat(each)).append("\"}}}}");
    }
    return body.append("]}}").toString();
  }

  private static String errorType(ProtocolResponse response) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    int hash = body.indexOf('#');
    int end = body.indexOf('"', hash);
    return hash < 0 || end < 0 ? String.valueOf(response.status()) : body.substring(hash + 1, Math.min(end, hash + 12));
  }

  private static void handle(Dispatcher dispatcher, String operation, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    dispatcher.handle("DynamoDB_20120810." + operation, null, "id", bytes, 0, bytes.length);
  }
}
