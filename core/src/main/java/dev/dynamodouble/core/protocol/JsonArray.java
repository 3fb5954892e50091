package dev.dynamodouble.core.protocol;

import java.util.AbstractList;
import java.util.RandomAccess;

/** A parsed JSON array: an immutable list of JSON values (see {@link Json}). */
public final class JsonArray extends AbstractList<Object> implements RandomAccess {
  private final Object[] elements;

  JsonArray(Object[] elements) {
    this.elements = elements;
  }

  @Override
  public Object get(int index) {
    return elements[index];
  }

  @Override
  public int size() {
    return elements.length;
  }

  /** The array as JSON text. */
  @Override
  public String toString() {
    return Json.toJson(this);
  }
}
