package dev.dynamodouble.core.export;

import dev.dynamodouble.core.error.DynamoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local directory standing in for Amazon S3: {@code s3://bucket/key} is the file
 * {@code DIR/bucket/key}. A bucket is a directory that must exist (as an S3 bucket must be created
 * before an export can write to it); keys use '/' whatever the platform, and a key that would
 * leave its bucket's directory is refused.
 */
public final class S3Directory {
  /** S3Bucket's pattern in the API model. */

  private final Path root;

  public S3Directory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The directory of a bucket, or null when it does not exist. */
  Path bucket(String name) {
    Path dir = root.resolve(name).normalize();
    return dir.getParent() != null && dir.getParent().equals(root) && Files.isDirectory(dir) ? dir : null;
  }

  /** The file of {@code key} in the bucket directory; a key escaping it is a ValidationException. */
  static Path file(Path bucket, String key) {
    Path file = bucket.resolve(key.replace('/', java.io.File.separatorChar)).normalize();
    if (!file.startsWith(bucket) || file.equals(bucket)) {
      throw DynamoException.validation("S3 key '" + key + "' does not name an object inside its bucket");
    }
    return file;
  }

  /**
   * The keys of the bucket's objects that start with {@code prefix}, in key order (as S3 lists
   * them). Only the directory the prefix's complete segments name is walked.
   */
  static List<String> keys(Path bucket, String prefix) throws IOException {
    String start = prefix.lastIndexOf('/') < 0 ? "" : prefix.substring(0, prefix.lastIndexOf('/'));
    Path from = start.isEmpty() ? bucket : file(bucket, start);
    List<String> keys = new ArrayList<>();
    if (!Files.isDirectory(from)) {
      return keys;
    }
    try (Stream<Path> files = Files.walk(from)) {
      files.filter(Files::isRegularFile).forEach(path -> {
        String key = bucket.relativize(path).toString().replace(java.io.File.separatorChar, '/');
        if (key.startsWith(prefix)) {
          keys.add(key);
        }
      });
    }
    keys.sort(null);
    return keys;
  }
}
