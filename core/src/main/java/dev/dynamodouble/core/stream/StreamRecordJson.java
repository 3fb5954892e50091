package dev.dynamodouble.core.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.protocol.AttributeValues;
import java.io.IOException;

/** Writes a stream record as the Streams API returns it. */
public final class StreamRecordJson {
  private StreamRecordJson() {}

  public static void write(JsonGenerator out, StreamRecord record) throws IOException {
    out.writeStartObject();
    out.writeStringField("awsRegion", record.awsRegion());
    out.writeObjectFieldStart("dynamodb");
    // The Streams API gives the creation time in whole epoch seconds.
    out.writeNumberField("ApproximateCreationDateTime", record.approximateCreationDateTime().getEpochSecond());
    out.writeFieldName("Keys");
    AttributeValues.writeItem(out, record.keys());
    if (record.newImage() != null) {
      out.writeFieldName("NewImage");
      AttributeValues.writeItem(out, record.newImage());
    }
    if (record.oldImage() != null) {
      out.writeFieldName("OldImage");
      AttributeValues.writeItem(out, record.oldImage());
    }
    out.writeStringField("SequenceNumber", record.sequenceNumber());
    out.writeNumberField("SizeBytes", record.sizeBytes());
    out.writeStringField("StreamViewType", record.viewType().name());
    out.writeEndObject();
    out.writeStringField("eventID", record.eventId());
    out.writeStringField("eventName", record.eventName());
    out.writeStringField("eventSource", StreamRecord.EVENT_SOURCE);
    out.writeStringField("eventVersion", StreamRecord.EVENT_VERSION);
    if (record.userIdentity() != null) {
      out.writeObjectFieldStart("userIdentity");
      out.writeStringField("PrincipalId", record.userIdentity().principalId());
      out.writeStringField("Type", record.userIdentity().type());
      out.writeEndObject();
    }
    out.writeEndObject();
  }
}
