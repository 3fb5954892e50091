/**
 * DynamoDB Streams: the first consumer of the change feed.
 *
 * <p>{@link dev.dynamodouble.core.stream.Streams} subscribes to the feed and appends each item
 * change of a table with an enabled stream to that stream's {@link dev.dynamodouble.core.stream.TableStream},
 * under the engine's write lock, so a GetRecords that follows a write always sees it (unless a
 * {@code streamDelay} fault rule holds a commit's records back: they, and every later record of
 * their shard, become readable when the delay has passed). A stream has a
 * fixed number of open shards (records of one partition key always go to the same one); each closes
 * after the rollover period and a child shard, naming it as parent, continues it. Rollover,
 * retention (24 hours) and the ENABLING/DISABLING statuses are computed from the engine clock
 * whenever a stream is touched, at the instants they were due, so no background task is needed and
 * nothing depends on when one would have run.
 *
 * <p>A record keeps the feed's {@link dev.dynamodouble.core.feed.ItemChange} (the stored, immutable
 * images) and is shaped by the stream's view type only when read: retaining one costs about 54
 * bytes plus any image the table no longer holds. Sequence numbers are the feed's engine-wide
 * sequence, so they increase in commit order across shards and streams. Shard iterators carry
 * their position and issue time (they expire after 15 minutes).
 */
package dev.dynamodouble.core.stream;
