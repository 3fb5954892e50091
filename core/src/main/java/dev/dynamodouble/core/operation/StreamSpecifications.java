package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.stream.StreamViewType;
import dev.dynamodouble.core.stream.Streams;
import dev.dynamodouble.core.stream.TableStream;
import dev.dynamodouble.core.table.Table;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The StreamSpecification of CreateTable and UpdateTable, and the stream fields of a TableDescription. */
final class StreamSpecifications {
  /** A validated request: enable with a view type, or disable. */
  record Spec(boolean enabled, StreamViewType viewType) {}

  private StreamSpecifications() {}

  /** Checks the shape (with the request's other constraints); null when the request has none. */
  static void checkShape(Constraints constraints, JsonRequest request) {
    JsonRequest spec = request.structure("StreamSpecification");
    if (spec != null) {
      // StreamViewType's value set is checked with every other enum member (EnumMembers)
      constraints.notNull(spec.bool("StreamEnabled"), "streamSpecification.streamEnabled");
    }
  }

  /** The request's specification after {@link #checkShape}, or null. */
  static Spec read(JsonRequest request) {
    JsonRequest spec = request.structure("StreamSpecification");
    if (spec == null) {
      return null;
    }
    boolean enabled = spec.bool("StreamEnabled");
    String view = spec.string("StreamViewType");
    if (enabled && view == null) {
      throw DynamoException.validation(
          "One or more parameter values were invalid: StreamViewType is required when StreamEnabled is true");
    }
    if (!enabled && view != null) {
      throw DynamoException.validation(
          "One or more parameter values were invalid: StreamViewType cannot be specified when StreamEnabled is false");
    }
    return new Spec(enabled, view == null ? null : StreamViewType.valueOf(view));
  }

  /** Applies a CreateTable's specification to the new table (a disabled one means no stream). */
  static void create(Streams streams, Table table, Spec spec) {
    if (spec != null && spec.enabled()) {
      streams.enable(table, spec.viewType());
    }
  }

  /** Applies an UpdateTable's specification; DynamoDB's errors for enabling twice or disabling none. */
  static void update(Streams streams, Table table, Spec spec) {
    if (spec.enabled()) {
      streams.enable(table, spec.viewType());
    } else {
      streams.disable(table);
    }
  }

  /** StreamSpecification, LatestStreamArn and LatestStreamLabel of a table that has or had a stream. */
  static void write(JsonGenerator out, Table table) throws IOException {
    TableStream stream = Streams.latestOf(table);
    if (stream == null) {
      return;
    }
    out.writeObjectFieldStart("StreamSpecification");
    out.writeBooleanField("StreamEnabled", stream.isEnabled());
    if (stream.isEnabled()) {
      out.writeStringField("StreamViewType", stream.viewType().name());
    }
    out.writeEndObject();
    out.writeStringField("LatestStreamLabel", stream.label());
    out.writeStringField("LatestStreamArn", stream.arn());
  }
}
