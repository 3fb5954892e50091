package dev.dynamodouble.core.value;

/** The ten DynamoDB data types, named as on the wire. */
public enum AttributeType {
  S, N, B, BOOL, NULL, M, L, SS, NS, BS;

  /** Whether this is one of the three set types. */
  public boolean isSet() {
    return this == SS || this == NS || this == BS;
  }

  /** The wire name: as {@link #name()}. */
  public String wireName() {
    return name();
  }

  /** Parses a wire name, or returns null when it is not one. */
  public static AttributeType fromWire(String name) {
    return switch (name) {
      case "S" -> S;
      case "N" -> N;
      case "B" -> B;
      case "BOOL" -> BOOL;
      case "NULL" -> NULL;
      case "M" -> M;
      case "L" -> L;
      case "SS" -> SS;
      case "NS" -> NS;
      case "BS" -> BS;
      default -> null;
    };
  }
}
