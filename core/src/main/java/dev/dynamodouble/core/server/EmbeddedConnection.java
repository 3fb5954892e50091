package dev.dynamodouble.core.server;

import dev.dynamodouble.core.protocol.Dispatcher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * The handlers of one server connection on an in-memory channel: HTTP request bytes in, response
 * bytes out, everything the server does per request but the socket. For the benchmarks, which
 * cannot touch the Netty this jar carries (it is relocated), so only bytes cross this class.
 */
public final class EmbeddedConnection implements AutoCloseable {
  private final EmbeddedChannel channel = new EmbeddedChannel();

  public EmbeddedConnection(Dispatcher dispatcher) {
    DynamoServer.initPipeline(channel.pipeline(), new Endpoint(dispatcher));
  }

  /**
   * Writes one request and drains the response; returns its size in bytes. With {@code check},
   * anything but a 200 throws with the response head.
   */
  public int exchange(byte[] request, boolean check) {
    channel.writeInbound(Unpooled.wrappedBuffer(request));
    int bytes = 0;
    for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
      if (out instanceof ByteBuf) {
        ByteBuf buf = (ByteBuf) out;
        if (check && bytes == 0 && !buf.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200")) {
          String head = buf.toString(StandardCharsets.US_ASCII);
          ReferenceCountUtil.release(out);
          throw new IllegalStateException(head);
        }
        bytes += buf.readableBytes();
      }
      ReferenceCountUtil.release(out);
    }
    return bytes;
  }

  @Override
  public void close() {
    channel.finishAndReleaseAll();
  }
}
