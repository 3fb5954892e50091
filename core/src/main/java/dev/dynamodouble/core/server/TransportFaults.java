package dev.dynamodouble.core.server;

import dev.dynamodouble.core.fault.FaultEffect;
import dev.dynamodouble.core.fault.TransportFault;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import java.util.concurrent.TimeUnit;

/**
 * Carries out what a fault rule asked of the transport for one response: a delay on the channel's
 * own timer (a real one, so that client timeouts fire; the engine never sleeps), then the response
 * as it is, or a reset connection, no response at all, a body cut short, or a wrong x-amz-crc32.
 */
final class TransportFaults {
  private TransportFaults() {}

  /**
   * Sends {@code response} (head and body, {@code bodyLength} of it body) as {@code fault} says.
   * Takes ownership of the buffer.
   */
  static void send(ChannelHandlerContext ctx, ByteBuf response, int bodyLength, TransportFault fault,
                   boolean keepAlive) {
    long delay = fault.delay().toNanos();
    if (delay > 0) {
      ctx.executor().schedule(() -> deliver(ctx, response, bodyLength, fault.wire(), keepAlive), delay,
          TimeUnit.NANOSECONDS);
    } else {
      deliver(ctx, response, bodyLength, fault.wire(), keepAlive);
    }
  }

  private static void deliver(ChannelHandlerContext ctx, ByteBuf response, int bodyLength, FaultEffect.Wire wire,
                              boolean keepAlive) {
    if (!ctx.channel().isActive()) {
      response.release(); // the client gave up waiting
      return;
    }
    if (wire == null || wire == FaultEffect.Wire.BAD_CRC32) {
      if (keepAlive) {
        ctx.writeAndFlush(response, ctx.voidPromise());
      } else {
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      }
      return;
    }
    switch (wire) {
      case CONNECTION_RESET -> {
        response.release();
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0); // close with RST, not FIN
        ctx.close();
      }
      case NO_RESPONSE -> response.release(); // the connection stays open and silent
      case TRUNCATED_BODY -> {
        // The head's content-length promises the whole body; send half of it and close.
        response.writerIndex(response.writerIndex() - Math.max(1, (bodyLength + 1) / 2));
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      }
      default -> throw new IllegalStateException("unhandled " + wire);
    }
  }
}
