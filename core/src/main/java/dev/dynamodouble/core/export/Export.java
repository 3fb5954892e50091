package dev.dynamodouble.core.export;

import java.time.Instant;

/**
 * One export, as DescribeExport reports it. Immutable: its completion replaces it in
 * {@link Exports}, so an engine snapshot holds the state of every export at its instant.
 *
 * @param request what was asked (S3 location, format, type, times), compared for ClientToken reuse
 * @param status IN_PROGRESS, COMPLETED or FAILED
 * @param manifest the S3 key of manifest-summary.json, once written
 */
public record Export(String arn, String region, String tableArn, String tableId, ExportRequest request,
                     Instant startTime, String status, Instant endTime, String manifest, long itemCount,
                     long billedSizeBytes, String failureCode, String failureMessage) implements Transfer {

  @Override
  public String clientToken() {
    return request.clientToken();
  }

  /** The id at the end of the ARN ({@code 01234567890123-a1b2c3d4}): the export's folder under AWSDynamoDB/. */
  public String id() {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  Export completed(Instant end, String manifestKey, long items, long billed) {
    return new Export(arn, region, tableArn, tableId, request, startTime, COMPLETED, end, manifestKey, items, billed,
        null, null);
  }

  Export failed(Instant end, String code, String message) {
    return new Export(arn, region, tableArn, tableId, request, startTime, FAILED, end, null, 0, 0, code, message);
  }
}
