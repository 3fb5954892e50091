package dev.dynamodouble.core.export;

import java.time.Instant;

/** What exports and imports have in common: an ARN, a table, a region, a status, a ClientToken. */
interface Transfer {
  String IN_PROGRESS = "IN_PROGRESS";
  String COMPLETED = "COMPLETED";
  String FAILED = "FAILED";

  String arn();

  String region();

  String tableArn();

  String status();

  Instant startTime();

  String clientToken();
}
