package dev.dynamodouble.core.stream;

import dev.dynamodouble.core.ttl.UserIdentity;
import dev.dynamodouble.core.value.AttributeValue;
import java.time.Instant;
import java.util.Map;

/**
 * One stream record, as DynamoDB Streams returns it and a trigger handler receives it.
 *
 * @param eventId a unique id of the record
 * @param eventName INSERT, MODIFY or REMOVE
 * @param awsRegion the table's region
 * @param eventSourceArn the stream's ARN
 * @param approximateCreationDateTime when the change was committed, on the engine clock
 * @param keys the item's key attributes
 * @param newImage the item after the change, when the view type includes it (else null)
 * @param oldImage the item before the change, when the view type includes it (else null)
 * @param sequenceNumber the record's sequence number (digits, increasing in commit order)
 * @param sizeBytes the size of the record's keys and images
 * @param viewType the stream's view type
 * @param userIdentity the service identity of a TTL deletion, else null
 */
public record StreamRecord(String eventId, String eventName, String awsRegion, String eventSourceArn,
                           Instant approximateCreationDateTime, Map<String, AttributeValue> keys,
                           Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage,
                           String sequenceNumber, long sizeBytes, StreamViewType viewType,
                           UserIdentity userIdentity) {
  public static final String EVENT_SOURCE = "aws:dynamodb";
  public static final String EVENT_VERSION = "1.1";
}
