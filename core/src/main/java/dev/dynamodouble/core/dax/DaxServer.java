package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.auth.DaxAccessControl;
import dev.dynamodouble.core.protocol.Dispatcher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A DAX cluster of one node on its own port, in front of the engine: the real DAX client
 * ({@code ClusterDaxClient}) connects to {@code dax://host:port} and uses it unchanged. Bytes are
 * read on the I/O threads; requests are served on request threads (each connection on one of
 * them, in order), so a slow request (a large scan, a write waiting for the writer lock or for
 * durable storage) keeps no other connection waiting.
 */
public final class DaxServer implements AutoCloseable {
  /** Request threads: connections are spread over them, each served in order on one. */
  private static final int REQUEST_THREADS = 8;

  private final EventLoopGroup group;
  private final EventExecutorGroup requests;
  private final Channel channel;
  private final String host;
  private final Runnable unsubscribe;

  private DaxServer(EventLoopGroup group, EventExecutorGroup requests, Channel channel, String host,
                    Runnable unsubscribe) {
    this.group = group;
    this.requests = requests;
    this.channel = channel;
    this.host = host;
    this.unsubscribe = unsubscribe;
  }

  /**
   * Binds {@code host:port} (0: any free port) and serves DAX from {@code cache} and the engine.
   *
   * @param access who may connect and what they may do, or null when auth is off
   */
  public static DaxServer start(Dispatcher dispatcher, DaxCache cache, DaxAccessControl access, String host,
                                int port) {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("dynamo-double-dax", true),
        NioIoHandler.newFactory());
    EventExecutorGroup requests = new DefaultEventExecutorGroup(REQUEST_THREADS,
        new DefaultThreadFactory("dynamo-double-dax-request", true));
    try {
      DynamoBackend backend = new DynamoBackend(dispatcher);
      // The service exists before the port opens (a client may connect at once); it reads its own
      // address, which only binding tells, when a client first asks for the endpoints.
      java.util.concurrent.atomic.AtomicReference<Channel> bound = new java.util.concurrent.atomic.AtomicReference<>();
      WrittenItems written = new WrittenItems();
      DaxService service = new DaxService(backend, cache, written, access,
          () -> (InetSocketAddress) bound.get().localAddress());
      dispatcher.engine().feed().subscribe(written);
      ServerBootstrap bootstrap = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new DaxFrameDecoder()).addLast(requests, new DaxRequestHandler(service));
            }
          });
      Channel channel;
      try {
        channel = bootstrap.bind(host, port).syncUninterruptibly().channel();
      } catch (RuntimeException e) {
        dispatcher.engine().feed().unsubscribe(written);
        throw e;
      }
      bound.set(channel);
      return new DaxServer(group, requests, channel, host, () -> dispatcher.engine().feed().unsubscribe(written));
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      requests.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The cluster's URL, as the DAX client takes it: {@code dax://host:port}. */
  public URI endpoint() {
    return URI.create("dax://" + host + ":" + port());
  }

  @Override
  public void close() {
    unsubscribe.run();
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).syncUninterruptibly();
    requests.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }
}
