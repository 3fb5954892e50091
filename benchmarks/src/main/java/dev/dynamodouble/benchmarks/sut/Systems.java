package dev.dynamodouble.benchmarks.sut;

import java.util.ArrayList;
import java.util.List;

/** The known systems under test, in table order. */
public final class Systems {

  private Systems() {}

  /** Every system this build has: DynamoDB Local's two only with {@code -Pdynamodb-local} ({@link DynamoDbLocalOptIn}). */
  public static List<SystemUnderTest> all() {
    List<SystemUnderTest> all = new ArrayList<>(List.of(new Floor()));
    DynamoDbLocalOptIn.server().ifPresent(all::add);
    all.addAll(List.of(new DynamoDouble(), new DynamoDoubleInProcess(), new DurableDynamoDouble()));
    DynamoDbLocalOptIn.embedded().ifPresent(all::add);
    return all;
  }

  /**
   * Systems run only when named: the launcher with its CDS archive measures nothing but a cold
   * start; the reading floor matters only beside the floor, for the large write bodies.
   */
  static List<SystemUnderTest> onRequest() {
    return List.of(new DynamoDoubleCds(), Floor.reading());
  }

  public static SystemUnderTest byId(String id) {
    List<SystemUnderTest> known = new ArrayList<>(all());
    known.addAll(onRequest());
    for (SystemUnderTest system : known) {
      if (system.id().equals(id)) {
        return system;
      }
    }
    if (DynamoDbLocalOptIn.names(id)) {
      throw new IllegalArgumentException("system '" + id + "': " + DynamoDbLocalOptIn.ABSENT);
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
    List<SystemUnderTest> known = new ArrayList<>(all());
    known.addAll(onRequest());
    for (SystemUnderTest system : known) {
      ids.add(system.id());
    }
    return ids;
  }
}
