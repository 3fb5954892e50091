package dev.dynamodouble.core.server;

import dev.dynamodouble.core.engine.DurableWrites;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.fault.TransportFault;
import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import dev.dynamodouble.core.protocol.ResponseBody;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * One connection's HTTP/1.1 exchange, after Netty's request decoder: collects a request's body
 * (up to 16 MB: beyond, 413), answers {@code Expect: 100-continue}, serves the DynamoDB protocol
 * on POST and the control API under its reserved path, and keeps the connection open unless the
 * request asked to close it. A complete request is served on the endpoint's {@link RequestWorkers},
 * never on the I/O thread; the connection reads nothing more until its answer is written (HTTP/1.1
 * answers in order), and a request the workers cannot queue gets a 503 ThrottlingException, which
 * the SDKs retry. Responses are encoded here, head and body in one pooled buffer: the
 * JSON body is written straight into it after room for the head, the x-amz-crc32 is computed over
 * it in place, and the head (with DynamoDB's Date and Server headers) is then put in front of it.
 * A compressed body (Content-Encoding gzip or deflate) is decoded first.
 */
final class HttpHandler extends ChannelInboundHandlerAdapter {
  static final String AMZ_JSON = RequestFront.AMZ_JSON;
  private static final ProtocolResponse TOO_LARGE = RequestFront.TOO_LARGE;
  private static final ProtocolResponse BAD_REQUEST = ControlApi.withCrc(400, new byte[0]);
  private static final ProtocolResponse OVERLOADED = ControlApi.withCrc(503, ("{\"__type\":"
      + "\"com.amazon.coral.availability#ThrottlingException\",\"message\":\"Too many requests are waiting to "
      + "be served; retry later\"}").getBytes(StandardCharsets.UTF_8));
  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  /** The largest body a request served on the I/O thread may have (an item is at most 400 KB). */
  private static final int QUICK_BODY_BYTES = 64 * 1024;
  /**
   * A TransactWriteItems that asks for ALL_OLD on a failed condition may answer up to 100 stored
   * items (40 MB), not bounded by its body: one that names it anywhere goes to a worker.
   */
  private static final String TRANSACT_WRITE = "DynamoDB_20120810.TransactWriteItems";
  private static final byte[] ALL_OLD = ascii("ALL_OLD");
  /** Requests read ahead on one connection while its answer waits for the device, before reading stops. */
  private static final int MAX_WAITING = 16;
  /** Room left in front of a response body for its head (status line and headers). */
  private static final int HEAD_ROOM = 384;

  private static final byte[] CONTENT_TYPE = ascii("content-type: ");
  private static final byte[] CONTENT_LENGTH = ascii("\r\ncontent-length: ");
  private static final byte[] REQUEST_ID = ascii("\r\nx-amzn-RequestId: ");
  private static final byte[] CRC32_HEADER = ascii("\r\nx-amz-crc32: ");
  private static final byte[] CLOSE = ascii("\r\nconnection: close");
  private static final byte[] DATE = ascii("\r\ndate: ");
  private static final byte[] SERVER = ascii("\r\nserver: Server"); // what DynamoDB sends
  private static final byte[] END = ascii("\r\n\r\n");
  private static final byte[] STATUS_200 = statusLine(200);

  private final Endpoint endpoint;
  /** Whether this connection is TLS. */
  private final boolean secure;
  /** Where this connection's response heads are put together. */
  private final byte[] scratch = new byte[HEAD_ROOM];

  // The request being received (HTTP/1.1 clients send one at a time on a connection).
  private HttpRequest head;
  private ByteBuf body;
  private boolean keepAlive;
  private boolean tooLarge;
  // Requests read while one is being served (pipelined in one read): served after it, in order.
  private final ArrayDeque<Exchange> waiting = new ArrayDeque<>(2);
  private boolean serving;
  /** Whether a deferred request is being served on the event loop now (its answer may come at once). */
  private boolean answeringInline;
  /** A request read while another was served expects 100 Continue: sent once the answers before it are. */
  private boolean continuePending;

  HttpHandler(Endpoint endpoint, boolean secure) {
    this.endpoint = endpoint;
    this.secure = secure;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof HttpRequest) {
        start(ctx, (HttpRequest) msg);
      }
      if (msg instanceof HttpContent && head != null) {
        append(ctx, (HttpContent) msg);
        if (msg instanceof LastHttpContent && head != null) {
          finish(ctx);
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void start(ChannelHandlerContext ctx, HttpRequest request) {
    releaseBody();
    if (request.decoderResult().isFailure()) {
      head = null;
      refuse(ctx, BAD_REQUEST, false);
      return;
    }
    head = request;
    keepAlive = HttpUtil.isKeepAlive(request);
    long declared = HttpUtil.getContentLength(request, -1L);
    tooLarge = declared > RequestFront.MAX_REQUEST_BYTES;
    if (HttpUtil.is100ContinueExpected(request)) {
      if (tooLarge) { // the client waits before sending a body it will not send: refuse and close
        head = null;
        refuse(ctx, TOO_LARGE, false);
        return;
      }
      if (serving) { // after the answers of the requests before it (HTTP/1.1 answers in order)
        continuePending = true;
      } else {
        writeContinue(ctx);
      }
    }
  }

  private static void writeContinue(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(ctx.alloc().buffer(CONTINUE.length).writeBytes(CONTINUE), ctx.voidPromise());
  }

  private void append(ChannelHandlerContext ctx, HttpContent chunk) {
    if (chunk.decoderResult().isFailure()) {
      releaseBody();
      head = null;
      refuse(ctx, BAD_REQUEST, false);
      return;
    }
    ByteBuf content = chunk.content();
    if (tooLarge || !content.isReadable()) {
      return;
    }
    int received = body == null ? 0 : body.readableBytes();
    if (content.readableBytes() > RequestFront.MAX_REQUEST_BYTES - received) {
      tooLarge = true;
      releaseBody();
      return;
    }
    if (body == null) {
      body = content.retain(); // the common case: the whole body in one piece, not copied
    } else {
      if (!(body instanceof CompositeByteBuf)) {
        body = ctx.alloc().compositeBuffer(Integer.MAX_VALUE).addComponent(true, body);
      }
      ((CompositeByteBuf) body).addComponent(true, content.retain());
    }
  }

  private void finish(ChannelHandlerContext ctx) {
    if (body != null && !body.hasArray() && body.readableBytes() <= QUICK_BODY_BYTES) {
      // A small body in pieces (a client wrote the head and the body apart) or off the heap: one
      // copy into an array now, which the ALL_OLD scan and the parser then read directly (the
      // parser needed that copy anyway).
      ByteBuf pieces = body;
      body = Unpooled.wrappedBuffer(ByteBufUtil.getBytes(pieces));
      pieces.release();
    }
    Exchange exchange = new Exchange(head, body, keepAlive, tooLarge ? TOO_LARGE : null);
    head = null;
    body = null; // the exchange owns it now
    if (serving) { // answered in order, after the one being served (a refusal too)
      waiting.add(exchange);
      if (waiting.size() >= MAX_WAITING) { // a client sending ahead of the answers: read no more for now
        ctx.channel().config().setAutoRead(false);
      }
    } else {
      serveNext(ctx, exchange);
    }
  }

  /**
   * Answers a request that is not served (too large, malformed) in its turn: at once, or after the
   * requests read before it when one is being served (HTTP/1.1 answers in order).
   */
  private void refuse(ChannelHandlerContext ctx, ProtocolResponse response, boolean keepAlive) {
    if (serving) {
      waiting.add(new Exchange(null, null, keepAlive, response));
    } else {
      send(ctx, response, "text/plain", null, keepAlive);
    }
  }

  /** Serves a quick request here, on the I/O thread; hands any other to a worker. */
  private void serveNext(ChannelHandlerContext ctx, Exchange exchange) {
    if (exchange.refusal != null) {
      exchange.release();
      send(ctx, exchange.refusal, "text/plain", null, exchange.keepAlive);
      return;
    }
    if (!quick(exchange)) {
      dispatch(ctx, exchange);
      return;
    }
    try {
      DurableWrites durable = endpoint.workers() == RequestWorkers.INLINE
          ? null : endpoint.dispatcher().engine().storage(); // inline: the caller's thread may wait
      if (durable == null) {
        serve(ctx, exchange.request, exchange.body, exchange.keepAlive);
      } else {
        serveDeferred(ctx, exchange, durable);
      }
    } catch (RuntimeException | Error e) {
      exceptionCaught(ctx, e);
    } finally {
      exchange.release();
    }
  }

  /**
   * Serves a quick request here with durable storage: its answer goes out once what it changed is
   * on the device, from the log's thread through this connection's event loop, while this thread
   * serves other connections; requests read on this one meanwhile wait their turn.
   */
  private void serveDeferred(ChannelHandlerContext ctx, Exchange exchange, DurableWrites durable) {
    Answer[] answer = new Answer[1];
    serving = true;
    answeringInline = true;
    try {
      durable.serveDeferred(() -> answer[0] = respond(ctx, exchange.request, exchange.body, exchange.keepAlive),
          () -> answered(ctx, answer[0]),
          () -> {
            answer[0].discard();
            answered(ctx, () -> send(ctx, Dispatcher.error(DynamoException.internal("Internal server error")),
                AMZ_JSON, endpoint.nextRequestId(), exchange.keepAlive));
          });
    } catch (RuntimeException | Error e) {
      serving = false;
      throw e;
    } finally {
      answeringInline = false;
    }
  }

  /** Sends a deferred answer: at once when still serving it on the event loop, else through it. */
  private void answered(ChannelHandlerContext ctx, Answer answer) {
    if (ctx.executor().inEventLoop() && answeringInline) {
      serving = false; // the caller goes on with the requests read meanwhile
      answer.send();
    } else {
      ctx.executor().execute(() -> {
        answer.send();
        served(ctx);
      });
    }
  }

  /**
   * Whether a request costs so little that handing it to a worker would cost more than serving it:
   * a single-item operation or a batch or transaction write (see {@link Dispatcher#quick}) with a
   * small, uncompressed body. Its work and its answer are bounded by the body (or by one item), so
   * it keeps no other connection waiting.
   */
  private boolean quick(Exchange exchange) {
    if (endpoint.workers() == RequestWorkers.INLINE) {
      return true;
    }
    HttpRequest request = exchange.request;
    HttpHeaders headers = request.headers();
    String target = headers.get("X-Amz-Target");
    return (exchange.body == null || exchange.body.readableBytes() <= QUICK_BODY_BYTES)
        && request.method().equals(HttpMethod.POST)
        && !request.uri().startsWith(ControlApi.PREFIX)
        && ContentEncoding.isIdentity(headers.get(HttpHeaderNames.CONTENT_ENCODING))
        && endpoint.dispatcher().quick(target)
        && !(TRANSACT_WRITE.equals(target) && exchange.body != null && mentions(exchange.body, ALL_OLD));
  }

  /**
   * Whether {@code word} occurs in the readable bytes of {@code body}: a plain loop over the
   * heap array (Netty's general search through the buffer's accessors cost a transaction's I/O
   * thread about a tenth of its time).
   */
  static boolean mentions(ByteBuf body, byte[] word) {
    if (!body.hasArray()) {
      return ByteBufUtil.indexOf(Unpooled.wrappedBuffer(word), body) >= 0;
    }
    byte[] bytes = body.array();
    int from = body.arrayOffset() + body.readerIndex();
    int last = from + body.readableBytes() - word.length;
    byte first = word[0];
    for (int i = from; i <= last; i++) {
      if (bytes[i] == first && Arrays.equals(bytes, i, i + word.length, word, 0, word.length)) {
        return true;
      }
    }
    return false;
  }

  /** Hands a request to a worker; on the I/O thread. */
  private void dispatch(ChannelHandlerContext ctx, Exchange exchange) {
    serving = true;
    ctx.channel().config().setAutoRead(false);
    boolean accepted = endpoint.workers().execute(() -> {
      try {
        serve(ctx, exchange.request, exchange.body, exchange.keepAlive);
      } catch (RuntimeException | Error e) {
        exceptionCaught(ctx, e);
      } finally {
        exchange.release();
        if (ctx.executor().inEventLoop()) {
          served(ctx);
        } else {
          ctx.executor().execute(() -> served(ctx));
        }
      }
    });
    if (!accepted) {
      exchange.release();
      send(ctx, OVERLOADED, AMZ_JSON, endpoint.nextRequestId(), exchange.keepAlive);
      served(ctx);
    }
  }

  /** After a response: the next request read meanwhile, or read on. On the I/O thread. */
  private void served(ChannelHandlerContext ctx) {
    serving = false;
    while (!serving) {
      Exchange next = waiting.poll();
      if (next == null) {
        if (continuePending) {
          continuePending = false;
          writeContinue(ctx);
        }
        ctx.channel().config().setAutoRead(true);
        return;
      }
      serveNext(ctx, next);
    }
  }

  private void serve(ChannelHandlerContext ctx, HttpRequest request, ByteBuf body, boolean keepAlive) {
    respond(ctx, request, body, keepAlive).send();
  }

  /** A response ready to send: sent, or (its request's change never durable) dropped. */
  private interface Answer {
    void send();

    default void discard() {}
  }

  /** Serves a request; returns its answer, not sent yet. */
  private Answer respond(ChannelHandlerContext ctx, HttpRequest request, ByteBuf body, boolean keepAlive) {
    String uri = request.uri();
    if (uri.startsWith(ControlApi.PREFIX)) {
      byte[] content = body == null ? new byte[0] : ByteBufUtil.getBytes(body);
      ProtocolResponse response = endpoint.control().handle(request.method(), uri, content,
          request.headers().get(HttpHeaderNames.AUTHORIZATION));
      return () -> send(ctx, response, "application/json", null, keepAlive);
    }
    String requestId = endpoint.nextRequestId();
    HttpHeaders headers = request.headers();
    int length = body == null ? 0 : body.readableBytes();
    byte[] bytes = null;
    int offset = 0;
    if (length > 0 && body.hasArray()) {
      bytes = body.array();
      offset = body.arrayOffset() + body.readerIndex();
    } else if (length > 0) {
      bytes = ByteBufUtil.getBytes(body);
    }
    RequestFront.Prepared prepared = RequestFront.prepare(request.method().name(), uri,
        headers.get(HttpHeaderNames.CONTENT_TYPE), headers.get(HttpHeaderNames.CONTENT_ENCODING),
        headers.get(HttpHeaderNames.AUTHORIZATION), bytes, offset, length);
    if (prepared.answer() != null) {
      return () -> send(ctx, prepared.answer(), prepared.answerType(), requestId, keepAlive);
    }
    String responseType = prepared.responseType();

    ByteBuf out = ctx.alloc().buffer(HEAD_ROOM + 512);
    out.writerIndex(HEAD_ROOM);
    int status;
    BufferBody responseBody = new BufferBody(out, HEAD_ROOM);
    try {
      status = endpoint.dispatcher().handle(headers.get("X-Amz-Target"), prepared.region(), requestId,
          new NettyRequestHead(request, secure, ctx.channel().remoteAddress()), prepared.body(), prepared.offset(), prepared.length(), responseBody);
    } catch (RuntimeException | Error e) {
      out.release();
      throw e;
    }
    int bodyLength = out.writerIndex() - HEAD_ROOM;
    CRC32 crc = new CRC32();
    crc.update(out.nioBuffer(HEAD_ROOM, bodyLength));
    TransportFault fault = responseBody.transportFault();
    int headLength = head(scratch, status, responseType, bodyLength, requestId,
        TransportFault.crc32(fault, crc.getValue()), keepAlive, endpoint.date().now());
    out.setBytes(HEAD_ROOM - headLength, scratch, 0, headLength);
    out.readerIndex(HEAD_ROOM - headLength);
    return new Answer() {
      @Override
      public void send() {
        if (fault != null) {
          TransportFaults.send(ctx, out, bodyLength, fault, keepAlive);
        } else {
          write(ctx, out, keepAlive);
        }
      }

      @Override
      public void discard() {
        out.release();
      }
    };
  }

  /** Sends a response whose body is already bytes. */
  private void send(ChannelHandlerContext ctx, ProtocolResponse response, String contentType,
                    String requestId, boolean keepAlive) {
    byte[] responseHead = new byte[HEAD_ROOM];
    int headLength = head(responseHead, response.status(), contentType, response.body().length, requestId,
        response.crc32(), keepAlive, endpoint.date().now());
    ByteBuf out = ctx.alloc().buffer(headLength + response.body().length);
    out.writeBytes(responseHead, 0, headLength).writeBytes(response.body());
    write(ctx, out, keepAlive);
  }

  private static void write(ChannelHandlerContext ctx, ByteBuf response, boolean keepAlive) {
    if (keepAlive) {
      ctx.writeAndFlush(response, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * Puts the status line and headers into {@code head} and returns their length. A head is at
   * most about 250 bytes: the content type and request id are short and ours.
   */
  static int head(byte[] head, int status, String contentType, int contentLength, String requestId,
                  long crc32, boolean keepAlive, byte[] date) {
    int at = put(head, 0, status == 200 ? STATUS_200 : statusLine(status));
    at = put(head, at, CONTENT_TYPE);
    at = put(head, at, contentType);
    at = put(head, at, CONTENT_LENGTH);
    at = put(head, at, contentLength);
    if (requestId != null) {
      at = put(head, at, REQUEST_ID);
      at = put(head, at, requestId);
    }
    at = put(head, at, CRC32_HEADER);
    at = put(head, at, crc32);
    at = put(head, at, DATE);
    at = put(head, at, date);
    at = put(head, at, SERVER);
    if (!keepAlive) {
      at = put(head, at, CLOSE);
    }
    return put(head, at, END);
  }

  private static byte[] statusLine(int status) {
    return ascii(HttpVersion.HTTP_1_1.text() + " " + HttpResponseStatus.valueOf(status) + "\r\n");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static int put(byte[] to, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, to, at, bytes.length);
    return at + bytes.length;
  }

  private static int put(byte[] to, int at, String ascii) {
    int length = ascii.length();
    for (int i = 0; i < length; i++) {
      to[at + i] = (byte) ascii.charAt(i);
    }
    return at + length;
  }

  private static int put(byte[] to, int at, long number) {
    if (number == 0) {
      to[at] = '0';
      return at + 1;
    }
    int digits = 0;
    for (long n = number; n > 0; n /= 10) {
      digits++;
    }
    for (int i = at + digits - 1; number > 0; i--) {
      to[i] = (byte) ('0' + number % 10);
      number /= 10;
    }
    return at + digits;
  }

  private void releaseBody() {
    if (body != null) {
      body.release();
      body = null;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    releaseBody();
    head = null;
    for (Exchange exchange = waiting.poll(); exchange != null; exchange = waiting.poll()) {
      exchange.release();
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A client that went away (connection reset) or a broken request: nothing to answer.
    if (!(cause instanceof IOException)) {
      DynamoServer.LOG.warn("Closing a connection after an unexpected error", cause);
    }
    ctx.close();
  }

  /** One complete request: its head, its body (or null) and whether the connection stays open. */
  private static final class Exchange {
    final HttpRequest request;
    final boolean keepAlive;
    /** What it is answered in its turn instead of being served (a 413, a 400), or null. */
    final ProtocolResponse refusal;
    ByteBuf body;

    Exchange(HttpRequest request, ByteBuf body, boolean keepAlive, ProtocolResponse refusal) {
      this.request = request;
      this.body = body;
      this.keepAlive = keepAlive;
      this.refusal = refusal;
    }

    void release() {
      if (body != null) {
        body.release();
        body = null;
      }
    }
  }

  /** A response body written into a buffer from {@code start} on. */
  private static final class BufferBody extends ResponseBody {
    private final ByteBuf buffer;
    private final int start;

    BufferBody(ByteBuf buffer, int start) {
      this.buffer = buffer;
      this.start = start;
    }

    @Override
    public void write(int b) {
      buffer.writeByte(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      buffer.writeBytes(b, off, len);
    }

    @Override
    public void reset() {
      buffer.writerIndex(start);
    }
  }
}
