package dev.dynamodouble.core.protocol;

import dev.dynamodouble.core.error.DynamoException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The top-level request members of every operation, as the DynamoDB API model has them (AWS SDK
 * for Java 2.59). The service ignores a member it does not know; Dynamo Double refuses it instead,
 * and refuses the members it knows but does not build, naming them: a request is never accepted
 * with part of it silently dropped (a newer SDK's member may be a feature a test relies on).
 */
public final class RequestMembers {
  private static final Map<String, Set<String>> KNOWN = new HashMap<>();
  /** Members of the model that nothing here reads, with why: "Operation.Member" to the reason. */
  private static final Map<String, String> NOT_BUILT = Map.of(
      "CreateTable.GlobalTableSourceArn",
      "creating a replica from a source table's ARN is not built; use UpdateTable ReplicaUpdates",
      "CreateTable.GlobalTableSettingsReplicationMode", "global table settings replication is not built",
      "UpdateTable.GlobalTableSettingsReplicationMode", "global table settings replication is not built",
      "UpdateTable.DisassociationProtectionEnabled", "disassociating a global table's replicas is not built");
  /** {@link #NOT_BUILT} by operation, so a request looks its members up without building names. */
  private static final Map<String, Map<String, String>> NOT_BUILT_BY_OPERATION = new HashMap<>();

  static {
    NOT_BUILT.forEach((name, reason) -> {
      int dot = name.indexOf('.');
      NOT_BUILT_BY_OPERATION.computeIfAbsent(name.substring(0, dot), k -> new HashMap<>())
          .put(name.substring(dot + 1), reason);
    });
  }

  static {
    known("CreateTable", "AttributeDefinitions", "TableName", "KeySchema", "LocalSecondaryIndexes",
        "GlobalSecondaryIndexes", "BillingMode", "ProvisionedThroughput", "StreamSpecification", "SSESpecification",
        "Tags", "TableClass", "DeletionProtectionEnabled", "WarmThroughput", "ResourcePolicy", "OnDemandThroughput",
        "GlobalTableSourceArn", "GlobalTableSettingsReplicationMode", "VectorIndexes");
    known("DescribeTable", "TableName");
    known("SearchVectors", "TableName", "IndexName", "ReturnConsumedCapacity", "ExpressionAttributeNames",
        "ExpressionAttributeValues", "ProjectionExpression", "SearchVector", "SearchConditionExpression", "TopK");
    known("ListTables", "ExclusiveStartTableName", "Limit");
    known("DeleteTable", "TableName");
    known("UpdateTable", "AttributeDefinitions", "TableName", "BillingMode", "ProvisionedThroughput",
        "GlobalSecondaryIndexUpdates", "StreamSpecification", "SSESpecification", "ReplicaUpdates", "TableClass",
        "DeletionProtectionEnabled", "MultiRegionConsistency", "GlobalTableWitnessUpdates", "OnDemandThroughput",
        "WarmThroughput", "GlobalTableSettingsReplicationMode", "VectorIndexUpdates",
        "DisassociationProtectionEnabled");
    known("PutItem", "TableName", "Item", "Expected", "ReturnValues", "ReturnConsumedCapacity",
        "ReturnItemCollectionMetrics", "ConditionalOperator", "ConditionExpression", "ExpressionAttributeNames",
        "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure");
    known("GetItem", "TableName", "Key", "AttributesToGet", "ConsistentRead", "ReturnConsumedCapacity",
        "ProjectionExpression", "ExpressionAttributeNames");
    known("DeleteItem", "TableName", "Key", "Expected", "ConditionalOperator", "ReturnValues",
        "ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "ConditionExpression", "ExpressionAttributeNames",
        "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure");
    known("UpdateItem", "TableName", "Key", "AttributeUpdates", "Expected", "ConditionalOperator", "ReturnValues",
        "ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "UpdateExpression", "ConditionExpression",
        "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure");
    known("BatchWriteItem", "RequestItems", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics");
    known("BatchGetItem", "RequestItems", "ReturnConsumedCapacity");
    known("Query", "TableName", "IndexName", "Select", "AttributesToGet", "Limit", "ConsistentRead",
        "KeyConditions", "QueryFilter", "ConditionalOperator", "ScanIndexForward", "ExclusiveStartKey",
        "ReturnConsumedCapacity", "ProjectionExpression", "FilterExpression", "KeyConditionExpression",
        "ExpressionAttributeNames", "ExpressionAttributeValues");
    known("Scan", "TableName", "IndexName", "AttributesToGet", "Limit", "Select", "ScanFilter",
        "ConditionalOperator", "ExclusiveStartKey", "ReturnConsumedCapacity", "TotalSegments", "Segment",
        "ProjectionExpression", "FilterExpression", "ExpressionAttributeNames", "ExpressionAttributeValues",
        "ConsistentRead");
    known("TransactWriteItems", "TransactItems", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics",
        "ClientRequestToken");
    known("TransactGetItems", "TransactItems", "ReturnConsumedCapacity");
    known("TagResource", "ResourceArn", "Tags");
    known("UntagResource", "ResourceArn", "TagKeys");
    known("ListTagsOfResource", "ResourceArn", "NextToken");
    known("UpdateTimeToLive", "TableName", "TimeToLiveSpecification");
    known("DescribeTimeToLive", "TableName");
    known("CreateBackup", "TableName", "BackupName");
    known("DescribeBackup", "BackupArn");
    known("ListBackups", "TableName", "Limit", "TimeRangeLowerBound", "TimeRangeUpperBound",
        "ExclusiveStartBackupArn", "BackupType");
    known("DeleteBackup", "BackupArn");
    known("RestoreTableFromBackup", "TargetTableName", "BackupArn", "BillingModeOverride",
        "GlobalSecondaryIndexOverride", "LocalSecondaryIndexOverride", "ProvisionedThroughputOverride",
        "OnDemandThroughputOverride", "SSESpecificationOverride", "VectorIndexOverride");
    known("UpdateContinuousBackups", "TableName", "PointInTimeRecoverySpecification");
    known("DescribeContinuousBackups", "TableName");
    known("RestoreTableToPointInTime", "SourceTableArn", "SourceTableName", "TargetTableName",
        "UseLatestRestorableTime", "RestoreDateTime", "BillingModeOverride", "GlobalSecondaryIndexOverride",
        "LocalSecondaryIndexOverride", "ProvisionedThroughputOverride", "OnDemandThroughputOverride",
        "SSESpecificationOverride", "VectorIndexOverride");
    known("DescribeEndpoints");
    known("ExecuteStatement", "Statement", "Parameters", "ConsistentRead", "NextToken", "ReturnConsumedCapacity",
        "Limit", "ReturnValuesOnConditionCheckFailure");
    known("BatchExecuteStatement", "Statements", "ReturnConsumedCapacity");
    known("ExecuteTransaction", "TransactStatements", "ClientRequestToken", "ReturnConsumedCapacity");
    known("UpdateContributorInsights", "TableName", "IndexName", "ContributorInsightsAction",
        "ContributorInsightsMode");
    known("DescribeContributorInsights", "TableName", "IndexName");
    known("ListContributorInsights", "TableName", "NextToken", "MaxResults");
    known("CreateGlobalTable", "GlobalTableName", "ReplicationGroup");
    known("DescribeGlobalTable", "GlobalTableName");
    known("UpdateGlobalTable", "GlobalTableName", "ReplicaUpdates");
    known("ListGlobalTables", "ExclusiveStartGlobalTableName", "Limit", "RegionName");
    known("DescribeGlobalTableSettings", "GlobalTableName");
    known("UpdateGlobalTableSettings", "GlobalTableName", "GlobalTableBillingMode",
        "GlobalTableProvisionedWriteCapacityUnits", "GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate",
        "GlobalTableGlobalSecondaryIndexSettingsUpdate", "ReplicaSettingsUpdate");
    known("DescribeTableReplicaAutoScaling", "TableName");
    known("UpdateTableReplicaAutoScaling", "GlobalSecondaryIndexUpdates", "TableName",
        "ProvisionedWriteCapacityAutoScalingUpdate", "ReplicaUpdates");
    known("PutResourcePolicy", "ResourceArn", "Policy", "ExpectedRevisionId", "ConfirmRemoveSelfResourceAccess");
    known("GetResourcePolicy", "ResourceArn");
    known("DeleteResourcePolicy", "ResourceArn", "ExpectedRevisionId");
    known("DescribeLimits");
    known("EnableKinesisStreamingDestination", "TableName", "StreamArn", "EnableKinesisStreamingConfiguration");
    known("DisableKinesisStreamingDestination", "TableName", "StreamArn", "EnableKinesisStreamingConfiguration");
    known("DescribeKinesisStreamingDestination", "TableName");
    known("ExportTableToPointInTime", "TableArn", "ExportTime", "ClientToken", "S3Bucket", "S3BucketOwner", "S3Prefix",
        "S3SseAlgorithm", "S3SseKmsKeyId", "ExportFormat", "ExportType", "IncrementalExportSpecification");
    known("DescribeExport", "ExportArn");
    known("ListExports", "TableArn", "MaxResults", "NextToken");
    known("ImportTable", "ClientToken", "S3BucketSource", "InputFormat", "InputFormatOptions", "InputCompressionType",
        "TableCreationParameters");
    known("DescribeImport", "ImportArn");
    known("ListImports", "TableArn", "PageSize", "NextToken");
    known("UpdateKinesisStreamingDestination", "TableName", "StreamArn", "UpdateKinesisStreamingConfiguration");
    known("ListStreams", "TableName", "Limit", "ExclusiveStartStreamArn");
    known("DescribeStream", "StreamArn", "Limit", "ExclusiveStartShardId", "ShardFilter");
    known("GetShardIterator", "StreamArn", "ShardId", "ShardIteratorType", "SequenceNumber", "Timestamp");
    known("GetRecords", "ShardIterator", "Limit");
  }

  private RequestMembers() {}

  private static void known(String operation, String... members) {
    KNOWN.put(operation, Set.of(members));
  }

  /** Refuses a top-level member {@code operation} does not take, or takes but Dynamo Double does not build. */
  public static void check(String operation, JsonRequest request) {
    Set<String> known = KNOWN.get(operation);
    if (known == null || request == null) {
      return;
    }
    JsonObject members = request.node();
    Map<String, String> notBuilt = NOT_BUILT_BY_OPERATION.getOrDefault(operation, Map.of());
    for (int i = 0; i < members.size(); i++) {
      String member = members.name(i);
      if (members.value(i) == Json.NULL) {
        continue; // a null member reads as absent
      }
      String reason = notBuilt.get(member);
      if (reason != null) {
        throw DynamoException.validation(operation + "'s " + member + " is not supported by Dynamo Double yet: " + reason);
      }
      if (!known.contains(member)) {
        throw DynamoException.validation("Unknown member " + member + " in a " + operation + " request: Dynamo Double "
            + "refuses members it does not know rather than ignore them (the API as of AWS SDK for Java 2.59)");
      }
    }
  }
}
