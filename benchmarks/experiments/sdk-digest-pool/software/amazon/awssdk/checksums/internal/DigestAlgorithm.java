package software.amazon.awssdk.checksums.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * EXPERIMENT ONLY, never shipped: a stand-in for the AWS SDK's internal digest pool with the same
 * public surface, written for the benchmarks' "Four client threads against one" question. The
 * SDK's own pool keeps idle digests in a {@code LinkedBlockingDeque} (one lock per JVM); this one
 * keeps them in a lock-free {@link ConcurrentLinkedDeque}, so SigV4 signing stays exactly the same
 * computation but no client thread parks on the pool. Prepended to the class path by hand (see
 * benchmarks/README.md), it shows how much of the 1 → 4 thread ratio the pool's lock costs.
 */
public enum DigestAlgorithm {
  SHA1("SHA-1"),
  MD5("MD5"),
  SHA256("SHA-256"),
  SHA512("SHA-512");

  private static final int MAX_IDLE = 10_000;

  private final String algorithmName;
  private final Deque<MessageDigest> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();

  DigestAlgorithm(String algorithmName) {
    this.algorithmName = algorithmName;
  }

  public String getAlgorithmName() {
    return algorithmName;
  }

  /** A digest from the pool (reset) or a new one; closing it gives it back. */
  public CloseableMessageDigest getDigest() {
    MessageDigest pooled = idle.pollFirst();
    if (pooled != null) {
      idleCount.decrementAndGet();
      pooled.reset();
      return new CloseableMessageDigest(pooled);
    }
    try {
      return new CloseableMessageDigest(MessageDigest.getInstance(algorithmName));
    } catch (NoSuchAlgorithmException e) {
      throw new RuntimeException("No message digest for algorithm " + algorithmName, e);
    }
  }

  static void clearCaches() {
    for (DigestAlgorithm algorithm : values()) {
      algorithm.idle.clear();
      algorithm.idleCount.set(0);
    }
  }

  private void giveBack(MessageDigest digest) {
    if (idleCount.incrementAndGet() <= MAX_IDLE) {
      idle.offerFirst(digest);
    } else {
      idleCount.decrementAndGet();
    }
  }

  /** A borrowed digest; unusable once closed. */
  public final class CloseableMessageDigest implements SdkAutoCloseable, Cloneable {
    private MessageDigest digest;
    private byte[] result;

    private CloseableMessageDigest(MessageDigest digest) {
      this.digest = digest;
    }

    public MessageDigest messageDigest() {
      if (digest == null) {
        throw new IllegalStateException("This message digest is closed.");
      }
      return digest;
    }

    /** Computes the digest once, gives the instance back, and returns the same bytes on later calls. */
    public byte[] digest() {
      if (result == null) {
        result = messageDigest().digest();
        close();
      }
      return result;
    }

    @Override
    public void close() {
      if (digest != null) {
        MessageDigest returned = digest;
        digest = null;
        giveBack(returned);
      }
    }

    @Override
    public CloseableMessageDigest clone() {
      try {
        return new CloseableMessageDigest((MessageDigest) messageDigest().clone());
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("Clone not supported", e);
      }
    }
  }
}
