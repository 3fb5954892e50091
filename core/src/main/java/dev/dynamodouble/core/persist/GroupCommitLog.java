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
 * The write-ahead log with group commit. Committers append entries (cheap: a list add, under the
 * engine's write lock and a lock of its own) and later wait until their entry is durable. The first waiter that finds no
 * force running becomes the leader: it takes everything queued, writes it, forces the file once,
 * and wakes every waiter its force covered; the next leader takes what was queued meanwhile. So
 * the number of forces falls as the load grows, with no timer and no thread hand-off for a writer
 * alone. Entries nobody waits for (a TTL sweep, a checkpoint) go out with the next force.
 *
 * <p>A thread that must not wait (a transport's I/O thread) asks to be called back instead
 * ({@link #whenDurable}); the log's own thread then leads for it, and every force runs the
 * call-backs it covered, whoever led it.
 */
final class GroupCommitLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitLog.class);

  private final Path dir;
  private final long compactAt;
  private final Runnable checkpoint;
  private final DataKey key;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition forced = lock.newCondition();
  /** Signalled when a call-back is registered and no force is running: the log thread leads. */
  private final Condition work = lock.newCondition();
  /** Call-backs waiting for a force, in no particular order (positions come from many threads). */
  private List<Callback> callbacks = new ArrayList<>();
  /** An empty list for the next {@link #runCallbacks} to keep the waiting ones in; null while one runs a batch. */
  private List<Callback> spare = new ArrayList<>();
  private Thread logThread;
  /**
   * Guards {@link #queue} and {@link #appended} only, so that a commit (which appends holding the
   * engine's write lock) never waits behind a leader's or a waiter's work under {@link #lock}.
   */
  private final Object appendLock = new Object();
  private List<LogEntry> queue = new ArrayList<>();
  private long appended;
  private long durable;
  private IOException failure;
  private boolean flushing;
  private boolean closed;
  private volatile boolean checkpointQueued;
  private long forces;
  // written by the leader only, which holds `flushing`
  private SegmentWriter segment;
  private long nextSegment;
  private long checkpointBytes;

  /**
   * @param nextSegment the number of the first segment this log creates (on the first Rotate)
   * @param compactAt segment size from which a checkpoint is asked for (and at least twice the last)
   * @param checkpoint appends a checkpoint (Rotate ... CheckpointEnd) under the engine's write lock
   * @param key encrypts the segments this log writes, or null
   */
  GroupCommitLog(Path dir, long nextSegment, long compactAt, Runnable checkpoint, DataKey key) {
    this.key = key;
    this.dir = dir;
    this.nextSegment = nextSegment;
    this.compactAt = compactAt;
    this.checkpoint = checkpoint;
  }

  /** Queues an entry; returns its position, to {@link #awaitDurable} later. Never blocks on I/O. */
  long append(LogEntry entry) {
    synchronized (appendLock) {
      queue.add(entry);
      if (entry instanceof LogEntry.Rotate) {
        checkpointQueued = true;
      }
      return ++appended;
    }
  }

  /** What runs once an entry is durable ({@code done}) or can never be ({@code failed}). */
  private record Callback(long position, Runnable done, Runnable failed) {}

  /**
   * Runs {@code done} once the entry at {@code position} is on the device: at once on this thread
   * when it is already, else on the thread that forced it. {@code failed} instead when it never
   * will be. Never blocks on I/O.
   */
  void whenDurable(long position, Runnable done, Runnable failed) {
    boolean isDurable;
    lock.lock();
    try {
      isDurable = durable >= position;
      if (!isDurable && failure == null && !closed) {
        callbacks.add(new Callback(position, done, failed));
        if (logThread == null) {
          logThread = new Thread(this::leadForCallbacks, "dynamo-double-log");
          logThread.setDaemon(true);
          logThread.start();
        }
        if (!flushing) {
          work.signal();
        }
        return;
      }
    } finally {
      lock.unlock();
    }
    (isDurable ? done : failed).run();
  }

  /** The log thread: leads a force whenever a call-back waits and no one else is forcing. */
  private void leadForCallbacks() {
    lock.lock();
    try {
      while (true) {
        if (closed || failure != null) {
          return;
        }
        if (callbacks.isEmpty() || flushing) {
          work.awaitUninterruptibly();
          continue;
        }
        boolean checkpointDue = lead();
        if (checkpointDue) {
          lock.unlock();
          try {
            checkpoint.run(); // appends under the engine's write lock; goes out with the next force
          } finally {
            lock.lock();
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits until the entry at {@code position} (and all before it) is on the device, forcing it if no one is. */
  void awaitDurable(long position) {
    boolean checkpointDue = false;
    lock.lock();
    try {
      while (durable < position) {
        if (failure != null) {
          throw new java.io.UncheckedIOException("the data directory cannot be written", failure);
        }
        if (closed) {
          throw new IllegalStateException("the data directory is closed");
        }
        if (flushing) {
          forced.awaitUninterruptibly();
        } else {
          checkpointDue |= lead();
        }
      }
    } finally {
      lock.unlock();
    }
    if (checkpointDue) {
      checkpoint.run(); // takes the engine's write lock; goes out with the next force
    }
  }

  /** Writes and forces everything queued; called and returns holding the lock. Whether a checkpoint is due. */
  private boolean lead() {
    flushing = true;
    List<LogEntry> batch;
    long last;
    synchronized (appendLock) {
      batch = queue;
      queue = new ArrayList<>(Math.max(16, batch.size()));
      last = appended;
    }
    boolean written;
    lock.unlock();
    try {
      written = write(batch);
    } finally {
      lock.lock();
      flushing = false;
      forced.signalAll();
    }
    if (!written) {
      runCallbacks();
      return false;
    }
    durable = last;
    forces++;
    boolean due = !closed && !checkpointQueued && segment != null
        && segment.size() > Math.max(compactAt, 2 * checkpointBytes);
    if (due) {
      checkpointQueued = true;
    }
    runCallbacks(); // lets the lock go: another leader may be writing when it returns
    return due;
  }

  /**
   * Runs (outside the lock) the call-backs the last force covered, or all of them as failed when
   * the log failed or closed; wakes the log thread when some still wait. Called holding the lock.
   * The list of waiting call-backs becomes the batch (those still waiting move to the spare list),
   * and the batch, emptied, becomes the next spare: no list is allocated per force.
   */
  private void runCallbacks() {
    if (callbacks.isEmpty()) {
      return;
    }
    boolean over = failure != null || closed;
    long covered = durable;
    List<Callback> ready = callbacks;
    List<Callback> rest = spare != null ? spare : new ArrayList<>(); // null: another thread runs its batch
    spare = null;
    if (!over) {
      int kept = 0;
      for (int i = 0; i < ready.size(); i++) {
        Callback callback = ready.get(i);
        if (callback.position() <= covered) {
          ready.set(kept++, callback); // in order, as the batch runs them
        } else {
          rest.add(callback);
        }
      }
      while (ready.size() > kept) {
        ready.remove(ready.size() - 1);
      }
    }
    callbacks = rest;
    if (!rest.isEmpty() || over) {
      work.signal();
    }
    lock.unlock();
    try {
      for (Callback callback : ready) {
        try {
          (callback.position() <= covered ? callback.done() : callback.failed()).run();
        } catch (RuntimeException e) {
          LOG.warn("Answering a write once durable: {}", e.toString());
        }
      }
    } finally {
      lock.lock();
      ready.clear();
      if (spare == null) {
        spare = ready;
      }
    }
  }

  /** How many times the log was forced to the device (group commit: fewer than entries). */
  long forces() {
    lock.lock();
    try {
      return forces;
    } finally {
      lock.unlock();
    }
  }

  /** Writes one batch; without the lock. False (and the log failed for good) on an I/O error. */
  private boolean write(List<LogEntry> batch) {
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
      if (segment != null) {
        segment.force();
      }
      if (checkpointEnded) {
        dropSegmentsBefore(segment.number());
        checkpointQueued = false;
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
    segment = SegmentWriter.create(dir, nextSegment++, key);
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

  /** Forces what is queued (entries nobody waited for), then closes the segment. */
  @Override
  public void close() {
    lock.lock();
    try {
      while (flushing) {
        forced.awaitUninterruptibly();
      }
      boolean queued;
      synchronized (appendLock) {
        queued = !queue.isEmpty();
      }
      if ((queued || !callbacks.isEmpty()) && failure == null) {
        lead();
      }
      closed = true;
      forced.signalAll();
      runCallbacks(); // what the last force did not cover never will be
      work.signalAll();
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
