package dev.dynamodouble.benchmarks.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A document path as the test means it: a top-level name, then map keys (String) and list indexes (Integer). */
final class Path {

  enum Relation { DISJOINT, OVERLAP, CONFLICT }

  final List<Object> segments;

  Path(List<Object> segments) {
    this.segments = List.copyOf(segments);
  }

  static Path of(String top) {
    return new Path(List.of(top));
  }

  String top() {
    return (String) segments.get(0);
  }

  boolean nested() {
    return segments.size() > 1;
  }

  Path child(Object segment) {
    List<Object> longer = new ArrayList<>(segments);
    longer.add(segment);
    return new Path(longer);
  }

  /** What DynamoDB says of two paths in one update or projection expression. */
  Relation relationTo(Path other) {
    int common = Math.min(segments.size(), other.segments.size());
    for (int i = 0; i < common; i++) {
      Object mine = segments.get(i);
      Object theirs = other.segments.get(i);
      if (mine.equals(theirs)) {
        continue;
      }
      return mine.getClass() == theirs.getClass() ? Relation.DISJOINT : Relation.CONFLICT;
    }
    return Relation.OVERLAP;
  }

  /** The value at this path in an item, or null. */
  AttributeValue in(Map<String, AttributeValue> item) {
    AttributeValue current = item == null ? null : item.get(top());
    for (int i = 1; i < segments.size() && current != null; i++) {
      Object segment = segments.get(i);
      if (segment instanceof String && current.type() == AttributeValue.Type.M) {
        current = current.m().get(segment);
      } else if (segment instanceof Integer && current.type() == AttributeValue.Type.L) {
        int index = (Integer) segment;
        current = index < current.l().size() ? current.l().get(index) : null;
      } else {
        current = null;
      }
    }
    return current;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer) {
        out.append('[').append(segment).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(segment);
      }
    }
    return out.toString();
  }
}
