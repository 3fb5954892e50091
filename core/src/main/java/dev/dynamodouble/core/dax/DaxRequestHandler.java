package dev.dynamodouble.core.dax;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** Serves the requests of one DAX connection, in order. */
final class DaxRequestHandler extends SimpleChannelInboundHandler<Object> {
  private final DaxService service;
  private final DaxConnection connection = new DaxConnection();

  DaxRequestHandler(DaxService service) {
    this.service = service;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress remote && remote.getAddress() != null) {
      connection.sourceIp(remote.getAddress().getHostAddress());
    }
    super.channelActive(ctx);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Object message) {
    if (message instanceof DaxFrameDecoder.Request request) {
      byte[] answer = service.handle(request.method(), request.arguments(), connection);
      if (answer != null) {
        ctx.writeAndFlush(framed(answer));
      }
    } else if (message instanceof DaxFrameDecoder.Unknown unknown) {
      byte[] answer = DaxService.error(DaxError.notImplemented("DAX method " + unknown.method() + " of service "
          + unknown.service()));
      ctx.writeAndFlush(framed(answer)).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * An answer in one frame: the Java client reads answers in frames of an 8-byte header (the frame's
   * length with the header, big-endian, then flags whose lowest bit marks a message's last frame) and the bytes.
   */
  private static io.netty.buffer.ByteBuf framed(byte[] answer) {
    io.netty.buffer.ByteBuf header = Unpooled.buffer(8).writeInt(8 + answer.length).writeInt(0x01000000);
    return Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(answer));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
