package dev.dynamodouble.core.readme;

/* The example of the README's "PartiQL" section, verbatim (ReadmeServerSectionsTest checks it). */
import dev.dynamodouble.core.DynamoDouble;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

public class PartiqlExample {
  public static void main(String[] args) {
    try (DynamoDouble dynamo = DynamoDouble.builder().start();
         DynamoDbClient client = DynamoDbClient.builder()
             .endpointOverride(dynamo.endpoint())
             .region(Region.US_EAST_1)
             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
             .build()) {
      client.createTable(r -> r.tableName("music").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(k -> k.attributeName("artist").keyType(KeyType.HASH),
              k -> k.attributeName("song").keyType(KeyType.RANGE))
          .attributeDefinitions(a -> a.attributeName("artist").attributeType(ScalarAttributeType.S),
              a -> a.attributeName("song").attributeType(ScalarAttributeType.S)));

      client.executeStatement(r -> r.statement(
          "INSERT INTO \"music\" VALUE {'artist': 'Acme', 'song': 'Hit', 'plays': 0, 'tags': <<'pop'>>}"));
      client.executeStatement(r -> r
          .statement("UPDATE \"music\" SET plays = plays + ? WHERE artist = ? AND song = ?")
          .parameters(AttributeValue.fromN("10"), AttributeValue.fromS("Acme"), AttributeValue.fromS("Hit")));

      List<Map<String, AttributeValue>> items = client.executeStatement(r -> r
          .statement("SELECT song, plays FROM \"music\" WHERE artist = 'Acme' AND plays > 5")).items();
      System.out.println(items); // [{song=AttributeValue(S=Hit), plays=AttributeValue(N=10)}]

      client.executeTransaction(r -> r.clientRequestToken("move-1").transactStatements(
          ParameterizedStatement.builder().statement(
              "DELETE FROM \"music\" WHERE artist = 'Acme' AND song = 'Hit'").build(),
          ParameterizedStatement.builder().statement(
              "INSERT INTO \"music\" VALUE {'artist': 'Acme', 'song': 'Hit (remastered)', 'plays': 10}").build()));
    }
  }
}
