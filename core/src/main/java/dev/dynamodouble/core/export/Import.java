package dev.dynamodouble.core.export;

import java.time.Instant;
import java.util.List;

/**
 * One import, as DescribeImport reports it. Immutable: its completion replaces it in
 * {@link Imports}.
 *
 * @param errors the first {@link ImportReader#KEPT_ERRORS} error messages (DynamoDB writes every
 *     error to CloudWatch Logs; here they are logged and the first ones kept for
 *     {@link Imports#errors})
 */
public record Import(String arn, String region, String tableArn, String tableId, ImportRequest request,
                     Instant startTime, String status, Instant endTime, long processedItemCount,
                     long importedItemCount, long errorCount, long processedSizeBytes, String failureCode,
                     String failureMessage, List<String> errors) implements Transfer {

  @Override
  public String clientToken() {
    return request.clientToken();
  }

  /** The log group DynamoDB writes an import's errors to. */
  public String cloudWatchLogGroupArn() {
    String[] parts = arn.split(":", 6);
    return "arn:aws:logs:" + parts[3] + ":" + parts[4] + ":log-group:/aws-dynamodb/imports:*";
  }

  Import finished(String newStatus, Instant end, ImportReader.Counts counts, String code, String message) {
    return new Import(arn, region, tableArn, tableId, request, startTime, newStatus, end, counts.processed(),
        counts.imported(), counts.errors(), counts.bytes(), code, message, List.copyOf(counts.errorMessages()));
  }
}
