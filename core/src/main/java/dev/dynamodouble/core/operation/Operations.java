package dev.dynamodouble.core.operation;

import java.util.HashMap;
import java.util.Map;

/** The registry of operations by their X-Amz-Target name. Adding an operation = one class + one line here. */
public final class Operations {
  private final Map<String, Operation> byName = new HashMap<>();

  private Operations() {}

  /** The DynamoDB API ({@code DynamoDB_20120810.*}). */
  public static Operations dynamoDb() {
    Operations ops = new Operations();
    ops.add("CreateTable", new CreateTable());
    ops.add("DescribeTable", new DescribeTable());
    ops.add("ListTables", new ListTables());
    ops.add("DeleteTable", new DeleteTable());
    ops.add("UpdateTable", new UpdateTable());
    ops.add("PutItem", new PutItem());
    ops.add("GetItem", new GetItem());
    ops.add("DeleteItem", new DeleteItem());
    ops.add("UpdateItem", new UpdateItem());
    ops.add("BatchWriteItem", new BatchWriteItem());
    ops.add("BatchGetItem", new BatchGetItem());
    ops.add("Query", new Query());
    ops.add("Scan", new Scan());
    ops.add("TransactWriteItems", new TransactWriteItems());
    ops.add("TransactGetItems", new TransactGetItems());
    ops.add("TagResource", new TagResource());
    ops.add("UntagResource", new UntagResource());
    ops.add("ListTagsOfResource", new ListTagsOfResource());
    ops.add("UpdateTimeToLive", new UpdateTimeToLive());
    ops.add("DescribeTimeToLive", new DescribeTimeToLive());
    ops.add("CreateBackup", new CreateBackup());
    ops.add("DescribeBackup", new DescribeBackup());
    ops.add("ListBackups", new ListBackups());
    ops.add("DeleteBackup", new DeleteBackup());
    ops.add("RestoreTableFromBackup", new RestoreTableFromBackup());
    ops.add("UpdateContinuousBackups", new UpdateContinuousBackups());
    ops.add("DescribeContinuousBackups", new DescribeContinuousBackups());
    ops.add("RestoreTableToPointInTime", new RestoreTableToPointInTime());
    return ops;
  }

  /** The DynamoDB Streams API ({@code DynamoDBStreams_20120810.*}); filled by the streams work. */
  public static Operations streams() {
    return new Operations();
  }

  public Operations add(String name, Operation operation) {
    byName.put(name, operation);
    return this;
  }

  /** The operation of that name, or null. */
  public Operation get(String name) {
    return byName.get(name);
  }
}
