package dev.dynamodouble.core.persist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The files of a data directory. */
final class DataFiles {
  private DataFiles() {}

  /** The directory's segments, oldest first. */
  static List<Path> segments(Path dir) throws IOException {
    List<Path> segments = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(file -> SegmentFormat.number(file) >= 0).forEach(segments::add);
    }
    segments.sort(Comparator.comparingLong(SegmentFormat::number));
    return segments;
  }

  /** Makes a file's creation or deletion durable (where the platform allows forcing a directory). */
  static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a directory; its file system orders metadata itself
    }
  }
}
