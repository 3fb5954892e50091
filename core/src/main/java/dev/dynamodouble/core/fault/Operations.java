package dev.dynamodouble.core.fault;

import java.util.Set;

/** The operation names a rule may match: DynamoDB's and DynamoDB Streams' APIs, built or not. */
final class Operations {
  /** Batches whose items may be left unprocessed (BatchExecuteStatement: its statements throttled). */
  static final Set<String> BATCH = Set.of("BatchWriteItem", "BatchGetItem", "BatchExecuteStatement");
  static final Set<String> TRANSACTIONS = Set.of("TransactWriteItems", "TransactGetItems", "ExecuteTransaction");
  /** Reads that may be eventually consistent (ExecuteStatement: a SELECT). */
  static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "ExecuteStatement");
  /** Reads that may read an index (ExecuteStatement: a SELECT FROM "table"."index"). */
  static final Set<String> INDEX_READS = Set.of("Query", "Scan", "ExecuteStatement");

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
