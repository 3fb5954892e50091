package dev.dynamodouble.core.server;

import dev.dynamodouble.core.protocol.Dispatcher;
import dev.dynamodouble.core.protocol.ProtocolResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** Serves one HTTP request: the DynamoDB protocol on POST, the control API under its reserved path. */
@ChannelHandler.Sharable
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String AMZ_JSON = "application/x-amz-json-1.0";
  private static final ProtocolResponse UNKNOWN_OPERATION =
      ControlApi.withCrc(404, "<UnknownOperationException/>\n".getBytes(StandardCharsets.UTF_8));
  private static final ProtocolResponse HEALTHY =
      ControlApi.withCrc(200, "healthy: dynamo-double".getBytes(StandardCharsets.UTF_8));

  private final Dispatcher dispatcher;
  private final ControlApi control;
  private final AtomicLong requests = new AtomicLong();
  private final String idPrefix;

  HttpHandler(Dispatcher dispatcher, ControlApi control) {
    this.dispatcher = dispatcher;
    this.control = control;
    this.idPrefix = "DD" + Integer.toHexString(System.identityHashCode(this)).toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String uri = request.uri();
    if (uri.startsWith(ControlApi.PREFIX)) {
      send(ctx, request, control.handle(request), "application/json", null);
      return;
    }
    String requestId = nextRequestId();
    if (request.method().equals(HttpMethod.GET) && (uri.equals("/") || uri.isEmpty())) {
      send(ctx, request, HEALTHY, "text/plain", requestId);
      return;
    }
    String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
    ByteBuf content = request.content();
    boolean jsonType = contentType != null
        && (contentType.startsWith(AMZ_JSON) || contentType.startsWith("application/json"));
    if (!request.method().equals(HttpMethod.POST) || (content.isReadable() && !jsonType)) {
      send(ctx, request, UNKNOWN_OPERATION, "text/xml", requestId);
      return;
    }
    byte[] body;
    int offset;
    int length = content.readableBytes();
    if (content.hasArray()) {
      body = content.array();
      offset = content.arrayOffset() + content.readerIndex();
    } else {
      body = ByteBufUtil.getBytes(content);
      offset = 0;
    }
    String region = CredentialScope.region(request.headers().get(HttpHeaderNames.AUTHORIZATION));
    ProtocolResponse response = dispatcher.handle(request.headers().get("X-Amz-Target"), region, requestId,
        body, offset, length);
    String responseType = contentType != null && contentType.startsWith("application/json") ? "application/json" : AMZ_JSON;
    send(ctx, request, response, responseType, requestId);
  }

  /** A client closing or resetting its connection is normal; anything else is logged once, then the channel closes. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof java.io.IOException)) {
      org.slf4j.LoggerFactory.getLogger(HttpHandler.class).warn("Closing a connection after an error", cause);
    }
    ctx.close();
  }

  private String nextRequestId() {
    String counter = Long.toString(requests.incrementAndGet(), 36).toUpperCase(java.util.Locale.ROOT);
    StringBuilder id = new StringBuilder(52).append(idPrefix);
    for (int i = id.length() + counter.length(); i < 52; i++) {
      id.append('0');
    }
    return id.append(counter).toString();
  }

  private static void send(ChannelHandlerContext ctx, FullHttpRequest request, ProtocolResponse response,
                           String contentType, String requestId) {
    FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
    http.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
    if (requestId != null) {
      http.headers().set("x-amzn-RequestId", requestId);
    }
    http.headers().set("x-amz-crc32", Long.toString(response.crc32()));
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!keepAlive) {
      ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(http);
    }
  }
}
