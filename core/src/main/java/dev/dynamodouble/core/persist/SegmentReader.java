package dev.dynamodouble.core.persist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a segment's records in order, stopping at the first torn or corrupt one. */
final class SegmentReader {
  /** What a read found: where the valid records end, and the size of the file. */
  record Result(long validEnd, long fileSize, boolean checkpointComplete, String tornReason) {
    boolean torn() {
      return validEnd < fileSize;
    }
  }

  /** Receives each valid record: its type and its payload after the type byte. */
  interface Visitor {
    void record(int type, ByteSource payload);
  }

  private SegmentReader() {}

  /**
   * A segment's header: its format version (0 when the file is too short to hold a header: created,
   * then the process died before writing it), its length, and its sealing salt and key check when
   * its records are encrypted (format 2 and later).
   */
  record Header(int version, int bytes, byte[] salt, byte[] check) {
    boolean complete() {
      return version > 0;
    }

    boolean encrypted() {
      return salt != null;
    }
  }

  /**
   * Reads a segment's header.
   *
   * @throws DataDirectoryException when the file is not a segment of this program
   */
  static Header header(Path file) throws IOException {
    byte[] header = new byte[SegmentFormat.MAX_HEADER_BYTES];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(header, 0, header.length);
    }
    int magic = Math.min(read, SegmentFormat.MAGIC.length);
    if (!Arrays.equals(header, 0, magic, SegmentFormat.MAGIC, 0, magic)) {
      throw new DataDirectoryException(file + " is not a Dynamo Double data file (unknown header); "
          + "refusing to start, nothing was changed");
    }
    int at = SegmentFormat.MAGIC.length;
    if (read < at + 4) {
      return new Header(0, read, null, null);
    }
    int version = (header[at] & 0xff) << 24 | (header[at + 1] & 0xff) << 16 | (header[at + 2] & 0xff) << 8
        | header[at + 3] & 0xff;
    at += 4;
    if (version < 2) {
      return new Header(version, at, null, null);
    }
    if (version > SegmentFormat.VERSION) {
      return new Header(version, at, null, null); // refused by the caller, unread
    }
    if (read < at + 1) {
      return new Header(0, read, null, null);
    }
    if (header[at] == SegmentFormat.PLAIN) {
      return new Header(version, at + 1, null, null);
    }
    if (header[at] != SegmentFormat.SEALED) {
      throw new DataDirectoryException(file + " has an unknown encryption flag " + header[at]
          + "; refusing to start, nothing was changed");
    }
    at++;
    if (read < at + DataKey.SALT_BYTES + DataKey.TAG_BYTES) {
      return new Header(0, read, null, null);
    }
    byte[] salt = Arrays.copyOfRange(header, at, at + DataKey.SALT_BYTES);
    byte[] check = Arrays.copyOfRange(header, at + DataKey.SALT_BYTES, at + DataKey.SALT_BYTES + DataKey.TAG_BYTES);
    return new Header(version, at + DataKey.SALT_BYTES + DataKey.TAG_BYTES, salt, check);
  }

  /**
   * Reads every valid record of the segment (whose header the caller read and checked), opening
   * each with {@code sealing} when the segment is encrypted.
   */
  static Result read(Path file, Header header, DataKey.Sealing sealing, Visitor visitor) throws IOException {
    long size = Files.size(file);
    if (!header.complete()) {
      return new Result(0, size, false, "incomplete header");
    }
    long position = header.bytes();
    boolean complete = false;
    int index = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      in.skipNBytes(header.bytes());
      byte[] frame = new byte[SegmentFormat.FRAME_BYTES];
      byte[] payload = new byte[4096];
      while (position < size) {
        if (in.readNBytes(frame, 0, frame.length) < frame.length) {
          return new Result(position, size, complete, "incomplete record header");
        }
        int length = (frame[0] & 0xff) << 24 | (frame[1] & 0xff) << 16 | (frame[2] & 0xff) << 8 | frame[3] & 0xff;
        int crc = (frame[4] & 0xff) << 24 | (frame[5] & 0xff) << 16 | (frame[6] & 0xff) << 8 | frame[7] & 0xff;
        if (length < 1 || length > SegmentFormat.MAX_PAYLOAD
            || length > size - position - SegmentFormat.FRAME_BYTES) {
          return new Result(position, size, complete, "record length " + length + " runs past the end");
        }
        if (payload.length < length) {
          payload = new byte[Math.max(length, payload.length * 2)];
        }
        if (in.readNBytes(payload, 0, length) < length) {
          return new Result(position, size, complete, "incomplete record");
        }
        if (SegmentFormat.checksum(payload, 0, length) != crc) {
          return new Result(position, size, complete, "checksum mismatch");
        }
        byte[] plain = payload;
        int plainLength = length;
        if (sealing != null) {
          plain = sealing.open(index, payload, 0, length);
          plainLength = plain.length;
        }
        index++;
        if (plainLength < 1) {
          throw new CorruptDataException("an empty record");
        }
        int type = plain[0] & 0xff;
        if (type == SegmentFormat.CHECKPOINT_END) {
          complete = true;
        }
        visitor.record(type, new ByteSource(plain, 1, plainLength - 1));
        position += SegmentFormat.FRAME_BYTES + length;
      }
    }
    return new Result(position, size, complete, null);
  }
}
