package dev.dynamodouble.benchmarks.micro;

import dev.dynamodouble.benchmarks.BenchData;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.server.EmbeddedConnection;
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
 * The server's whole per-request CPU work except the socket: the HTTP request bytes the AWS SDK
 * sends (headers copied from a real GetItem/PutItem, SigV4 and all) go into the server's own
 * pipeline on an embedded channel ({@link EmbeddedConnection}), and the response bytes come out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HttpPipelineBenchmark {

  private static final int PUT_KEYS = 1_000;

  private Engine engine;
  private EmbeddedConnection connection;
  private byte[] getItem;
  private byte[][] putItems;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    engine = new Engine(DynamoClock.system(), EngineOptions.defaults());
    Dispatcher dispatcher = new Dispatcher(engine, Operations.dynamoDb(), Operations.streams());
    connection = new EmbeddedConnection(dispatcher);
    call(request("CreateTable", "{\"TableName\":\"" + BenchData.TABLE + "\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
        + "{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
        + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}"),
        true);
    call(request("PutItem", putBody(BenchData.GET_PK, BenchData.GET_SK, 0)), true);
    getItem = request("GetItem", "{\"TableName\":\"" + BenchData.TABLE + "\",\"Key\":{\"sk\":{\"S\":\""
        + BenchData.GET_SK + "\"},\"pk\":{\"S\":\"" + BenchData.GET_PK + "\"}}}");
    putItems = new byte[PUT_KEYS][];
    for (int i = 0; i < PUT_KEYS; i++) {
      putItems[i] = request("PutItem", putBody("put-0", Integer.toString(i), i));
    }
    call(getItem, true);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    connection.close();
    engine.clock().close();
  }

  private static String putBody(String pk, String sk, long n) {
    return "{\"TableName\":\"" + BenchData.TABLE + "\",\"Item\":{"
        + "\"s\":{\"S\":\"" + BenchData.PAYLOAD + "\"},\"b\":{\"BOOL\":true},"
        + "\"sk\":{\"S\":\"" + sk + "\"},\"pk\":{\"S\":\"" + pk + "\"},\"n\":{\"N\":\"" + n + "\"}}}";
  }

  /** The request as the SDK's Apache 5 client sends it. */
  private static byte[] request(String operation, String body) {
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST / HTTP/1.1\r\n"
        + "Host: 127.0.0.1:18123\r\n"
        + "amz-sdk-invocation-id: 5ef8c629-248e-8ca7-475f-9a5a68143e8c\r\n"
        + "amz-sdk-request: attempt=1; max=1\r\n"
        + "Authorization: AWS4-HMAC-SHA256 Credential=bench/20261121/us-east-1/dynamodb/aws4_request, "
        + "SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;"
        + "x-amz-content-sha256;x-amz-date;x-amz-target, "
        + "Signature=4b1ba844f5e19bd52a1cc9883ef17377e4ba42d40ea069cfd7e3d848bfc4ae17\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\n"
        + "User-Agent: aws-sdk-java/2.56.0 md/io#sync md/http#Apache5 ua/2.1 api/DynamoDB#2.56.x "
        + "os/Linux#6.18.44 lang/java#17.0.15 md/OpenJDK_64-Bit_Server_VM#17.0.15+6-Debian-1deb12u1 "
        + "md/vendor#Debian md/kotlin/1.9.21-release-633 m/E,AL,N,P,d,e\r\n"
        + "x-amz-content-sha256: 7a53d87d2f1d74564379cccb95f7451fbee4a00f9537fff567d88506d89557e4\r\n"
        + "X-Amz-Date: 20261121T034414Z\r\n"
        + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\n"
        + "Content-Length: " + json.length + "\r\n"
        + "Connection: keep-alive\r\n"
        + "\r\n";
    byte[] bytes = new byte[head.length() + json.length];
    System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, head.length());
    System.arraycopy(json, 0, bytes, head.length(), json.length);
    return bytes;
  }

  private int call(byte[] request, boolean check) {
    return connection.exchange(request, check);
  }

  @Benchmark
  public int getItem() {
    return call(getItem, false);
  }

  @Benchmark
  public int putItem() {
    return call(putItems[next++ % PUT_KEYS], false);
  }
}
