package dev.dynamodouble.core.export;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.SnapshotParticipant;
import dev.dynamodouble.core.error.DynamoException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Exports to and imports from S3, with a local directory standing in for S3 ({@link S3Directory}).
 * Without a directory configured every export and import operation is refused with a
 * ValidationException saying so: nothing is accepted and silently not written.
 */
public final class DataTransfers {
  private volatile S3Directory s3;
  private final Exports exports;
  private final Imports imports;

  public DataTransfers(Engine engine) {
    this.exports = new Exports(engine, this::s3);
    this.imports = new Imports(engine, this::s3);
    engine.participate(SnapshotParticipant.of(exports::capture, exports::restore));
    engine.participate(SnapshotParticipant.of(imports::capture, imports::restore));
  }

  /** Makes {@code dir} the S3 stand-in: {@code s3://bucket/key} is {@code dir/bucket/key}. */
  public DataTransfers s3Directory(Path dir) {
    this.s3 = new S3Directory(Objects.requireNonNull(dir, "dir"));
    return this;
  }

  /** The S3 stand-in's directory, or null when none is configured. */
  public Path s3Directory() {
    S3Directory dir = s3;
    return dir == null ? null : dir.root();
  }

  public Exports exports() {
    return exports;
  }

  public Imports imports() {
    return imports;
  }

  /** The S3 stand-in, or {@code operation}'s ValidationException when none is configured. */
  private S3Directory s3(String operation) {
    S3Directory dir = s3;
    if (dir == null) {
      throw DynamoException.validation(operation + " needs the S3 stand-in directory, which is not configured: "
          + "set DynamoDouble.builder().s3Directory(dir) or start the server with --s3-dir DIR "
          + "(s3://bucket/prefix is then DIR/bucket/prefix)");
    }
    return dir;
  }

  /** Finds the S3 stand-in for an operation (refusing when it is not configured). */
  @FunctionalInterface
  interface S3Access {
    S3Directory require(String operation);

    /** The S3 stand-in, or null when none is configured. */
    default S3Directory find() {
      try {
        return require("");
      } catch (DynamoException e) {
        return null;
      }
    }
  }
}
