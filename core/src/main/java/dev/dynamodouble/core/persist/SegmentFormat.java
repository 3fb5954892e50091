package dev.dynamodouble.core.persist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The layout of a log segment ({@code 0000000000000001.ddlog}): a header (magic, format version),
 * then records framed as {@code [payload length][CRC32C of payload][payload]}; a payload starts with
 * its type byte. Every segment begins with a checkpoint: the whole state (a catalog, then each
 * table's image), ended by a checkpoint-end record; item changes and catalogs follow.
 */
final class SegmentFormat {
  /** The format this code writes and the newest it reads. */
  static final int VERSION = 1;
  static final byte[] MAGIC = "DDOUBLE\n".getBytes(StandardCharsets.US_ASCII);
  static final int HEADER_BYTES = MAGIC.length + 4;
  static final int FRAME_BYTES = 8;
  /** Larger payloads are not written; a length above it is a torn or foreign record. */
  static final int MAX_PAYLOAD = 64 << 20;
  static final String SUFFIX = ".ddlog";

  static final int CATALOG = 1;
  static final int CHANGES = 2;
  static final int IMAGE_BEGIN = 3;
  static final int IMAGE_ITEMS = 4;
  static final int IMAGE_END = 5;
  static final int CHECKPOINT_END = 6;

  private SegmentFormat() {}

  static String fileName(long number) {
    return String.format("%016d%s", number, SUFFIX);
  }

  /** The segment number of a file name, or -1 when it is not a segment. */
  static long number(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(SUFFIX) || name.length() != 16 + SUFFIX.length()) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, 16));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static int checksum(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
