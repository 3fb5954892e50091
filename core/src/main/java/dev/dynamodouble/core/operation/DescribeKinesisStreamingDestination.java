package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.kinesis.KinesisDestination;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.Table;
import java.util.List;

/** DescribeKinesisStreamingDestination: every Kinesis data stream the table streams (or streamed) to. */
public final class DescribeKinesisStreamingDestination implements Operation {
  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("TableName");
    new Constraints().notNull(name, "tableName").tableNameOrArn(name, "tableName", context.region()).check();
    Table table = context.catalog().describedTable(name);
    List<KinesisDestination> destinations = context.engine().kinesis().describe(table);
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("KinesisDataStreamDestinations");
      for (KinesisDestination destination : destinations) {
        out.writeStartObject();
        out.writeStringField("ApproximateCreationDateTimePrecision", destination.precision().name());
        out.writeStringField("DestinationStatus", destination.status().name());
        out.writeStringField("StreamArn", destination.streamArn());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeStringField("TableName", table.name());
      out.writeEndObject();
    };
  }
}
