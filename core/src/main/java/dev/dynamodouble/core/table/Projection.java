package dev.dynamodouble.core.table;

import java.util.List;

/** An index projection: ALL, KEYS_ONLY, or INCLUDE with its non-key attributes. */
public record Projection(ProjectionType type, List<String> nonKeyAttributes) {
  public enum ProjectionType { ALL, KEYS_ONLY, INCLUDE }
}
