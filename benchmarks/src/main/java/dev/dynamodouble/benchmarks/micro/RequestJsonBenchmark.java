package dev.dynamodouble.benchmarks.micro;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dynamodouble.benchmarks.BenchData;
import dev.dynamodouble.core.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor of the protocol layer: tokenizing a PutItem request body with Jackson's streaming
 * parser and computing a response's {@code x-amz-crc32}, without building anything. Core's
 * request decoding and response encoding can be measured against these once they exist. For the
 * BatchWriteItem of 25 puts the harness sends: Jackson reading every name and string of the body
 * (what any reader of it must do at least), and core's {@link Json#parse} building its tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestJsonBenchmark {

  private final JsonFactory json = new JsonFactory();
  private final byte[] putItem = ("{\"TableName\":\"" + BenchData.TABLE + "\",\"Item\":{"
      + "\"pk\":{\"S\":\"put-0\"},\"sk\":{\"S\":\"42\"},\"n\":{\"N\":\"42\"},"
      + "\"s\":{\"S\":\"" + BenchData.PAYLOAD + "\"},\"b\":{\"BOOL\":true}}}")
      .getBytes(StandardCharsets.UTF_8);

  @Benchmark
  public int tokenizePutItemRequest() throws IOException {
    int tokens = 0;
    try (JsonParser parser = json.createParser(putItem)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens++;
      }
    }
    return tokens;
  }

  private final byte[] batchWrite = batchWriteBody();

  private static byte[] batchWriteBody() {
    StringBuilder body = new StringBuilder("{\"RequestItems\":{\"" + BenchData.TABLE + "\":[");
    for (int i = 0; i < BenchData.BATCH_SIZE; i++) {
      body.append(i == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"batch-0\"},\"sk\":{\"S\":\"")
          .append(i).append("\"},\"n\":{\"N\":\"").append(1000 + i).append("\"},\"s\":{\"S\":\"")
          .append(BenchData.PAYLOAD).append("\"},\"b\":{\"BOOL\":true}}}}");
    }
    return body.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public int readBatchWriteRequestTokens() throws IOException {
    int chars = 0;
    try (JsonParser parser = json.createParser(batchWrite)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME) {
          chars += parser.currentName().length();
        } else if (token == JsonToken.VALUE_STRING) {
          chars += parser.getText().length();
        }
      }
    }
    return chars;
  }

  @Benchmark
  public Object parseBatchWriteRequestTree() throws Json.MalformedException {
    return Json.parse(batchWrite, 0, batchWrite.length);
  }

  @Benchmark
  public long crc32OfPutItemSizedBody() {
    CRC32 crc = new CRC32();
    crc.update(putItem);
    return crc.getValue();
  }
}
