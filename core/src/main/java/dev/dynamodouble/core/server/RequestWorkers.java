package dev.dynamodouble.core.server;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where requests are served, off Netty's I/O threads: a fixed number of threads and a bounded
 * queue. A slow request (a large scan, a held test request) then occupies one worker, never an
 * event loop, so other connections are read, written and accepted meanwhile; and when every
 * worker is busy and the queue is full, a request is refused at once rather than piling up.
 */
final class RequestWorkers implements AutoCloseable {
  /** Serves on the calling thread: for an embedded channel (the transport benchmarks). */
  static final RequestWorkers INLINE = new RequestWorkers(null);

  private final ThreadPoolExecutor pool;

  private RequestWorkers(ThreadPoolExecutor pool) {
    this.pool = pool;
  }

  /** {@code threads} workers (started when first needed) and room for {@code queued} waiting requests. */
  static RequestWorkers start(int threads, int queued) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queued), new DefaultThreadFactory("dynamo-double-request", true));
    pool.allowCoreThreadTimeOut(true); // an idle endpoint holds no threads
    return new RequestWorkers(pool);
  }

  /** Runs {@code task} on a worker; false, and the task not run, when the queue is full. */
  boolean execute(Runnable task) {
    if (pool == null) {
      task.run();
      return true;
    }
    try {
      pool.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Stops taking requests; those running are interrupted (a closing server answers no more). */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
