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

/** The Netty HTTP/1.1 server: NIO (no native libraries), keep-alive, one port. */
public final class DynamoServer implements AutoCloseable {
  static final Logger LOG = LoggerFactory.getLogger(DynamoServer.class);
  /** DynamoDB's request size limit. */
  static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  private final EventLoopGroup group;
  private final Channel channel;

  private DynamoServer(EventLoopGroup group, Channel channel) {
    this.group = group;
    this.channel = channel;
  }

  /** Binds {@code host:port} (port 0: any free port) and starts serving. */
  public static DynamoServer start(Dispatcher dispatcher, String host, int port) {
    return start(dispatcher, host, port, null);
  }

  /** As {@link #start(Dispatcher, String, int)}, serving HTTPS when {@code tls} is not null. */
  public static DynamoServer start(Dispatcher dispatcher, String host, int port, TlsSettings tlsSettings) {
    SslContext tls = tlsSettings == null ? null : tlsSettings.serverContext();
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads,
        new DefaultThreadFactory("dynamo-double", true), NioIoHandler.newFactory());
    try {
      Endpoint endpoint = new Endpoint(dispatcher);
      ServerBootstrap bootstrap = new ServerBootstrap()
          .group(group)
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
      return new DynamoServer(group, channel);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
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
    group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }
}
