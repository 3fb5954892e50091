package dev.dynamodouble.core.table;

import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.KeyOrder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The primary key of an item, ordered as the engine stores items: by a 64-bit hash of the
 * partition key (DynamoDB's scan order is by partition hash), then by partition key, then by sort
 * key. A Query seeks to one partition and walks its sort keys; a Scan walks the hash space, and a
 * parallel-scan segment is a slice of it.
 */
public record ItemKey(long hash, AttributeValue partition, AttributeValue sort) {
  public static final Comparator<ItemKey> ORDER = ItemKey::compare;

  /** A sort-key sentinel above every real sort key: seeks to the end of a partition. */
  public static final AttributeValue END_OF_PARTITION = new AttributeValue.Null();

  /** A key sentinel above every real table key: seeks past all entries sharing index keys. */
  public static final ItemKey HIGHEST = new ItemKey(-1L, END_OF_PARTITION, END_OF_PARTITION);

  /** A seek key at the first position of hash {@code hash} (a parallel-scan segment's start). */
  public static ItemKey atHash(long hash) {
    return new ItemKey(hash, null, null);
  }

  public static ItemKey of(AttributeValue partition, AttributeValue sort) {
    return new ItemKey(hashOf(partition), partition, sort);
  }

  private static int compare(ItemKey a, ItemKey b) {
    int byHash = Long.compareUnsigned(a.hash, b.hash);
    if (byHash != 0) {
      return byHash;
    }
    if (a.partition == null || b.partition == null) { // a hash seek sorts before its hash's keys
      return a.partition == b.partition ? 0 : a.partition == null ? -1 : 1;
    }
    // Equal hashes almost always mean one partition: check that first, it is much cheaper than ordering.
    if (a.partition != b.partition && !a.partition.equals(b.partition)) {
      int byPartition = KeyOrder.INSTANCE.compare(a.partition, b.partition);
      if (byPartition != 0) {
        return byPartition;
      }
    }
    return compareSort(a.sort, b.sort);
  }

  /** Null sorts first (a partition's start), {@link #END_OF_PARTITION} last (its end). */
  static int compareSort(AttributeValue a, AttributeValue b) {
    if (a == b) {
      return 0;
    }
    if (a == null || b == END_OF_PARTITION) {
      return -1;
    }
    if (b == null || a == END_OF_PARTITION) {
      return 1;
    }
    return KeyOrder.INSTANCE.compare(a, b);
  }

  /** A well-mixed 64-bit hash of a partition key value (FNV-1a, then a finaliser). */
  public static long hashOf(AttributeValue partition) {
    if (partition instanceof AttributeValue.L tuple) { // a multi-attribute partition key: its values hashed together
      long h = 0x9e3779b97f4a7c15L;
      for (AttributeValue element : tuple.value()) {
        h = (h ^ hashOf(element)) * 0x100000001b3L;
      }
      return h;
    }
    long h = 0xcbf29ce484222325L ^ partition.type().ordinal();
    switch (partition.type()) {
      case S: {
        String s = ((AttributeValue.S) partition).value();
        for (int i = 0; i < s.length(); i++) {
          h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        break;
      }
      case N:
        for (byte b : ((AttributeValue.N) partition).text().getBytes(StandardCharsets.US_ASCII)) {
          h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        break;
      case B:
        for (byte b : ((AttributeValue.B) partition).bytes()) {
          h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        break;
      default:
        h = (h ^ partition.hashCode()) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
