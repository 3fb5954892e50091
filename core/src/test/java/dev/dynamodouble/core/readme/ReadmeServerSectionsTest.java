package dev.dynamodouble.core.readme;

import static dev.dynamodouble.core.readme.ReadmeText.javaBlock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Quotas;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.transaction.InFlightHold;
import dev.dynamodouble.core.value.AttributeValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The code of the README's "PartiQL", "Transactions" and "Limits, quotas and overload" sections, run
 * as written and checked for what the README says it does.
 */
class ReadmeServerSectionsTest {
  private static final Path PARTIQL_EXAMPLE =
      Path.of("src", "test", "java", "dev", "dynamodouble", "core", "readme", "PartiqlExample.java");

  @Test
  void thePartiqlExampleIsTheReadmesAndPrintsWhatItsCommentSays() throws Exception {
    String file = Files.readString(PARTIQL_EXAMPLE, StandardCharsets.UTF_8);
    String shown = javaBlock("public class PartiqlExample");
    assertThat(file).endsWith("\n" + shown);

    // the closing ExecuteTransaction throws if it is cancelled
    String printed = ReadmeText.printedBy(() -> PartiqlExample.main(new String[0]));
    String comment = shown.substring(shown.indexOf("System.out.println(items); // ") + 30);
    assertThat(printed.lines())
        .contains(comment.substring(0, comment.indexOf('\n')));
  }

  /** "Transactions": the in-flight hold, as written (the table created first). */
  @Test
  void anItemHeldInFlightConflictsWithAPutItem() throws IOException {
    assertThat(javaBlock("holdInFlight")).contains(".holdInFlight(\"us-east-1\", \"accounts\", "
        + "Map.of(\"pk\", AttributeValue.string(\"a\"))))");
    try (DynamoDouble dynamo = DynamoDouble.builder().start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "accounts", "pk", null);
      TransactionConflictException conflict = catchThrowableOfType(TransactionConflictException.class, () -> {
        try (InFlightHold hold = dynamo.engine().transactions()
                 .holdInFlight("us-east-1", "accounts", Map.of("pk", AttributeValue.string("a")))) {
          client.putItem(r -> r.tableName("accounts").item(Map.of("pk",
              software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("a"))));   // TransactionConflictException
        }
      });
      assertThat(conflict).isNotNull();
      assertThat(client.scan(r -> r.tableName("accounts")).count()).isZero();
    }
  }

  /** "Limits, quotas and overload": the raised quotas hold (25 GSIs where DynamoDB's default is 20). */
  @Test
  void theRaisedQuotasExampleAcceptsMoreIndexesThanTheDefault() throws IOException {
    assertThat(javaBlock(".requestWorkers(32, 4_096)")).contains(
        ".quotas(Quotas.defaults().withTablesPerRegion(10_000).withGlobalIndexesPerTable(25)\n"
            + "             .withConcurrentTableChanges(2_000))");
    try (DynamoDouble dynamo = DynamoDouble.builder()
             .quotas(Quotas.defaults().withTablesPerRegion(10_000).withGlobalIndexesPerTable(25)
                 .withConcurrentTableChanges(2_000))
             .requestWorkers(32, 4_096)          // request threads, queued requests
             .start();
         DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      List<GlobalSecondaryIndex> indexes = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        int n = i;
        indexes.add(GlobalSecondaryIndex.builder().indexName("gsi" + n)
            .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build());
      }
      client.createTable(r -> r.tableName("wide").billingMode("PAY_PER_REQUEST")
          .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
              a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
          .globalSecondaryIndexes(indexes));
      assertThat(client.describeTable(r -> r.tableName("wide")).table().globalSecondaryIndexes()).hasSize(25);
    }
  }
}
