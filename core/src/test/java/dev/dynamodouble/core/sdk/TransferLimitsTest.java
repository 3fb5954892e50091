package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExportSummary;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.ListExportsResponse;

/**
 * The README's limits on exports and imports in progress at once (300 and 50), and their list
 * pages (25 by default and at most), while a long status delay keeps them IN_PROGRESS.
 */
class TransferLimitsTest {
  @TempDir
  Path s3;

  private DynamoDouble start(ManualClock clock) throws Exception {
    Files.createDirectories(s3.resolve("bucket"));
    return DynamoDouble.builder().clock(clock).s3Directory(s3).statusDelay(Duration.ofHours(1)).start();
  }

  @Test
  void atMost300ExportsRunAtOnceAndTheyAreListedInPagesOf25() throws Exception {
    ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    try (DynamoDouble dynamo = start(clock); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      List<String> arns = new ArrayList<>();
      for (String table : List.of("orders", "other")) {
        SdkTestSupport.createTable(client, table, "pk", null);
        clock.advance(Duration.ofHours(1)); // ACTIVE
        client.updateContinuousBackups(r -> r.tableName(table)
            .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        arns.add(client.describeTable(r -> r.tableName(table)).table().tableArn());
      }
      clock.advance(Duration.ofMinutes(1));
      for (int i = 0; i < 300; i++) {
        String table = arns.get(i < 290 ? 0 : 1);
        client.exportTableToPointInTime(r -> r.tableArn(table).s3Bucket("bucket"));
      }
      assertError(() -> client.exportTableToPointInTime(r -> r.tableArn(arns.get(0)).s3Bucket("bucket")),
          "LimitExceededException", "Too many exports in progress: at most 300 can run at once");

      ListExportsResponse first = client.listExports(r -> r.tableArn(arns.get(1)));
      assertThat(first.exportSummaries()).hasSize(10).allMatch(e -> e.exportArn().startsWith(arns.get(1) + "/export/"));
      assertThat(first.nextToken()).isNull();
      List<String> listed = new ArrayList<>();
      String token = null;
      do {
        String from = token;
        ListExportsResponse page = client.listExports(r -> r.nextToken(from));
        assertThat(page.exportSummaries().size()).isLessThanOrEqualTo(25);
        page.exportSummaries().stream().map(ExportSummary::exportArn).forEach(listed::add);
        token = page.nextToken();
      } while (token != null);
      assertThat(listed).hasSize(300).doesNotHaveDuplicates();
      assertError(() -> client.listExports(r -> r.maxResults(26)), "ValidationException",
          "1 validation error detected: Value '26' at 'maxResults' failed to satisfy constraint: "
              + "Member must have value less than or equal to 25");

      clock.advance(Duration.ofHours(1)); // they complete; room again
      client.exportTableToPointInTime(r -> r.tableArn(arns.get(0)).s3Bucket("bucket"));
    }
  }

  @Test
  void atMost50ImportsRunAtOnce() throws Exception {
    ManualClock clock = DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    try (DynamoDouble dynamo = start(clock); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      Files.writeString(s3.resolve("bucket").resolve("items.json"), "{\"Item\":{\"pk\":{\"S\":\"a\"}}}\n");
      for (int i = 0; i <= 50; i++) {
        String table = "imported-" + i;
        Runnable start = () -> client.importTable(r -> r.s3BucketSource(b -> b.s3Bucket("bucket"))
            .inputFormat(InputFormat.DYNAMODB_JSON).tableCreationParameters(ExportImportTest.ordersLike(table)));
        if (i < 50) {
          start.run();
        } else {
          assertError(start::run, "LimitExceededException", "Too many imports in progress: at most 50 can run at once");
        }
      }
      assertThat(client.listImports(r -> { }).importSummaryList()).hasSize(25);
      assertThat(client.listTables().tableNames()).hasSize(50).doesNotContain("imported-50");
    }
  }
}
