package dev.dynamodouble.core.ttl;

/**
 * Who made a change, as a DynamoDB Streams record's {@code userIdentity} reports it. Only the
 * service's own deletions carry one: TTL deletions are made by {@code Service} /
 * {@code dynamodb.amazonaws.com}; user writes have none.
 */
public record UserIdentity(String type, String principalId) {
  /** The identity of TTL deletions. */
  public static final UserIdentity DYNAMODB_SERVICE = new UserIdentity("Service", "dynamodb.amazonaws.com");
}
