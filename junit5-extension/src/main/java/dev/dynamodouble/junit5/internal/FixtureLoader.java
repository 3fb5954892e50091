package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.fixture.FixtureEntry;
import dev.dynamodouble.core.fixture.FixtureError;
import dev.dynamodouble.core.fixture.FixtureFiles;
import dev.dynamodouble.junit5.FixtureException;
import java.util.List;

/**
 * Writes fixture entries into the engine in file order, each a PutItem (or DeleteItem) handed
 * straight to the operation, as the standalone server's {@code --fixtures} are: the same validation
 * and the same change feed (replicas, DAX) as a client's write, without an SDK client marshalling
 * every item and the engine parsing it back. The first entry refused fails with its file and line
 * and DynamoDB's error, the entries before it written.
 */
final class FixtureLoader {
  private FixtureLoader() {}

  /** Loads the entries into {@code region} with {@code dynamo}'s capacity unmetered: fixtures consume nothing and are never throttled. */
  static void load(DynamoDouble dynamo, String region, List<FixtureEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    try {
      dynamo.capacity().unmetered(() -> FixtureFiles.write(dynamo.engine(), region, entries));
    } catch (FixtureException e) {
      throw e;
    } catch (FixtureError e) {
      throw new FixtureException(e.file(), e.line(), e.where(), e.reason(), e);
    }
  }
}
