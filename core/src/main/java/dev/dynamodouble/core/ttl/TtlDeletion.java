package dev.dynamodouble.core.ttl;

import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.value.AttributeValue;
import java.time.Instant;
import java.util.Map;

/**
 * One item the TTL sweeper deleted: a REMOVE made by the service, not by a user. Streams publish it
 * with {@link #userIdentity()} ({@code Service} / {@code dynamodb.amazonaws.com}), which is how
 * consumers tell expiry from a user's DeleteItem. Like every TTL deletion it consumed no capacity.
 *
 * @param keys the item's key attributes
 * @param oldImage the item as it was deleted
 * @param expiredAt the instant its TTL attribute named
 * @param deletedAt the clock time of the deletion
 * @param commitSequence the sequence of the table version that removed it (several deletions of one
 *     sweep share a commit)
 */
public record TtlDeletion(String region, String tableName, String tableArn, ItemKey key,
                          Map<String, AttributeValue> keys, StoredItem oldImage, Instant expiredAt,
                          Instant deletedAt, long commitSequence, UserIdentity userIdentity) {}
