/**
 * The change feed: the one door every committed item change leaves the engine by.
 *
 * <p>Every writer (PutItem/UpdateItem/DeleteItem, BatchWriteItem, TransactWriteItems, the TTL
 * sweeper, a GSI change, a restore, the per-test reset) publishes a new table root through
 * {@link dev.dynamodouble.core.feed.ChangeFeed#commit}, never through the table's versioned root
 * directly. The feed publishes the root and then tells its subscribers, in commit order, what
 * changed: one {@link dev.dynamodouble.core.feed.ItemChange} per item whose value changed, with its
 * before and after images, the commit's time on the engine clock, its
 * {@link dev.dynamodouble.core.feed.Origin} and a per-engine sequence. A write that changes nothing
 * (the same item put again, a delete of a missing item) is no change. Bulk replacements (a reset
 * to a snapshot, a restored table) are announced as a whole, not item by item.
 *
 * <h2>Rules for subscribers</h2>
 *
 * <ul>
 *   <li>Subscribers are called on the committing thread, under the engine's write lock, so they
 *       see changes exactly in commit order and a reader that sees the new root can already see
 *       what the subscriber made of it (a stream record, a cache invalidation). They must be quick
 *       and must never run user code or block: a consumer that runs user code (a trigger handler,
 *       which may write back through an SDK client) keeps a position in a buffer the subscriber
 *       filled, and reads it later on its own thread.</li>
 *   <li>{@link dev.dynamodouble.core.feed.FeedSubscriber#wants} lets a subscriber say which tables
 *       it cares about; when no subscriber wants a table, a write to it allocates nothing for the
 *       feed. That keeps the write path's cost at one counter increment when nobody listens.</li>
 *   <li>An {@code ItemChange} holds the stored, immutable items: retaining it costs the record
 *       itself plus any image the table no longer holds.</li>
 * </ul>
 *
 * <p>Consumers today: DynamoDB Streams ({@code stream}), and through them the in-JVM triggers
 * ({@code trigger}). Global-table replication, caches and a durable log subscribe the same way;
 * replicated writes carry {@link dev.dynamodouble.core.feed.Origin#REPLICATION} so a replicator can
 * skip its own echoes.
 */
package dev.dynamodouble.core.feed;
