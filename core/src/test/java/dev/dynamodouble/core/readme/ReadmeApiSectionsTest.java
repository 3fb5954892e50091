package dev.dynamodouble.core.readme;

import static dev.dynamodouble.core.readme.ReadmeText.javaBlock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The code and promises of the README's "Multi-attribute GSI keys" and "Behaviour worth knowing"
 * that no other test runs, as written.
 */
class ReadmeApiSectionsTest {
  private static final Path TOURNAMENT =
      Path.of("src", "test", "java", "dev", "dynamodouble", "core", "readme", "Tournament.java");

  @Test
  void theMultiAttributeKeyExampleIsTheReadmesAndCountsOneMatch() throws Exception {
    assertThat(Files.readString(TOURNAMENT, StandardCharsets.UTF_8)).endsWith("\n" + javaBlock("\nclass Tournament "));
    assertThat(ReadmeText.printedBy(() -> Tournament.main(new String[0])).lines()).containsExactly("1"); // as its comment says
  }

  /**
   * "A Query or Scan page stops at Limit items read ..., and the filter applies after that, so Count can
   * be below ScannedCount and a page can be empty yet carry a LastEvaluatedKey. ... a page that stops
   * exactly at Limit carries a LastEvaluatedKey even when nothing follows."
   */
  @Test
  void aPageStopsAtLimitBeforeTheFilterAndCarriesAKeyEvenWhenNothingFollows() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "pages", "pk", "sk");
      for (String sk : List.of("1", "2", "3")) {
        client.putItem(r -> r.tableName("pages").item(SdkTestSupport.item("pk", "p", "sk", sk)));
      }
      Map<String, AttributeValue> p = Map.of(":p", AttributeValue.fromS("p"));
      QueryResponse empty = client.query(r -> r.tableName("pages").keyConditionExpression("pk = :p")
          .filterExpression("attribute_exists(nothing)").expressionAttributeValues(p).limit(2));
      assertThat(empty.count()).isZero();
      assertThat(empty.scannedCount()).isEqualTo(2);
      assertThat(empty.items()).isEmpty();
      assertThat(empty.lastEvaluatedKey()).containsEntry("sk", AttributeValue.fromS("2"));

      QueryResponse all = client.query(r -> r.tableName("pages").keyConditionExpression("pk = :p")
          .expressionAttributeValues(p).limit(3));
      assertThat(all.count()).isEqualTo(3);
      assertThat(all.lastEvaluatedKey()).containsEntry("sk", AttributeValue.fromS("3"));
      QueryResponse after = client.query(r -> r.tableName("pages").keyConditionExpression("pk = :p")
          .expressionAttributeValues(p).limit(3).exclusiveStartKey(all.lastEvaluatedKey()));
      assertThat(after.items()).isEmpty();
      assertThat(after.hasLastEvaluatedKey() && !after.lastEvaluatedKey().isEmpty()).isFalse();

      ScanResponse scan = client.scan(r -> r.tableName("pages").limit(3));
      assertThat(scan.count()).isEqualTo(3);
      assertThat(scan.lastEvaluatedKey()).isNotEmpty();
      ScanResponse rest = client.scan(r -> r.tableName("pages").limit(4));
      assertThat(rest.count()).isEqualTo(3);
      assertThat(rest.hasLastEvaluatedKey() && !rest.lastEvaluatedKey().isEmpty()).isFalse();
    }
  }
}
