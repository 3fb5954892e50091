package dev.dynamodouble.core.readme;

/* The example of the README's "Multi-attribute GSI keys", verbatim (ReadmeApiSectionsTest checks it). */
import dev.dynamodouble.core.DynamoDouble;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class Tournament {
  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  static AttributeDefinition attr(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  public static void main(String[] args) {
    try (DynamoDouble dynamo = DynamoDouble.builder().start();
         DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build()) {
      client.createTable(r -> r.tableName("matches").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(key("matchId", KeyType.HASH))
          .attributeDefinitions(attr("matchId", ScalarAttributeType.S), attr("tournamentId", ScalarAttributeType.S),
              attr("region", ScalarAttributeType.S), attr("round", ScalarAttributeType.S),
              attr("bracket", ScalarAttributeType.N))
          .globalSecondaryIndexes(g -> g.indexName("byTournamentRegion")
              .keySchema(key("tournamentId", KeyType.HASH), key("region", KeyType.HASH),
                  key("round", KeyType.RANGE), key("bracket", KeyType.RANGE))
              .projection(p -> p.projectionType(ProjectionType.ALL))));
      client.putItem(r -> r.tableName("matches").item(Map.of("matchId", AttributeValue.fromS("m1"),
          "tournamentId", AttributeValue.fromS("WINTER2024"), "region", AttributeValue.fromS("NA-EAST"),
          "round", AttributeValue.fromS("SEMIFINALS"), "bracket", AttributeValue.fromN("1"))));
      int count = client.query(r -> r.tableName("matches").indexName("byTournamentRegion")
          .keyConditionExpression("tournamentId = :t AND #region = :r AND round = :round AND bracket >= :b")
          .expressionAttributeNames(Map.of("#region", "region"))
          .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("WINTER2024"),
              ":r", AttributeValue.fromS("NA-EAST"), ":round", AttributeValue.fromS("SEMIFINALS"),
              ":b", AttributeValue.fromN("1")))).count();
      System.out.println(count); // 1
    }
  }
}
