package dev.dynamodouble.core.server;

import dev.dynamodouble.core.protocol.Dispatcher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty HTTP/1.1 server: NIO (no native libraries), keep-alive, one port. Connections are
 * accepted on a thread of their own, read and written on the I/O threads, and requests served on
 * {@link RequestWorkers}: no request, however slow, keeps another connection waiting.
 */
public final class DynamoServer implements AutoCloseable {
  static final Logger LOG = LoggerFactory.getLogger(DynamoServer.class);

  private final EventLoopGroup boss;
  private final EventLoopGroup group;
  private final RequestWorkers workers;
  private final Channel channel;

  private DynamoServer(EventLoopGroup boss, EventLoopGroup group, RequestWorkers workers, Channel channel) {
    this.boss = boss;
    this.group = group;
    this.workers = workers;
    this.channel = channel;
  }

  /** Binds {@code host:port} (port 0: any free port) and starts serving, with default request workers. */
  public static DynamoServer start(Dispatcher dispatcher, String host, int port) {
    return start(dispatcher, host, port, null, Workers.defaults());
  }

  /** As {@link #start(Dispatcher, String, int)} with these request workers. */
  public static DynamoServer start(Dispatcher dispatcher, String host, int port, Workers settings) {
    return start(dispatcher, host, port, null, settings);
  }

  /** Binds {@code host:port} (port 0: any free port) and starts serving; HTTPS when {@code tlsSettings} is not null. */
  public static DynamoServer start(Dispatcher dispatcher, String host, int port, TlsSettings tlsSettings,
                                   Workers settings) {
    SslContext tls = tlsSettings == null ? null : tlsSettings.serverContext();
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("dynamo-double-accept", true), NioIoHandler.newFactory());
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads,
        new DefaultThreadFactory("dynamo-double", true), NioIoHandler.newFactory());
    RequestWorkers workers = RequestWorkers.start(settings.threads(), settings.queue());
    try {
      Endpoint endpoint = new Endpoint(dispatcher, workers);
      ServerBootstrap bootstrap = new ServerBootstrap()
          .group(boss, group)
          .channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              if (tls != null) {
                ch.pipeline().addLast(tls.newHandler(ch.alloc()));
              }
              initPipeline(ch.pipeline(), endpoint, tls != null);
            }
          });
      Channel channel = bootstrap.bind(host, port).syncUninterruptibly().channel();
      return new DynamoServer(boss, group, workers, channel);
    } catch (RuntimeException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.close();
      throw e;
    }
  }

  /**
   * How many threads serve requests and how many requests may wait for one; beyond that a request
   * is answered at once with a retryable 503 ThrottlingException.
   */
  public record Workers(int threads, int queue) {
    public Workers {
      if (threads < 1 || queue < 1) {
        throw new IllegalArgumentException("request threads and queue must be at least 1: " + threads + ", " + queue);
      }
    }

    /** Four threads per core (at least eight: a few held requests never stall the rest), 1,024 queued. */
    public static Workers defaults() {
      return new Workers(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), 1024);
    }
  }

  /**
   * The handlers of one connection (also used by the benchmarks on an embedded channel): Netty's
   * request decoder, then our handler, which collects the body and encodes the response itself.
   * Request headers are not validated character by character: nothing here echoes them.
   */
  static void initPipeline(ChannelPipeline pipeline, Endpoint endpoint) {
    initPipeline(pipeline, endpoint, false);
  }

  private static void initPipeline(ChannelPipeline pipeline, Endpoint endpoint, boolean secure) {
    pipeline
        .addLast(new HttpRequestDecoder(new HttpDecoderConfig()
            .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
            .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false))))
        .addLast(new HttpHandler(endpoint, secure));
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** Stops in milliseconds: no quiet period, unlike Netty's two-second default. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    boss.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
    group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).syncUninterruptibly();
    boss.terminationFuture().syncUninterruptibly();
    workers.close();
  }
}
