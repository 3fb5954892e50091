package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.junit5.FixtureException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Writes fixture entries through the SDK, one PutItem or DeleteItem each, in file order. */
final class FixtureLoader {
  private FixtureLoader() {}

  static void load(DynamoDbClient client, List<FixtureEntry> entries) {
    for (FixtureEntry entry : entries) {
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
}
