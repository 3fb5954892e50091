package dev.dynamodouble.core.stream;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.feed.ItemChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** GetShardIterator's and GetRecords' work on a stream: positions, trimming, expiry, the 1 MB page. */
public final class StreamReads {
  /** One GetRecords answer; {@code next} is null once a closed shard has been read to its end. */
  public record Page(List<StreamRecord> records, ShardIterator next) {}

  private StreamReads() {}

  /** A new iterator of one of the five types (the caller checked the type's name). */
  public static ShardIterator iterator(TableStream stream, String shardId, String type, String sequenceNumber,
                                       Instant timestamp, Instant now) {
    Shard shard = shard(stream, shardId, now);
    requireFor(type, type.endsWith("SEQUENCE_NUMBER"), "SequenceNumber", sequenceNumber);
    requireFor(type, type.equals("AT_TIMESTAMP"), "Timestamp", timestamp);
    if (timestamp != null && timestamp.isAfter(now)) {
      throw DynamoException.validation("Invalid Timestamp " + timestamp + " for ShardIteratorType AT_TIMESTAMP: "
          + "it is in the future");
    }
    long after = stream.read(shard, now, s -> {
      switch (type) {
        case "TRIM_HORIZON":
          return stream.trimHorizon(s);
        case "LATEST":
          return Math.min(s.lastSequence(), s.readableThrough(now));
        case "AT_TIMESTAMP":
          // a timestamp older than the trim horizon finds the oldest retained record, as TRIM_HORIZON does
          return s.beforeFirstCreatedFrom(timestamp);
        default:
          long sequence = SequenceNumbers.parse(sequenceNumber);
          long last = s.isClosed() ? s.endSequence() : Math.max(s.lastSequence(), s.startSequence());
          if (sequence < s.startSequence() || sequence > last) {
            throw DynamoException.validation("Invalid SequenceNumber " + sequenceNumber + " for shard " + shardId);
          }
          if (sequence <= s.trimmedThrough()) {
            throw trimmed();
          }
          return type.equals("AT_SEQUENCE_NUMBER") ? sequence - 1 : sequence;
      }
    });
    return new ShardIterator(stream.arn(), shardId, after, now);
  }

  /** Refuses {@code member} missing where {@code type} needs it, or given where it does not. */
  private static void requireFor(String type, boolean needed, String member, Object value) {
    if (needed != (value != null)) {
      throw DynamoException.validation((needed ? "Must specify " : "Must not specify ") + member
          + " for ShardIteratorType " + type);
    }
  }

  /** Up to {@code limit} records (and at most {@code maxBytes}) after the iterator's position. */
  public static Page read(TableStream stream, ShardIterator iterator, int limit, long maxBytes, Duration lifetime,
                          Instant now) {
    if (now.isAfter(iterator.issuedAt().plus(lifetime))) {
      throw new DynamoException(ErrorCode.EXPIRED_ITERATOR, "Iterator expired: the iterator was created at "
          + iterator.issuedAt() + " and expires " + lifetime.toMinutes() + " minutes after it was created");
    }
    Shard shard = shard(stream, iterator.shardId(), now);
    // Only the copy happens under the stream's monitor (writers wait on it under the engine's lock).
    long[] end = new long[1];
    List<ItemChange> changes = stream.read(shard, now, s -> {
      if (iterator.afterSequence() < s.trimmedThrough()) {
        throw trimmed();
      }
      end[0] = s.isClosed() ? s.newestRecordSequence() : Long.MAX_VALUE; // -1: a closed shard with nothing left
      return s.readableAfter(iterator.afterSequence(), limit, now);
    });
    List<StreamRecord> records = new ArrayList<>();
    long bytes = 0;
    long position = iterator.afterSequence();
    for (ItemChange change : changes) {
      StreamRecord record = stream.record(change);
      if (!records.isEmpty() && bytes + record.sizeBytes() > maxBytes) {
        break;
      }
      bytes += record.sizeBytes();
      records.add(record);
      position = change.sequence();
    }
    boolean drained = position >= end[0];
    return new Page(records, drained ? null : new ShardIterator(stream.arn(), shard.id(), position, now));
  }

  private static Shard shard(TableStream stream, String shardId, Instant now) {
    Shard shard = stream.shard(shardId, now);
    if (shard == null) {
      throw DynamoException.resourceNotFound("Requested resource not found: Shard: " + shardId + " in Stream: "
          + stream.arn() + " not found");
    }
    return shard;
  }

  private static DynamoException trimmed() {
    return new DynamoException(ErrorCode.TRIMMED_DATA_ACCESS,
        "The operation attempted to read past the oldest stream record in a shard.");
  }
}
