package dev.dynamodouble.core.persist;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineSnapshot;
import dev.dynamodouble.core.pipeline.Pipeline;
import dev.dynamodouble.core.time.ManualClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable storage for an engine ({@code --data-dir}): opens a directory (locking it against a second
 * server), refuses one written by a newer format, puts back the state its log holds, writes a fresh
 * checkpoint, and from then on logs every commit and holds each write's answer until it is on the
 * device (see {@link DurableStore} and {@link GroupCommitLog}).
 */
public final class DataDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
  /** A segment this large (and twice the last checkpoint) makes the log write a new checkpoint. */
  public static final long DEFAULT_COMPACTION_BYTES = 64L << 20;
  /** A directory holding no complete checkpoint is taken as new only when its segments are this small. */
  private static final long FIRST_START_BYTES = 4096;
  static final String LOCK_FILE = "lock";
  /** A line logged at start. */
  private record Notice(boolean warning, String text) {}
  /**
   * Request threads a server with a data directory should have at least: a write waits for the
   * device on its thread, and every waiting write can join the next group commit.
   */
  public static final int REQUEST_THREADS = 64;

  /** What this program keeps only in memory even with a data directory (logged at start, in the README). */
  public static final String NOT_DURABLE = "changes still on their way between global-table replicas (queued "
      + "within a link's lag or held by a paused link; the write stays in its region) and the links' lag, pauses and "
      + "partitions, the records a Kinesis destination received (the destination stays), Contributor Insights key "
      + "counts (the setting stays) and fault rules (load them again with --faults)";

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final GroupCommitLog log;
  private final DurableStore store;
  private final Engine engine;
  private final List<String> notices;
  private final OptionalInt recoveredTables;

  private DataDirectory(Path dir, FileChannel lockChannel, FileLock lock, GroupCommitLog log, DurableStore store,
                        Engine engine, List<String> notices, OptionalInt recoveredTables) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.log = log;
    this.store = store;
    this.engine = engine;
    this.notices = notices;
    this.recoveredTables = recoveredTables;
  }

  /** Opens {@code dir} for {@code engine} (which holds no table yet) with the default compaction size. */
  public static DataDirectory open(Path dir, Engine engine) {
    return open(dir, engine, DEFAULT_COMPACTION_BYTES, null);
  }

  /** Opens {@code dir}, encrypted at rest with {@code key} (null: plain), with the default compaction size. */
  public static DataDirectory open(Path dir, Engine engine, DataKey key) {
    return open(dir, engine, DEFAULT_COMPACTION_BYTES, key);
  }

  public static DataDirectory open(Path dir, Engine engine, long compactionBytes) {
    return open(dir, engine, compactionBytes, null);
  }

  /**
   * Opens {@code dir} for {@code engine}, which must hold no table yet. With a {@code key}, every
   * segment written from now on is encrypted (a plain directory is encrypted by the first
   * checkpoint, at start); an encrypted directory needs its key.
   *
   * @throws DataDirectoryException when the directory is in use, newer, damaged or unreadable;
   *     nothing in it was changed then
   */
  public static DataDirectory open(Path dir, Engine engine, long compactionBytes, DataKey key) {
    return open(dir, engine, compactionBytes, key, null);
  }

  /**
   * Opens {@code dir} for {@code engine}, which holds a seed (the standalone server's fixtures) loaded
   * after {@code unseeded} was taken: a new directory keeps the seed, a directory that holds data
   * puts the engine back to {@code unseeded} first, so what it holds replaces the seed whole (a seed
   * table deleted since stays deleted).
   */
  public static DataDirectory openSeeded(Path dir, Engine engine, DataKey key, EngineSnapshot unseeded) {
    return open(dir, engine, DEFAULT_COMPACTION_BYTES, key, unseeded);
  }

  private static DataDirectory open(Path dir, Engine engine, long compactionBytes, DataKey key,
      EngineSnapshot unseeded) {
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(dir);
      lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(lockChannel, dir);
      try {
        List<Notice> notices = new ArrayList<>();
        Recovered recovered = recover(dir, engine, key, notices, unseeded);
        long next = recovered.highest() + 1;
        DurableStore store = new DurableStore(engine);
        GroupCommitLog log = new GroupCommitLog(dir, next, compactionBytes, () -> engine.write(store::appendCheckpoint),
            key);
        store.log(log);
        long[] position = new long[1];
        engine.write(() -> {
          engine.feed().subscribe(store);
          engine.backups().listen(store);
          store.appendCheckpoint();
          position[0] = store.lastAppended();
        });
        log.awaitDurable(position[0]); // the old segments are gone once this checkpoint is on the device
        engine.pipeline().add(Pipeline.Order.AUTH, store);
        notices.add(new Notice(true, "Kept in memory only, lost on restart: " + NOT_DURABLE));
        for (Notice notice : notices) {
          if (notice.warning()) {
            LOG.warn(notice.text());
          } else {
            LOG.info(notice.text());
          }
        }
        DataDirectory opened = new DataDirectory(dir, lockChannel, lock, log, store, engine,
            notices.stream().map(Notice::text).toList(), recovered.tables());
        engine.storage(new DeferredDurability(opened::sync, store, log)); // a write is answered once on the device
        return opened;
      } catch (RuntimeException e) {
        lock.release();
        throw e;
      }
    } catch (IOException e) {
      close(lockChannel);
      throw new DataDirectoryException("cannot use the data directory " + dir + ": " + e, e);
    } catch (RuntimeException e) {
      close(lockChannel);
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new DataDirectoryException("the data directory " + dir + " is in use by another Dynamo Double server "
          + "(it holds the lock on " + dir.resolve(LOCK_FILE) + "); refusing to start, nothing was changed");
    }
    return lock;
  }

  /** The highest segment number present (0 for a new directory), and how many tables were recovered, if any. */
  private record Recovered(long highest, OptionalInt tables) {}

  /**
   * Replays the newest segment whose checkpoint is complete into the engine and truncates its torn
   * tail, if any.
   */
  private static Recovered recover(Path dir, Engine engine, DataKey key, List<Notice> notices,
      EngineSnapshot unseeded) throws IOException {
    List<Path> segments = DataFiles.segments(dir);
    Map<Path, SegmentReader.Header> headers = new HashMap<>();
    Map<Path, DataKey.Sealing> sealings = new HashMap<>();
    boolean plain = false;
    for (Path segment : segments) {
      SegmentReader.Header header = SegmentReader.header(segment);
      headers.put(segment, header);
      if (header.version() > SegmentFormat.VERSION) {
        throw new DataDirectoryException("the data directory " + dir + " was written by a newer Dynamo Double ("
            + segment.getFileName() + " has format " + header.version() + "; this version reads format "
            + SegmentFormat.VERSION + " and older); refusing to start, nothing was changed");
      }
      if (header.encrypted()) {
        if (key == null) {
          throw new DataDirectoryException("the data directory " + dir + " is encrypted (" + segment.getFileName()
              + "); start with --data-key and the file of its key; refusing to start, nothing was changed");
        }
        DataKey.Sealing sealing = key.open(header.salt(), header.check());
        if (sealing == null) {
          throw new DataDirectoryException("the data key " + key.source() + " does not open the data directory " + dir
              + " (" + segment.getFileName() + " was encrypted with another key); refusing to start, nothing was changed");
        }
        sealings.put(segment, sealing);
      } else if (header.complete()) {
        plain = true;
      }
    }
    if (plain && key != null) {
      notices.add(new Notice(true, "Encrypting " + dir.toAbsolutePath() + " with the data key " + key.source()
          + " (the checkpoint written at start replaces its plain segments)"));
    }
    if (segments.isEmpty()) {
      notices.add(new Notice(false, "New data directory " + dir.toAbsolutePath()));
      return new Recovered(0, OptionalInt.empty());
    }
    long highest = SegmentFormat.number(segments.get(segments.size() - 1));
    for (int i = segments.size() - 1; i >= 0; i--) {
      Path segment = segments.get(i);
      SegmentReader.Header header = headers.get(segment);
      int version = header.version();
      Recovery recovery = new Recovery(version);
      SegmentReader.Result result;
      try {
        result = SegmentReader.read(segment, header, sealings.get(segment), recovery);
      } catch (CorruptDataException e) {
        throw new DataDirectoryException(segment + " is damaged (" + e.getMessage()
            + "); refusing to start, nothing was changed");
      }
      if (!result.checkpointComplete()) {
        notices.add(new Notice(true, "Ignoring " + segment.getFileName() + ": its checkpoint was never completed "
            + "(the server stopped while writing it; it holds no acknowledged write)"));
        continue;
      }
      if (result.torn() && i < segments.size() - 1) {
        throw new DataDirectoryException(segment + " is damaged at byte " + result.validEnd() + " ("
            + result.tornReason() + ") and is not the last segment; refusing to start, nothing was changed");
      }
      if (unseeded != null) {
        engine.restore(unseeded); // what the directory holds replaces the seed; before the clock resumes
      }
      if (recovery.now() != null && engine.clock() instanceof ManualClock manual
          && recovery.now().isAfter(manual.now())) {
        manual.setTo(recovery.now()); // --manual-clock resumes where it was
        notices.add(new Notice(false, "The manual clock resumes at " + recovery.now()));
      }
      engine.write(() -> recovery.install(engine));
      if (result.torn()) {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
          channel.truncate(result.validEnd());
          channel.force(true);
        }
        notices.add(new Notice(true, "Truncated the torn tail of " + segment + ": "
            + (result.fileSize() - result.validEnd()) + " bytes after byte " + result.validEnd() + " (" + result.tornReason()
            + "; a write cut short by a crash, never acknowledged)"));
      }
      notices.add(new Notice(false, "Recovered " + recovery.tableCount() + " table(s) and " + recovery.backupCount()
          + " backup(s) from " + dir.toAbsolutePath() + " (" + recovery.records() + " log records)"));
      if (version < SegmentFormat.VERSION) {
        notices.add(new Notice(true, "Migrated " + dir.toAbsolutePath() + " from format " + version + " to format "
            + SegmentFormat.VERSION + " (the next checkpoint rewrites it; older versions of Dynamo Double "
            + "will refuse it from now on)"));
      }
      return new Recovered(highest, OptionalInt.of(recovery.tableCount()));
    }
    for (Path segment : segments) {
      if (Files.size(segment) > FIRST_START_BYTES) {
        throw new DataDirectoryException("the data directory " + dir + " holds no complete checkpoint; "
            + segment.getFileName() + " is damaged; refusing to start, nothing was changed");
      }
    }
    return new Recovered(highest, OptionalInt.empty()); // the first start stopped before its first checkpoint
  }

  /**
   * Logs the control-plane state now and waits until it is on the device. Requests through the
   * DynamoDB API do this themselves; a change made another way (the control API, the Java API)
   * calls it before it answers.
   */
  public void sync() {
    long[] position = new long[1];
    engine.write(() -> position[0] = store.appendControlPlaneNow());
    log.awaitDurable(position[0]);
  }

  /** The lines logged at start: what was recovered or truncated, and what is not durable. */
  public List<String> notices() {
    return notices;
  }

  public Path path() {
    return dir;
  }

  /**
   * How many tables the directory held and the engine now has from it; empty when it held none
   * (a new directory), and then a seed given to {@link #openSeeded} was kept.
   */
  public OptionalInt recoveredTables() {
    return recoveredTables;
  }

  /** How many times the log was forced to the device (with group commit, fewer than writes). */
  public long forces() {
    return log.forces();
  }

  /** Writes what is queued and the clock's time (a manual clock may have moved since), then releases the directory. */
  @Override
  public void close() {
    engine.storage(null);
    engine.backups().listen(null);
    try {
      sync();
    } catch (RuntimeException e) {
      LOG.warn("Writing the last state of {}: {}", dir, e.toString());
    }
    log.close();
    try {
      lock.release();
    } catch (IOException e) {
      LOG.warn("Releasing the lock of {}: {}", dir, e.toString());
    }
    close(lockChannel);
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
    }
  }
}
