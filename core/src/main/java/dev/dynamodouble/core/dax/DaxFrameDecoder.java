package dev.dynamodouble.core.dax;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts DAX's unframed CBOR stream into requests. A connection opens with five items (the magic
 * string, a layering number, a session, a header map, the client mode); then each request is the
 * service number, the method number and as many items as the method takes. Items not complete yet
 * wait for more bytes; a {@link CborScanner} keeps its place meanwhile, so every byte is scanned
 * once however the request is split. A request over 16 MB (DynamoDB's limit) closes the connection.
 */
final class DaxFrameDecoder extends ByteToMessageDecoder {
  static final String MAGIC = "J7yne5G";
  private static final int PREAMBLE_ITEMS = 5;
  private static final int HEADER_ITEMS = 2;
  static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  /** One request: its method and the bytes of its arguments. */
  record Request(DaxMethod method, byte[] arguments) {}

  /** A request this endpoint cannot cut out of the stream: the connection cannot go on. */
  record Unknown(long service, long method) {}

  private enum Stage { PREAMBLE, HEADER, ARGUMENTS }

  private final CborScanner scanner = new CborScanner();
  private Stage stage = Stage.PREAMBLE;
  private DaxMethod method;
  /** Where the method's arguments start, relative to the reader index. */
  private int argumentsAt;

  DaxFrameDecoder() {
    scanner.start(0, PREAMBLE_ITEMS);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    try {
      // A stage that ends without consuming bytes goes straight on: the caller stops calling
      // when a call neither consumed nor produced anything.
      while (step(ctx, in, out)) {
        // next stage
      }
    } catch (CborReader.Malformed | CborReader.Incomplete e) {
      in.skipBytes(in.readableBytes());
      ctx.close();
    }
  }

  /** Scans on; true when a stage ended and the next may already be complete. */
  private boolean step(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (!scanner.scan(in)) {
      if (in.readableBytes() > MAX_REQUEST_BYTES) {
        in.skipBytes(in.readableBytes());
        ctx.close();
      }
      return false;
    }
    int end = scanner.position();
    switch (stage) {
      case PREAMBLE -> {
        CborReader reader = new CborReader(ByteBufUtil.getBytes(in, in.readerIndex(), end));
        if (!MAGIC.equals(reader.readText())) {
          in.skipBytes(in.readableBytes());
          ctx.close();
          return false;
        }
        in.skipBytes(end);
        next(Stage.HEADER, 0, HEADER_ITEMS);
        return true;
      }
      case HEADER -> {
        CborReader reader = new CborReader(ByteBufUtil.getBytes(in, in.readerIndex(), end));
        long service = reader.readLong();
        long id = reader.readLong();
        method = DaxMethod.of(id);
        if (service != DaxMethod.SERVICE || method == null) {
          in.skipBytes(in.readableBytes());
          out.add(new Unknown(service, id));
          return false;
        }
        argumentsAt = end;
        next(Stage.ARGUMENTS, end, method.arguments);
        return true;
      }
      case ARGUMENTS -> {
        out.add(new Request(method, ByteBufUtil.getBytes(in, in.readerIndex() + argumentsAt, end - argumentsAt)));
        in.skipBytes(end);
        next(Stage.HEADER, 0, HEADER_ITEMS);
        return true;
      }
      default -> throw new IllegalStateException(stage.name());
    }
  }

  private void next(Stage next, int from, int items) {
    stage = next;
    scanner.start(from, items);
  }
}
