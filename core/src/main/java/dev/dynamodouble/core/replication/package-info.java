/**
 * Global tables (version 2019.11.21): replicas of a table in other regions and the asynchronous
 * replication between them.
 *
 * <p>{@link dev.dynamodouble.core.replication.Replication} subscribes to the engine's change feed.
 * A change committed to a replica is stamped (commit time, region) and queued on a
 * {@link dev.dynamodouble.core.replication.Link} to every other replica's region; a task on the
 * engine clock applies it there when the link's lag has passed, through the feed with origin
 * {@code REPLICATION} (so the replica's stream records it and it is not sent on again), unless the
 * item there carries a later stamp: last writer wins, the same way in every region. Links can be
 * paused (their changes queue), resumed, given a lag, or cut off with a whole region; that is the
 * API the control endpoint and the JUnit extension call. Fault rules ({@code replicationLag},
 * {@code replicationPaused}) are consulted once per change and destination when it is queued: such
 * a change carries its own lag, or waits while its rule stays active.
 *
 * <p>A global table is known by its members, never by its name alone: tables are regional, so
 * several global tables (or plain tables) may share a name in different regions, and a change on its
 * way names the global table it belongs to. Membership, stamps and queues change only under the
 * engine's write lock. A replica's stamps
 * are a persistent map, so an engine snapshot captures them in O(1); a reset puts back membership
 * and stamps and drops the changes still queued for the table.
 *
 * <p>A global table with multi-Region strong consistency (MRSC, {@link
 * dev.dynamodouble.core.replication.StrongConsistency}) skips the links' queues: a change is applied
 * in every other replica within the commit that made it. It stays in flight only while the link to
 * a replica is paused or a region partitioned; meanwhile another region's write of the item is
 * refused with ReplicatedWriteConflictException ({@link
 * dev.dynamodouble.core.replication.Replication#checkNoConflict}).
 */
package dev.dynamodouble.core.replication;
