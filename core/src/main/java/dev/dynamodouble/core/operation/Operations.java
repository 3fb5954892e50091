package dev.dynamodouble.core.operation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of operations by their X-Amz-Target name. Adding an operation = one class + one
 * line here. The DynamoDB operations are created on first use, so a server that answers only a
 * few operations loads only their classes (start-up time).
 */
public final class Operations {
  private final Map<String, Operation> byName = new ConcurrentHashMap<>();
  private final boolean dynamoDbApi;

  private Operations(boolean dynamoDbApi) {
    this.dynamoDbApi = dynamoDbApi;
  }

  /** The DynamoDB API ({@code DynamoDB_20120810.*}). */
  public static Operations dynamoDb() {
    return new Operations(true);
  }

  /** A new instance of the DynamoDB operation of that name, or null. */
  private static Operation create(String name) {
    switch (name) {
      case "CreateTable": return new CreateTable();
      case "DescribeTable": return new DescribeTable();
      case "ListTables": return new ListTables();
      case "DeleteTable": return new DeleteTable();
      case "UpdateTable": return new UpdateTable();
      case "PutItem": return new PutItem();
      case "GetItem": return new GetItem();
      case "DeleteItem": return new DeleteItem();
      case "UpdateItem": return new UpdateItem();
      case "BatchWriteItem": return new BatchWriteItem();
      case "BatchGetItem": return new BatchGetItem();
      case "Query": return new Query();
      case "Scan": return new Scan();
      case "TransactWriteItems": return new TransactWriteItems();
      case "TransactGetItems": return new TransactGetItems();
      case "TagResource": return new TagResource();
      case "UntagResource": return new UntagResource();
      case "ListTagsOfResource": return new ListTagsOfResource();
      case "UpdateTimeToLive": return new UpdateTimeToLive();
      case "DescribeTimeToLive": return new DescribeTimeToLive();
      case "CreateBackup": return new CreateBackup();
      case "DescribeBackup": return new DescribeBackup();
      case "ListBackups": return new ListBackups();
      case "DeleteBackup": return new DeleteBackup();
      case "RestoreTableFromBackup": return new RestoreTableFromBackup();
      case "UpdateContinuousBackups": return new UpdateContinuousBackups();
      case "DescribeContinuousBackups": return new DescribeContinuousBackups();
      case "RestoreTableToPointInTime": return new RestoreTableToPointInTime();
      case "DescribeEndpoints": return new DescribeEndpoints();
      case "ExecuteStatement": return new ExecuteStatement();
      case "BatchExecuteStatement": return new BatchExecuteStatement();
      case "ExecuteTransaction": return new ExecuteTransaction();
      case "UpdateContributorInsights": return new UpdateContributorInsights();
      case "DescribeContributorInsights": return new DescribeContributorInsights();
      case "ListContributorInsights": return new ListContributorInsights();
      case "DescribeTableReplicaAutoScaling": return new DescribeTableReplicaAutoScaling();
      case "UpdateTableReplicaAutoScaling": return new UpdateTableReplicaAutoScaling();
      case "ExportTableToPointInTime": return new ExportTableToPointInTime();
      case "DescribeExport": return new DescribeExport();
      case "ListExports": return new ListExports();
      case "ImportTable": return new ImportTable();
      case "DescribeImport": return new DescribeImport();
      case "ListImports": return new ListImports();
      case "EnableKinesisStreamingDestination": return new EnableKinesisStreamingDestination();
      case "DisableKinesisStreamingDestination": return new DisableKinesisStreamingDestination();
      case "DescribeKinesisStreamingDestination": return new DescribeKinesisStreamingDestination();
      case "UpdateKinesisStreamingDestination": return new UpdateKinesisStreamingDestination();
      case "PutResourcePolicy": return new PutResourcePolicy();
      case "GetResourcePolicy": return new GetResourcePolicy();
      case "DeleteResourcePolicy": return new DeleteResourcePolicy();
      case "DescribeLimits": return new DescribeLimits();
      case "CreateGlobalTable": return new CreateGlobalTable();
      case "DescribeGlobalTable": return new DescribeGlobalTable();
      case "UpdateGlobalTable": return new UpdateGlobalTable();
      case "ListGlobalTables": return new ListGlobalTables();
      case "DescribeGlobalTableSettings": return new DescribeGlobalTableSettings();
      case "UpdateGlobalTableSettings": return new UpdateGlobalTableSettings();
      case "StartBulkPutItems", "DescribeBulkOperation", "ListBulkOperations", "CancelBulkOperation":
        return new NotSupported(name, "bulk operations (items put from S3) are not built");
      case "SearchVectors": return new SearchVectors();
      default: return null;
    }
  }

  /** The DynamoDB Streams API ({@code DynamoDBStreams_20120810.*}). */
  public static Operations streams() {
    return new Operations(false).add("ListStreams", new ListStreams()).add("DescribeStream", new DescribeStream())
        .add("GetShardIterator", new GetShardIterator()).add("GetRecords", new GetRecords());
  }

  public Operations add(String name, Operation operation) {
    byName.put(name, operation);
    added.add(name);
    return this;
  }

  /** Names given an operation by {@link #add} (a test's, or the Streams API's), not created here. */
  private final java.util.Set<String> added = ConcurrentHashMap.newKeySet();

  /** Whether {@code name} is served by this project's own DynamoDB operation (not one added). */
  public boolean isStandard(String name) {
    return dynamoDbApi && !added.contains(name);
  }

  /** The operation of that name, or null. */
  public Operation get(String name) {
    Operation operation = byName.get(name);
    if (operation == null && dynamoDbApi) {
      Operation created = create(name);
      if (created != null) {
        Operation raced = byName.putIfAbsent(name, created);
        operation = raced != null ? raced : created;
      }
    }
    return operation;
  }
}
