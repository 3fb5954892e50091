package dev.dynamodouble.core.dax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DAX's attribute lists: an item's non-key attribute names, in order, travel once as a list and
 * afterwards as the list's number. Id 1 is the empty list. Numbers live as long as the endpoint.
 */
final class AttributeLists {
  static final long EMPTY = 1;

  private final Map<List<String>, Long> ids = new HashMap<>();
  private final List<List<String>> lists = new ArrayList<>(List.of(List.of(), List.of()));

  /** The id of a list of names, defining it when new. */
  synchronized long idOf(List<String> names) {
    if (names.isEmpty()) {
      return EMPTY;
    }
    Long id = ids.get(names);
    if (id == null) {
      List<String> copy = List.copyOf(names);
      id = (long) lists.size();
      lists.add(copy);
      ids.put(copy, id);
    }
    return id;
  }

  /** The names of a list id, or a validation error for an id never defined. */
  synchronized List<String> names(long id) {
    if (id < EMPTY || id >= lists.size()) {
      throw DaxError.validation("Unknown attribute list id " + id);
    }
    return lists.get((int) id);
  }
}
