package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.operation.Operations;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.time.DynamoClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request that does not finish (held by a test operation, "Hold") must not keep any other
 * connection waiting, nor stop new connections from being accepted; and when every worker is busy
 * and the queue is full, a request is refused at once with a retryable 503.
 */
class RequestIsolationTest {
  /** A guard against a hang, never a timing assertion. */
  private static final int GUARD_SECONDS = 60;

  private final Semaphore entered = new Semaphore(0);
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService readers = Executors.newCachedThreadPool();
  private DynamoServer server;
  private Engine engine;

  private void start(DynamoServer.Workers workers) {
    engine = new Engine(DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z")), EngineOptions.defaults());
    Operations operations = Operations.dynamoDb().add("Hold", (context, request) -> {
      entered.release();
      try {
        release.await(GUARD_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return json -> json.writeRaw("{}");
    });
    server = DynamoServer.start(new Dispatcher(engine, operations, Operations.streams()), "127.0.0.1", 0, workers);
  }

  @AfterEach
  void stop() {
    release.countDown();
    readers.shutdownNow();
    if (server != null) {
      server.close();
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.address().getPort());
    socket.setSoTimeout(GUARD_SECONDS * 1000);
    return socket;
  }

  private static void send(Socket socket, String operation) throws IOException {
    send(socket, operation, "{}");
  }

  private static void send(Socket socket, String operation, String body) throws IOException {
    String request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
        + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\nContent-Length: " + body.length()
        + "\r\n\r\n" + body;
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads the answer on a thread of its own (the common pool may have a single thread). */
  private CompletableFuture<RawResponse> answer(Socket socket) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return RawResponse.read(socket.getInputStream());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, readers);
  }

  @Test
  void aHeldRequestDelaysNoOtherConnectionAndNoNewOne() throws Exception {
    start(new DynamoServer.Workers(4, 256)); // room for every request below: this is not about overload
    try (Socket early = connect(); Socket held = connect()) {
      send(held, "Hold");
      CompletableFuture<RawResponse> heldAnswer = answer(held);
      assertThat(entered.tryAcquire(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

      // The connection opened before, and many new ones, are all answered while it is held.
      send(early, "ListTables");
      assertThat(RawResponse.read(early.getInputStream()).status).isEqualTo(200);
      List<Socket> fresh = new ArrayList<>();
      try {
        for (int i = 0; i < 40; i++) {
          Socket socket = connect();
          fresh.add(socket);
          send(socket, "ListTables");
        }
        for (Socket socket : fresh) {
          RawResponse response = RawResponse.read(socket.getInputStream());
          assertThat(response.status).isEqualTo(200);
          assertThat(response.body).startsWith("{\"TableNames\":[");
        }
      } finally {
        for (Socket socket : fresh) {
          socket.close();
        }
      }
      assertThat(heldAnswer).isNotDone();

      release.countDown();
      assertThat(heldAnswer.get(GUARD_SECONDS, TimeUnit.SECONDS).status).isEqualTo(200);
    }
  }

  @Test
  void aFullQueueIsRefusedAtOnceWithARetryableError() throws Exception {
    start(new DynamoServer.Workers(1, 1));
    try (Socket held = connect(); Socket second = connect(); Socket third = connect()) {
      send(held, "Hold");
      CompletableFuture<RawResponse> heldAnswer = answer(held);
      assertThat(entered.tryAcquire(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

      // The one worker is busy: of two more requests, one waits in the queue, the other is refused.
      send(second, "ListTables");
      send(third, "ListTables");
      CompletableFuture<RawResponse> a = answer(second);
      CompletableFuture<RawResponse> b = answer(third);
      RawResponse refused = (RawResponse) CompletableFuture.anyOf(a, b).get(GUARD_SECONDS, TimeUnit.SECONDS);
      assertThat(refused.status).isEqualTo(503);
      assertThat(refused.body).contains("\"__type\":\"com.amazon.coral.availability#ThrottlingException\"");
      assertThat(refused.crcMatches()).isTrue();

      release.countDown();
      assertThat(heldAnswer.get(GUARD_SECONDS, TimeUnit.SECONDS).status).isEqualTo(200);
      RawResponse queued = (a.get(GUARD_SECONDS, TimeUnit.SECONDS) == refused ? b : a).get(GUARD_SECONDS, TimeUnit.SECONDS);
      assertThat(queued.status).isEqualTo(200);
    }
  }

  /**
   * Single-item requests are served on the I/O thread that read them, but not while a writer
   * holds the engine's lock: writes that would wait for it go to the workers, so a long commit
   * keeps no connection waiting but the writers'.
   */
  @Test
  void writesWaitingForAHeldWriterLockDelayNoOtherConnection() throws Exception {
    start(new DynamoServer.Workers(8, 256));
    createHeldTable();
    CountDownLatch writerIn = new CountDownLatch(1);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> engine.write(() -> {
      writerIn.countDown();
      try {
        release.await(GUARD_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }), readers);
    assertThat(writerIn.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

    List<Socket> writers = new ArrayList<>();
    try {
      List<CompletableFuture<RawResponse>> written = sendOnFourConnections(writers, "PutItem",
          i -> "{\"TableName\":\"held\",\"Item\":{\"pk\":{\"S\":\"k" + i + "\"}}}");
      for (int i = 0; i < 8; i++) {
        try (Socket socket = connect()) {
          send(socket, "GetItem", "{\"TableName\":\"held\",\"Key\":{\"pk\":{\"S\":\"k0\"}}}");
          assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
        }
      }
      assertThat(written).noneMatch(CompletableFuture::isDone);

      release.countDown();
      writer.get(GUARD_SECONDS, TimeUnit.SECONDS);
      for (CompletableFuture<RawResponse> answer : written) {
        assertThat(answer.get(GUARD_SECONDS, TimeUnit.SECONDS).status).isEqualTo(200);
      }
    } finally {
      for (Socket socket : writers) {
        socket.close();
      }
    }
  }

  /**
   * Batch and transaction writes are served on the I/O thread too, but not a TransactWriteItems
   * while a test's in-flight hook may block it: transactions held in flight keep no other
   * connection waiting.
   */
  @Test
  void transactionsHeldInFlightByAHookDelayNoOtherConnection() throws Exception {
    start(new DynamoServer.Workers(8, 256));
    createHeldTable();
    Semaphore inFlight = new Semaphore(0);
    try (AutoCloseable hook = engine.transactions().whileInFlight(transaction -> {
      inFlight.release();
      try {
        release.await(GUARD_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })) {
      List<Socket> held = new ArrayList<>();
      try {
        List<CompletableFuture<RawResponse>> answers = sendOnFourConnections(held, "TransactWriteItems",
            i -> "{\"TransactItems\":[{\"Put\":{\"TableName\":\"held\",\"Item\":{\"pk\":{\"S\":\"t" + i + "\"}}}}]}");
        assertThat(inFlight.tryAcquire(4, GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 8; i++) {
          try (Socket socket = connect()) {
            send(socket, "BatchWriteItem", "{\"RequestItems\":{\"held\":[{\"PutRequest\":{\"Item\":"
                + "{\"pk\":{\"S\":\"b" + i + "\"}}}}]}}");
            assertThat(RawResponse.read(socket.getInputStream()).body).isEqualTo("{\"UnprocessedItems\":{}}");
          }
        }
        assertThat(answers).noneMatch(CompletableFuture::isDone);

        release.countDown();
        for (CompletableFuture<RawResponse> answer : answers) {
          assertThat(answer.get(GUARD_SECONDS, TimeUnit.SECONDS).status).isEqualTo(200);
        }
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  /**
   * A TransactWriteItems that asks for ALL_OLD on a failed condition may answer up to 100 stored
   * items, more than its body bounds: it is served by a worker, another by the I/O thread.
   */
  @Test
  void transactionsThatMayAnswerStoredItemsGoToTheWorkers() throws Exception {
    start(new DynamoServer.Workers(8, 256));
    createHeldTable();
    List<String> committedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
    engine.feed().subscribe((table, changes) -> committedOn.add(Thread.currentThread().getName()));
    try (Socket socket = connect()) {
      send(socket, "TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"held\","
          + "\"Item\":{\"pk\":{\"S\":\"plain\"}}}}]}");
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
      send(socket, "TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"held\","
          + "\"Item\":{\"pk\":{\"S\":\"old\"}},\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}}]}");
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
    }
    assertThat(committedOn).hasSize(2);
    assertThat(committedOn.get(0)).startsWith("dynamo-double-").doesNotStartWith("dynamo-double-request");
    assertThat(committedOn.get(1)).startsWith("dynamo-double-request");
  }

  /**
   * Sends {@code operation} with {@code body.apply(i)} on each of four new connections (kept in
   * {@code sockets}): more than the I/O threads, so were they served there, every loop would wait.
   */
  private List<CompletableFuture<RawResponse>> sendOnFourConnections(List<Socket> sockets, String operation,
                                                                      IntFunction<String> body) throws IOException {
    List<CompletableFuture<RawResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Socket socket = connect();
      sockets.add(socket);
      send(socket, operation, body.apply(i));
      answers.add(answer(socket));
    }
    return answers;
  }

  private void createHeldTable() throws IOException {
    String table = "{\"TableName\":\"held\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
        + "\"BillingMode\":\"PAY_PER_REQUEST\"}";
    try (Socket admin = connect()) {
      send(admin, "CreateTable", table);
      RawResponse created = RawResponse.read(admin.getInputStream());
      assertThat(created.status).as(created.body).isEqualTo(200);
      send(admin, "DescribeTable", "{\"TableName\":\"held\"}"); // runs the due CREATING -> ACTIVE task
      assertThat(RawResponse.read(admin.getInputStream()).body).contains("\"TableStatus\":\"ACTIVE\"");
    }
  }

  /**
   * Sends a held request and, in the same write (pipelined), the head of a second one that
   * expects 100 Continue with this Content-Length; lets the held one finish once it is served.
   */
  private void holdThenExpectContinue(Socket socket, String operation, long contentLength) throws Exception {
    String hold = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
        + "X-Amz-Target: DynamoDB_20120810.Hold\r\nContent-Length: 2\r\n\r\n{}";
    String expecting = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
        + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\nExpect: 100-continue\r\nContent-Length: "
        + contentLength + "\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write((hold + expecting).getBytes(StandardCharsets.US_ASCII));
    out.flush();
    assertThat(entered.tryAcquire(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    release.countDown();
  }

  /** A request refused without being served (here: too large, with Expect: 100-continue) is answered in its turn. */
  @Test
  void aRefusalIsAnsweredAfterTheRequestsBeforeIt() throws Exception {
    start(new DynamoServer.Workers(2, 16));
    try (Socket socket = connect()) {
      holdThenExpectContinue(socket, "PutItem", 20_000_000);
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(413);
    }
  }

  /** 100 Continue for a request read while another is served comes after that one's answer. */
  @Test
  void aContinueComesAfterTheAnswersBeforeIt() throws Exception {
    start(new DynamoServer.Workers(2, 16));
    try (Socket socket = connect()) {
      holdThenExpectContinue(socket, "ListTables", 2);
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(100);
      socket.getOutputStream().write("{}".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      assertThat(RawResponse.read(socket.getInputStream()).status).isEqualTo(200);
    }
  }
}
