package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;

/** The parts of global tables Dynamo Double does not build, refused by name rather than ignored. */
final class GlobalTableRefusals {
  private GlobalTableRefusals() {}

  /** MultiRegionConsistency: EVENTUAL is what every global table here has; STRONG is not built. */
  static void checkConsistency(String consistency) {
    if (consistency == null || consistency.equals("EVENTUAL")) {
      return;
    }
    if (consistency.equals("STRONG")) {
      throw DynamoException.validation("MultiRegionConsistency STRONG (multi-Region strong consistency) is not "
          + "supported by Dynamo Double; global tables here replicate asynchronously (EVENTUAL)");
    }
    throw DynamoException.validation("1 validation error detected: Value '" + consistency + "' at "
        + "'multiRegionConsistency' failed to satisfy constraint: Member must satisfy enum value set: [EVENTUAL, STRONG]");
  }
}
