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
   * The format version in the segment's header; 0 when the file is too short to hold a header
   * (created, then the process died before writing it).
   *
   * @throws DataDirectoryException when the file is not a segment of this program
   */
  static int version(Path file) throws IOException {
    byte[] header = new byte[SegmentFormat.HEADER_BYTES];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(header, 0, header.length);
    }
    int magic = Math.min(read, SegmentFormat.MAGIC.length);
    if (!Arrays.equals(header, 0, magic, SegmentFormat.MAGIC, 0, magic)) {
      throw new DataDirectoryException(file + " is not a Dynamo Double data file (unknown header); "
          + "refusing to start, nothing was changed");
    }
    if (read < header.length) {
      return 0;
    }
    return (header[8] & 0xff) << 24 | (header[9] & 0xff) << 16 | (header[10] & 0xff) << 8 | header[11] & 0xff;
  }

  /** Reads every valid record of the segment (whose version the caller checked). */
  static Result read(Path file, Visitor visitor) throws IOException {
    long size = Files.size(file);
    if (size < SegmentFormat.HEADER_BYTES) {
      return new Result(0, size, false, "incomplete header");
    }
    long position = SegmentFormat.HEADER_BYTES;
    boolean complete = false;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      in.skipNBytes(SegmentFormat.HEADER_BYTES);
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
        int type = payload[0] & 0xff;
        if (type == SegmentFormat.CHECKPOINT_END) {
          complete = true;
        }
        visitor.record(type, new ByteSource(payload, 1, length - 1));
        position += SegmentFormat.FRAME_BYTES + length;
      }
    }
    return new Result(position, size, complete, null);
  }
}
