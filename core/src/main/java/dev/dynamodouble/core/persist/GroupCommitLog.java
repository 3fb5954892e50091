package dev.dynamodouble.core.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead log with group commit. Committers append entries (cheap: a list add) and later
 * wait until their entry is durable; one writer thread takes everything queued, writes it, forces
 * the file once, and wakes every waiter whose entry it covered. What is queued while a force runs
 * goes out in the next one, so the number of forces falls as the load grows, with no timer.
 */
final class GroupCommitLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitLog.class);

  private final Path dir;
  private final long compactAt;
  private final Runnable checkpoint;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queued = lock.newCondition();
  private final Condition forced = lock.newCondition();
  private final Thread writerThread;
  private List<LogEntry> queue = new ArrayList<>();
  private long appended;
  private long durable;
  private IOException failure;
  private boolean closing;
  private boolean checkpointQueued;
  private SegmentWriter segment;
  private long checkpointBytes;
  private long forces;

  /**
   * @param nextSegment the number of the first segment this log creates (on the first Rotate)
   * @param compactAt segment size from which a checkpoint is asked for (and at least twice the last)
   * @param checkpoint appends a checkpoint (Rotate ... CheckpointEnd) under the engine's write lock
   */
  GroupCommitLog(Path dir, long nextSegment, long compactAt, Runnable checkpoint) {
    this.dir = dir;
    this.compactAt = compactAt;
    this.checkpoint = checkpoint;
    this.nextSegment = nextSegment;
    this.writerThread = new Thread(this::run, "dynamo-double-log-writer");
    writerThread.setDaemon(true);
    writerThread.start();
  }

  private long nextSegment;

  /** Queues an entry; returns its position, to {@link #awaitDurable} later. Never blocks on I/O. */
  long append(LogEntry entry) {
    lock.lock();
    try {
      queue.add(entry);
      if (entry instanceof LogEntry.Rotate) {
        checkpointQueued = true;
      }
      queued.signal();
      return ++appended;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until the entry at {@code position} (and all before it) is on the device. */
  void awaitDurable(long position) {
    lock.lock();
    try {
      while (durable < position) {
        if (failure != null) {
          throw new java.io.UncheckedIOException("the data directory cannot be written", failure);
        }
        if (closing && !writerThread.isAlive()) {
          throw new IllegalStateException("the data directory is closed");
        }
        forced.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  /** How many times the writer forced the log to the device (group commit: fewer than entries). */
  long forces() {
    lock.lock();
    try {
      return forces;
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    while (true) {
      List<LogEntry> batch;
      long last;
      lock.lock();
      try {
        while (queue.isEmpty() && !closing) {
          queued.awaitUninterruptibly();
        }
        if (queue.isEmpty()) {
          return;
        }
        batch = queue;
        queue = new ArrayList<>();
        last = appended;
      } finally {
        lock.unlock();
      }
      boolean written = write(batch);
      lock.lock();
      try {
        if (written) {
          durable = last;
          forces++;
        }
        forced.signalAll();
      } finally {
        lock.unlock();
      }
      askForCheckpoint();
    }
  }

  private boolean write(List<LogEntry> batch) {
    if (failure != null) {
      return false;
    }
    try {
      boolean checkpointEnded = false;
      for (LogEntry entry : batch) {
        if (entry instanceof LogEntry.Rotate) {
          rotate();
        } else {
          segment.append(entry);
          if (entry instanceof LogEntry.CheckpointEnd) {
            checkpointEnded = true;
            checkpointBytes = segment.size();
          }
        }
      }
      segment.force();
      if (checkpointEnded) {
        dropSegmentsBefore(segment.number());
        lock.lock();
        try {
          checkpointQueued = false;
        } finally {
          lock.unlock();
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.error("Cannot write the data directory {}; writes are no longer acknowledged", dir, e);
      lock.lock();
      try {
        failure = e instanceof IOException io ? io : new IOException(e);
      } finally {
        lock.unlock();
      }
      return false;
    }
  }

  private void rotate() throws IOException {
    if (segment != null) {
      segment.force();
      segment.close();
    }
    segment = SegmentWriter.create(dir, nextSegment++);
    DataFiles.forceDirectory(dir);
  }

  private void dropSegmentsBefore(long number) throws IOException {
    for (Path file : DataFiles.segments(dir)) {
      if (SegmentFormat.number(file) < number) {
        Files.delete(file);
      }
    }
    DataFiles.forceDirectory(dir);
  }

  private void askForCheckpoint() {
    boolean due;
    lock.lock();
    try {
      due = !closing && failure == null && !checkpointQueued && segment != null
          && segment.size() > Math.max(compactAt, 2 * checkpointBytes);
      if (due) {
        checkpointQueued = true;
      }
    } finally {
      lock.unlock();
    }
    if (due) {
      checkpoint.run(); // takes the engine's write lock and appends Rotate ... CheckpointEnd
    }
  }

  /** Writes what is queued, then stops the writer and closes the segment. */
  @Override
  public void close() {
    lock.lock();
    try {
      closing = true;
      queued.signal();
    } finally {
      lock.unlock();
    }
    try {
      writerThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lock.lock();
    try {
      forced.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      if (segment != null) {
        segment.close();
      }
    } catch (IOException e) {
      LOG.warn("Closing the data directory's log: {}", e.toString());
    }
  }
}
