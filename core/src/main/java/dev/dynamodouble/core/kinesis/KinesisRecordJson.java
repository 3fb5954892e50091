package dev.dynamodouble.core.kinesis;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.feed.ItemChange;
import dev.dynamodouble.core.feed.Origin;
import dev.dynamodouble.core.protocol.AttributeValues;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.stream.StreamRecord;
import dev.dynamodouble.core.ttl.UserIdentity;
import dev.dynamodouble.core.value.AttributeValue;
import dev.dynamodouble.core.value.ItemSize;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The data of a Kinesis record for one item change, as DynamoDB writes it to a destination stream:
 * always both images (a Kinesis destination has no view type), the creation time in the
 * destination's precision, and the table's name.
 */
final class KinesisRecordJson {
  private KinesisRecordJson() {}

  static String of(ItemChange change, Map<String, AttributeValue> keys, String eventId, Precision precision) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator out = Json.FACTORY.createGenerator(text)) {
      out.writeStartObject();
      out.writeStringField("awsRegion", change.region());
      out.writeObjectFieldStart("dynamodb");
      out.writeNumberField("ApproximateCreationDateTime", precision.epoch(change.createdAt()));
      out.writeFieldName("Keys");
      AttributeValues.writeItem(out, keys);
      long size = ItemSize.of(keys);
      if (change.newItem() != null) {
        out.writeFieldName("NewImage");
        AttributeValues.writeItem(out, change.newItem().attributes());
        size += change.newItem().size();
      }
      if (change.oldItem() != null) {
        out.writeFieldName("OldImage");
        AttributeValues.writeItem(out, change.oldItem().attributes());
        size += change.oldItem().size();
      }
      out.writeNumberField("SizeBytes", size);
      out.writeStringField("ApproximateCreationDateTimePrecision", precision.name());
      out.writeEndObject();
      out.writeStringField("eventID", eventId);
      out.writeStringField("eventName", change.kind().name());
      if (change.origin() == Origin.TTL) {
        UserIdentity identity = UserIdentity.DYNAMODB_SERVICE;
        out.writeObjectFieldStart("userIdentity");
        out.writeStringField("type", identity.type());
        out.writeStringField("principalId", identity.principalId());
        out.writeEndObject();
      } else {
        out.writeNullField("userIdentity");
      }
      out.writeStringField("recordFormat", "application/json");
      out.writeStringField("tableName", change.tableName());
      out.writeStringField("eventSource", StreamRecord.EVENT_SOURCE);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
