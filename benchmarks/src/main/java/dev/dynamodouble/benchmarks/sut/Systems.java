package dev.dynamodouble.benchmarks.sut;

import java.util.ArrayList;
import java.util.List;

/** The known systems under test, in table order. */
public final class Systems {

  private Systems() {}

  public static List<SystemUnderTest> all() {
    return List.of(new Floor(), new DynamoDbLocal(), new DynamoDouble(), new DynamoDoubleInProcess(),
        new DurableDynamoDouble());
  }

  public static SystemUnderTest byId(String id) {
    for (SystemUnderTest system : all()) {
      if (system.id().equals(id)) {
        return system;
      }
    }
    throw new IllegalArgumentException("unknown system '" + id + "'; known: " + ids());
  }

  /** Systems named in a comma-separated list, or all of them for "all". */
  public static List<SystemUnderTest> parse(String ids) {
    if (ids == null || ids.isBlank() || ids.trim().equals("all")) {
      return all();
    }
    List<SystemUnderTest> systems = new ArrayList<>();
    for (String id : ids.split(",")) {
      if (!id.isBlank()) {
        systems.add(byId(id.trim()));
      }
    }
    return systems;
  }

  private static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (SystemUnderTest system : all()) {
      ids.add(system.id());
    }
    return ids;
  }
}
