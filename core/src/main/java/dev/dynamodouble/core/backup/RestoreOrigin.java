package dev.dynamodouble.core.backup;

import java.time.Instant;

/**
 * Where a restored table came from, kept as a table attachment. DescribeTable shows it as
 * RestoreSummary only while the table is still CREATING, as DynamoDB does.
 *
 * @param sourceBackupArn the backup restored (null for a point-in-time restore)
 * @param sourceTableArn the table the data came from
 * @param restoreDateTime the point in time restored (the backup's creation time for a backup)
 */
public record RestoreOrigin(String sourceBackupArn, String sourceTableArn, Instant restoreDateTime) {}
