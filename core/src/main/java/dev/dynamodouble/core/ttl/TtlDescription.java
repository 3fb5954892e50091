package dev.dynamodouble.core.ttl;

/**
 * A table's TimeToLiveDescription: its status and, unless DISABLED, its TTL attribute (DynamoDB
 * forgets the attribute once TTL is disabled).
 */
public record TtlDescription(TtlStatus status, String attributeName) {}
