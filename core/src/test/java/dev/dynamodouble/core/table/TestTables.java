package dev.dynamodouble.core.table;

import dev.dynamodouble.core.value.AttributeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Tables for unit tests of the engine's parts, built without going through CreateTable. */
public final class TestTables {
  private TestTables() {}

  /** An ACTIVE on-demand table keyed by a string {@code pk} alone. */
  public static Table active(String name, String region, Instant created) {
    KeySchema schema = new KeySchema(new KeyAttribute("pk", AttributeType.S), null);
    TableSpec spec = new TableSpec(name, schema, List.of(new KeyAttribute("pk", AttributeType.S)),
        BillingMode.PAY_PER_REQUEST, null, List.of(), List.of(), Map.of(), false, "STANDARD");
    Table table = new Table(spec, region, "arn:aws:dynamodb:" + region + ":000000000000:table/" + name, name, created);
    table.status(TableStatus.ACTIVE);
    return table;
  }
}
