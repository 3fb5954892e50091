package dev.dynamodouble.core.dax;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts DAX's unframed CBOR stream into requests. A connection opens with five items (the magic
 * string, a layering number, a session, a header map, the client mode); then each request is the
 * service number, the method number and as many items as the method takes. An item not complete
 * yet waits for more bytes.
 */
final class DaxFrameDecoder extends ByteToMessageDecoder {
  static final String MAGIC = "J7yne5G";
  private static final int PREAMBLE_ITEMS = 5;

  /** One request: its method and the bytes of its arguments. */
  record Request(DaxMethod method, byte[] arguments) {}

  /** A request this endpoint cannot cut out of the stream: the connection cannot go on. */
  record Unknown(long service, long method) {}

  private boolean opened;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    byte[] data = new byte[in.readableBytes()];
    in.getBytes(in.readerIndex(), data);
    CborReader reader = new CborReader(data);
    try {
      if (!opened) {
        if (!MAGIC.equals(reader.readText())) {
          ctx.close();
          return;
        }
        for (int i = 1; i < PREAMBLE_ITEMS; i++) {
          reader.skip();
        }
        opened = true;
        in.skipBytes(reader.position());
        return;
      }
      long service = reader.readLong();
      long id = reader.readLong();
      DaxMethod method = DaxMethod.of(id);
      if (service != DaxMethod.SERVICE || method == null) {
        in.skipBytes(in.readableBytes());
        out.add(new Unknown(service, id));
        return;
      }
      int start = reader.position();
      for (int i = 0; i < method.arguments; i++) {
        reader.skip();
      }
      out.add(new Request(method, reader.copyRange(start, reader.position())));
      in.skipBytes(reader.position());
    } catch (CborReader.Incomplete e) {
      // wait for the rest
    } catch (CborReader.Malformed e) {
      ctx.close();
    }
  }
}
