package dev.dynamodouble.benchmarks.sut;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The floor: a Netty HTTP/1.1 endpoint (NIO, keep-alive, 127.0.0.1) that answers every request
 * with a canned awsJson1_0 response chosen by {@code X-Amz-Target}, doing no DynamoDB work at
 * all. It is the best any emulator could do with the same client and transport. It only decodes
 * the request head, skips the body (except Scan's, to find the page the client asks for), and
 * writes pre-encoded bytes.
 *
 * <p>The reading floor ({@link #startReading}) also reads every request body as any server of the
 * protocol must at least: Jackson's streaming parser over all of it, every member name and string
 * taken out, nothing built. What a server spends beyond it is what it spends on DynamoDB's work.
 */
public final class FloorServer implements RunningEndpoint {

  private static final JsonFactory JSON = JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();
  /** Read by nobody: where the reading floor puts what it read, so that reading it is not optimized away. */
  static volatile long readChars;

  private static final ByteBuf CONTINUE = Unpooled.unreleasableBuffer(Unpooled.directBuffer(32)
      .writeBytes("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

  private final EventLoopGroup group;
  private final Channel serverChannel;
  private final URI endpoint;

  private FloorServer(EventLoopGroup group, Channel serverChannel) {
    this.group = group;
    this.serverChannel = serverChannel;
    InetSocketAddress address = (InetSocketAddress) serverChannel.localAddress();
    this.endpoint = URI.create("http://127.0.0.1:" + address.getPort());
  }

  /** Binds 127.0.0.1:{@code port} (0 = any free port) with one event loop thread per core. */
  public static FloorServer start(int port) throws InterruptedException {
    return start(port, false);
  }

  /** As {@link #start}, reading every request body with Jackson before answering. */
  public static FloorServer startReading(int port) throws InterruptedException {
    return start(port, true);
  }

  private static FloorServer start(int port, boolean reads) throws InterruptedException {
    FloorResponses responses = FloorResponses.INSTANCE;
    int threads = Runtime.getRuntime().availableProcessors();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(
        threads, new DefaultThreadFactory(reads ? "floor-json" : "floor", true), NioIoHandler.newFactory());
    try {
      ServerBootstrap bootstrap = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
              channel.pipeline().addLast(new HttpRequestDecoder(), new FloorHandler(responses, reads));
            }
          });
      Channel channel = bootstrap.bind(new InetSocketAddress(Loopback.ADDRESS, port)).sync().channel();
      return new FloorServer(group, channel);
    } catch (InterruptedException | RuntimeException | Error e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Per connection; HTTP/1.1 clients do not pipeline, so one request is in flight at a time. */
  private static final class FloorHandler extends ChannelInboundHandlerAdapter {

    private final FloorResponses responses;
    private final boolean reads;
    private ByteBuf response;
    private boolean keepAlive;
    private boolean scan;
    private byte[] body = new byte[1024];
    private int bodyLength;

    FloorHandler(FloorResponses responses, boolean reads) {
      this.responses = responses;
      this.reads = reads;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof HttpRequest) {
          HttpRequest request = (HttpRequest) msg;
          if (request.decoderResult().isFailure()) {
            ctx.close();
            return;
          }
          String target = request.headers().get("X-Amz-Target");
          keepAlive = HttpUtil.isKeepAlive(request);
          scan = FloorResponses.isScan(target);
          bodyLength = 0;
          response = scan ? null : responses.forTarget(target);
          if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(CONTINUE.duplicate());
          }
        }
        if (msg instanceof HttpContent) {
          if (scan || reads) {
            append(((HttpContent) msg).content());
          }
          if (msg instanceof LastHttpContent) {
            if (reads) {
              read(body, bodyLength);
            }
            ByteBuf out = scan ? responses.scanPage(body, bodyLength) : response;
            ChannelFuture written = ctx.writeAndFlush(out.duplicate());
            if (!keepAlive) {
              written.addListener(ChannelFutureListener.CLOSE);
            }
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    private void append(ByteBuf content) {
      int n = content.readableBytes();
      if (bodyLength + n > body.length) {
        body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
      }
      content.getBytes(content.readerIndex(), body, bodyLength, n);
      bodyLength += n;
    }

    /** Every name and string of the body taken out; the total length keeps the JIT from dropping them. */
    private static void read(byte[] body, int length) {
      int chars = 0;
      try (JsonParser parser = JSON.createParser(body, 0, length)) {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
          if (token == JsonToken.FIELD_NAME) {
            chars += parser.currentName().length();
          } else if (token == JsonToken.VALUE_STRING) {
            chars += parser.getText().length();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      readChars += chars;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
