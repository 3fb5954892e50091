package dev.dynamodouble.core.dax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The incremental scanner: the same end however the bytes are split, and bad input refused at once. */
class CborScannerTest {
  /** [1, "ab", {"k": [h'00', 2]}], an indefinite array [_ 1, tag(3321) [], (_ "a" "b")], then 7 and a float. */
  private static final byte[] ITEMS = {
      (byte) 0x83, 0x01, 0x62, 'a', 'b', (byte) 0xa1, 0x61, 'k', (byte) 0x82, 0x41, 0x00, 0x02,
      (byte) 0x9f, 0x01, (byte) 0xd9, 0x0c, (byte) 0xf9, (byte) 0x80, 0x7f, 0x61, 'a', 0x61, 'b', (byte) 0xff,
      (byte) 0xff,
      0x07, (byte) 0xfb, 0x40, 0x09, 0x21, (byte) 0xfb, 0x54, 0x44, 0x2d, 0x18};

  @Test
  void findsTheEndWhetherTheBytesComeAtOnceOrOneByOne() {
    CborScanner whole = new CborScanner();
    whole.start(0, 4);
    assertThat(whole.scan(Unpooled.wrappedBuffer(ITEMS))).isTrue();
    assertThat(whole.position()).isEqualTo(ITEMS.length);

    CborScanner pieces = new CborScanner();
    pieces.start(0, 4);
    ByteBuf buffer = Unpooled.buffer();
    for (int i = 0; i < ITEMS.length; i++) {
      assertThat(pieces.scan(buffer)).as("after %d bytes", i).isFalse();
      buffer.writeByte(ITEMS[i]);
    }
    assertThat(pieces.scan(buffer)).isTrue();
    assertThat(pieces.position()).isEqualTo(ITEMS.length);
  }

  @Test
  void stopsAfterTheItemsAskedFor() {
    CborScanner scanner = new CborScanner();
    scanner.start(0, 1);
    assertThat(scanner.scan(Unpooled.wrappedBuffer(ITEMS))).isTrue();
    assertThat(scanner.position()).isEqualTo(12);
  }

  @Test
  void refusesDeepNestingHugeLengthsAndStrayBreaks() {
    byte[] deep = new byte[CborScanner.MAX_DEPTH + 1];
    Arrays.fill(deep, (byte) 0x81);
    assertRefused(deep, "nested more than");
    assertRefused(new byte[] {0x5b, 0x7f, 0, 0, 0, 0, 0, 0, 0}, "larger than a request may be");
    assertRefused(new byte[] {(byte) 0xff}, "unexpected break");
    assertRefused(new byte[] {0x1c}, "reserved CBOR additional information");
  }

  private static void assertRefused(byte[] bytes, String message) {
    CborScanner scanner = new CborScanner();
    scanner.start(0, 1);
    assertThatThrownBy(() -> scanner.scan(Unpooled.wrappedBuffer(bytes)))
        .isInstanceOf(CborReader.Malformed.class).hasMessageContaining(message);
  }
}
