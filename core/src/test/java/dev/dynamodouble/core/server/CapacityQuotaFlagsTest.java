package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.engine.Quotas;
import org.junit.jupiter.api.Test;

/** The standalone server's throughput quota flags, beside the table and index quota flags. */
class CapacityQuotaFlagsTest {
  @Test
  void theThroughputQuotasCanBeRaised() {
    Quotas quotas = Main.Options.parse(new String[] {"--max-table-capacity", "100000", "--max-account-capacity",
        "250000", "--max-tables", "7"}).quotas;
    assertThat(quotas.tableMaxReadCapacityUnits()).isEqualTo(100_000L);
    assertThat(quotas.tableMaxWriteCapacityUnits()).isEqualTo(100_000L);
    assertThat(quotas.accountMaxReadCapacityUnits()).isEqualTo(250_000L);
    assertThat(quotas.accountMaxWriteCapacityUnits()).isEqualTo(250_000L);
    assertThat(quotas.tablesPerRegion()).isEqualTo(7);
  }

  @Test
  void byDefaultTheyAreDynamoDbs() {
    Quotas quotas = Main.Options.parse(new String[0]).quotas;
    assertThat(quotas.tableMaxReadCapacityUnits()).isEqualTo(40_000L);
    assertThat(quotas.accountMaxWriteCapacityUnits()).isEqualTo(80_000L);
  }
}
