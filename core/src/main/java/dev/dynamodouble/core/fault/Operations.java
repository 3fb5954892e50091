package dev.dynamodouble.core.fault;

import java.util.Set;

/** The operation names a rule may match: DynamoDB's and DynamoDB Streams' APIs, built or not. */
final class Operations {
  static final Set<String> BATCH = Set.of("BatchWriteItem", "BatchGetItem");
  static final Set<String> TRANSACTIONS = Set.of("TransactWriteItems", "TransactGetItems");
  /** Reads that may be eventually consistent (and may read a GSI). */
  static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan");
  static final Set<String> INDEX_READS = Set.of("Query", "Scan");

  static final Set<String> ALL = Set.of(
      "BatchExecuteStatement", "BatchGetItem", "BatchWriteItem", "CreateBackup", "CreateGlobalTable", "CreateTable",
      "DeleteBackup", "DeleteItem", "DeleteResourcePolicy", "DeleteTable", "DescribeBackup",
      "DescribeContinuousBackups", "DescribeContributorInsights", "DescribeEndpoints", "DescribeExport",
      "DescribeGlobalTable", "DescribeGlobalTableSettings", "DescribeImport", "DescribeKinesisStreamingDestination",
      "DescribeLimits", "DescribeTable", "DescribeTableReplicaAutoScaling", "DescribeTimeToLive",
      "DisableKinesisStreamingDestination", "EnableKinesisStreamingDestination", "ExecuteStatement",
      "ExecuteTransaction", "ExportTableToPointInTime", "GetItem", "GetResourcePolicy", "ImportTable", "ListBackups",
      "ListContributorInsights", "ListExports", "ListGlobalTables", "ListImports", "ListTables", "ListTagsOfResource",
      "PutItem", "PutResourcePolicy", "Query", "RestoreTableFromBackup", "RestoreTableToPointInTime", "Scan",
      "TagResource", "TransactGetItems", "TransactWriteItems", "UntagResource", "UpdateContinuousBackups",
      "UpdateContributorInsights", "UpdateGlobalTable", "UpdateGlobalTableSettings", "UpdateItem",
      "UpdateKinesisStreamingDestination", "UpdateTable", "UpdateTableReplicaAutoScaling", "UpdateTimeToLive",
      "DescribeStream", "GetRecords", "GetShardIterator", "ListStreams");

  private Operations() {}
}
