package dev.dynamodouble.core.persist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The layout of a log segment ({@code 0000000000000001.ddlog}): a header (magic, format version;
 * from format 2 an encryption flag and, when encrypted, a salt and a key check), then records
 * framed as {@code [payload length][CRC32C of payload][payload]}; a payload (once opened, when
 * encrypted) starts with its type byte. Every segment begins with a checkpoint: the whole state (a
 * catalog, then each table's image or PITR history and its streams' records, then the backups),
 * ended by a checkpoint-end record; item changes, catalogs and backups added or dropped follow.
 */
final class SegmentFormat {
  /**
   * The format this code writes and the newest it reads. 2 added encryption, commit times, the
   * feed's sequence, the clock's time, {@link TableExtras}, backups, the PITR history and stream
   * records. 3 added global tables (replicas, their settings and auto scaling, version 2017.11.29,
   * MRSC), exports and imports, the streams of deleted tables, and catalogs that carry only the
   * tables that changed. An older directory is read and rewritten in this format at start.
   */
  static final int VERSION = 3;
  static final byte[] MAGIC = "DDOUBLE\n".getBytes(StandardCharsets.US_ASCII);
  /** The longest header: magic, version, the encryption flag, then (sealed) a salt and a key check. */
  static final int MAX_HEADER_BYTES = MAGIC.length + 4 + 1 + DataKey.SALT_BYTES + DataKey.TAG_BYTES;
  static final byte PLAIN = 0;
  static final byte SEALED = 1;
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
  static final int BACKUP = 7;
  static final int BACKUP_DROPPED = 8;
  static final int VERSION_DELTA = 9;
  static final int STREAM_BEGIN = 10;
  static final int STREAM_RECORDS = 11;
  /** Format 3: the tables whose definition changed, and those dropped, since the last catalog. */
  static final int TABLES = 12;
  /** Format 3: every global table (a small record, logged when one changes). */
  static final int GLOBAL_TABLES = 13;
  /** Format 3: exports and imports added or changed (or, whole, all of them). */
  static final int TRANSFERS = 14;
  /** Format 3, in a checkpoint: a deleted table whose streams are still readable; its streams follow. */
  static final int DELETED_TABLE = 15;

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
