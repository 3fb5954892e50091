package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.junit5.FixtureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes fixture entries through the SDK in file order: BatchWriteItem in chunks of 25 (one round
 * trip instead of 25). A chunk the service refuses (which writes nothing) is replayed one entry at
 * a time, so the error names the entry's file and line and the entries before it are written.
 */
final class FixtureLoader {
  private static final int CHUNK = 25;

  private FixtureLoader() {}

  /** Loads the entries with {@code dynamo}'s capacity unmetered: fixtures consume nothing and are never throttled. */
  static void load(dev.dynamodouble.core.DynamoDouble dynamo, DynamoDbClient client, List<FixtureEntry> entries) {
    dynamo.capacity().unmetered(() -> load(client, entries));
  }

  static void load(DynamoDbClient client, List<FixtureEntry> entries) {
    for (int from = 0; from < entries.size(); from += CHUNK) {
      List<FixtureEntry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
      try {
        writeBatch(client, chunk);
      } catch (DynamoDbException refused) {
        chunk.forEach(entry -> writeOne(client, entry));
      }
    }
  }

  private static void writeBatch(DynamoDbClient client, List<FixtureEntry> chunk) {
    Map<String, List<WriteRequest>> requests = new LinkedHashMap<>();
    for (FixtureEntry entry : chunk) {
      WriteRequest request = entry.delete()
          ? WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(entry.item()).build()).build()
          : WriteRequest.builder().putRequest(PutRequest.builder().item(entry.item()).build()).build();
      requests.computeIfAbsent(entry.table(), t -> new ArrayList<>()).add(request);
    }
    Map<String, List<WriteRequest>> pending = requests;
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> batch = pending;
      pending = client.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
    }
  }

  private static void writeOne(DynamoDbClient client, FixtureEntry entry) {
    try {
      Map<String, AttributeValue> item = entry.item();
      if (entry.delete()) {
        client.deleteItem(r -> r.tableName(entry.table()).key(item));
      } else {
        client.putItem(r -> r.tableName(entry.table()).item(item));
      }
    } catch (DynamoDbException e) {
      String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ";
      String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      throw new FixtureException(entry.file(), entry.line(), entry.where(),
          "the table refused it: " + code + message, e);
    }
  }
}
