package dev.dynamodouble.core.backup;

/**
 * A table's server-side encryption when it is not the default (an AWS-owned key, which DescribeTable
 * does not describe): KMS with {@code kmsKeyArn}. Set by a restore's SSESpecificationOverride or
 * inherited from the backup's source; kept as a table attachment.
 */
public record Encryption(String sseType, String kmsKeyArn) {}
