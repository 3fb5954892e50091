package dev.dynamodouble.core.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** A response body, written straight to the output as JSON. */
@FunctionalInterface
public interface JsonWritable {
  JsonWritable EMPTY = out -> {
    out.writeStartObject();
    out.writeEndObject();
  };

  /** No body at all (TagResource, UntagResource): the service answers an empty 200. */
  JsonWritable NONE = out -> { };

  void write(JsonGenerator out) throws IOException;
}
