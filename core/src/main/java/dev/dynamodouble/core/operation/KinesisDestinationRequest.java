package dev.dynamodouble.core.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.kinesis.KinesisDestination;
import dev.dynamodouble.core.kinesis.Precision;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableStatus;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * What Enable-, Disable- and UpdateKinesisStreamingDestination share: the table and stream ARN
 * they name (checked as the service checks them), an optional precision, and the response shape.
 */
record KinesisDestinationRequest(Table table, String streamArn, Precision precision) {
  private static final Pattern STREAM_ARN =
      Pattern.compile("arn:aws[a-z-]*:kinesis:[a-z0-9-]+:[0-9]{12}:stream/[a-zA-Z0-9_.-]{1,128}");
  private static final String[] PRECISIONS = {"MILLISECOND", "MICROSECOND"};

  /** Reads and checks the request; {@code configuration} names the member holding the precision, if any. */
  static KinesisDestinationRequest read(RequestContext context, JsonRequest request, String configuration) {
    String tableName = request.string("TableName");
    String streamArn = request.string("StreamArn");
    JsonRequest settings = configuration == null ? null : request.structure(configuration);
    String precision = settings == null ? null : settings.string("ApproximateCreationDateTimePrecision");
    String precisionPath = configuration == null ? null
        : lowerFirst(configuration) + ".approximateCreationDateTimePrecision";
    Constraints constraints = new Constraints()
        .notNull(streamArn, "streamArn").minLength(streamArn, 37, "streamArn").maxLength(streamArn, 1024, "streamArn")
        .notNull(tableName, "tableName").tableNameOrArn(tableName, "tableName", context.region());
    if (precisionPath != null) {
      constraints.oneOf(precision, precisionPath, PRECISIONS);
    }
    constraints.check();
    if (!STREAM_ARN.matcher(streamArn).matches()) {
      throw DynamoException.validation("Invalid StreamArn: " + dev.dynamodouble.core.error.Echo.of(streamArn)
          + " is not the ARN of a Kinesis data stream");
    }
    Table table = context.catalog().describedTable(tableName);
    if (table.status() != TableStatus.ACTIVE) {
      throw DynamoException.resourceInUse("Table " + table.name() + " is in " + table.status()
          + " state; its Kinesis streaming destinations can be changed only while it is ACTIVE");
    }
    return new KinesisDestinationRequest(table, streamArn, precision == null ? null : Precision.valueOf(precision));
  }

  /** The response of the three operations; {@code configuration} names the echoed settings member, or null. */
  static JsonWritable response(Table table, KinesisDestination destination, String configuration) {
    return out -> {
      out.writeStartObject();
      out.writeStringField("DestinationStatus", destination.status().name());
      if (configuration != null) {
        writeConfiguration(out, configuration, destination.precision());
      }
      out.writeStringField("StreamArn", destination.streamArn());
      out.writeStringField("TableName", table.name());
      out.writeEndObject();
    };
  }

  private static void writeConfiguration(JsonGenerator out, String name, Precision precision) throws IOException {
    out.writeObjectFieldStart(name);
    out.writeStringField("ApproximateCreationDateTimePrecision", precision.name());
    out.writeEndObject();
  }

  private static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
