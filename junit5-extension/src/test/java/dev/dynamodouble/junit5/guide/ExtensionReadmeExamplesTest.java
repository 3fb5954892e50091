package dev.dynamodouble.junit5.guide;

import static dev.dynamodouble.junit5.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.dynamodouble.core.trigger.TriggerMapping;
import dev.dynamodouble.core.trigger.TriggerOptions;
import dev.dynamodouble.core.trigger.Triggers;
import dev.dynamodouble.junit5.Billing;
import dev.dynamodouble.junit5.CompareMode;
import dev.dynamodouble.junit5.Customer;
import dev.dynamodouble.junit5.DynamoTable;
import dev.dynamodouble.junit5.ExpectedItems;
import dev.dynamodouble.junit5.Index;
import dev.dynamodouble.junit5.IndexProjection;
import dev.dynamodouble.junit5.KeyType;
import dev.dynamodouble.junit5.LambdaTriggers;
import dev.dynamodouble.junit5.StreamView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** junit5-extension/README.md: its three table sources and its @ExpectedItems example, as written there. */
@DynamoTable(name = "orders", partitionKey = "pk", sortKey = "sk", sortKeyType = KeyType.N,
    lsi = @Index(name = "byDate", sortKey = "createdAt"),
    gsi = @Index(name = "byStatus", partitionKey = "status", projection = IndexProjection.INCLUDE, include = "total"),
    billingMode = Billing.PROVISIONED, readCapacity = 10, writeCapacity = 5,
    stream = StreamView.NEW_AND_OLD_IMAGES, ttlAttribute = "expiresAt",
    fixtures = "orders.json")
@DynamoTable(definition = "invoices-table.json")        // aws dynamodb create-table --cli-input-json shape
@DynamoTable(name = "customers", bean = Customer.class) // enhanced-client bean: keys and secondary indexes
class ExtensionReadmeExamplesTest {

  @Test
  void theAnnotationDeclaresEverythingItNames(DynamoDbClient dynamo) {
    TableDescription orders = dynamo.describeTable(r -> r.tableName("orders")).table();
    assertThat(orders.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
        .containsExactly("pk:HASH", "sk:RANGE");
    assertThat(orders.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeTypeAsString())
        .contains("sk:N", "createdAt:S", "status:S");
    LocalSecondaryIndexDescription byDate = orders.localSecondaryIndexes().get(0);
    assertThat(byDate.indexName()).isEqualTo("byDate");
    assertThat(byDate.keySchema()).extracting(k -> k.attributeName()).containsExactly("pk", "createdAt");
    GlobalSecondaryIndexDescription byStatus = orders.globalSecondaryIndexes().get(0);
    assertThat(byStatus.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
    assertThat(byStatus.projection().nonKeyAttributes()).containsExactly("total");
    assertThat(orders.provisionedThroughput().readCapacityUnits()).isEqualTo(10);
    assertThat(orders.provisionedThroughput().writeCapacityUnits()).isEqualTo(5);
    assertThat(orders.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(dynamo.describeTimeToLive(r -> r.tableName("orders")).timeToLiveDescription())
        .satisfies(ttl -> assertThat(ttl.attributeName()).isEqualTo("expiresAt"))
        .satisfies(ttl -> assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED));
    assertThat(orders.itemCount()).isEqualTo(2);

    assertThat(dynamo.describeTable(r -> r.tableName("invoices")).table().keySchema().get(0).attributeName())
        .isEqualTo("invoiceId");
    assertThat(dynamo.describeTable(r -> r.tableName("customers")).table().globalSecondaryIndexes())
        .extracting(GlobalSecondaryIndexDescription::indexName).contains("byEmail", "byCountry");
  }

  @Test
  @ExpectedItems(value = "after-ship.yml", compare = CompareMode.EXACT, ignore = "updatedAt")
  void shipsTheOrder(DynamoDbClient dynamo) {
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("c-1"), "sk", AttributeValue.fromN("1"));
    dynamo.updateItem(r -> r.tableName("orders").key(key)
        .updateExpression("SET #s = :s, updatedAt = :t")
        .expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(item(":s", "SHIPPED", ":t", "2024-01-03T10:00:00Z")));
  }

  /** The main README's "Streams and triggers": a Lambda handler adapted by hand, on the system clock. */
  @Test
  void aLambdaHandlerRegisteredByHandIsDeliveredBeforeAwaitIdleReturns(DynamoDbClient dynamo, Triggers triggers) {
    List<String> seen = new CopyOnWriteArrayList<>();
    RequestHandler<DynamodbEvent, StreamsEventResponse> function = (event, context) -> {
      event.getRecords().forEach(r -> seen.add(r.getEventName() + " " + r.getDynamodb().getKeys().get("pk").getS()));
      return new StreamsEventResponse(List.of());
    };
    TriggerMapping mapping = triggers.register("orders", TriggerOptions.defaults().batchSize(10),
        LambdaTriggers.of(function));
    dynamo.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("c-9"),
        "sk", AttributeValue.fromN("1"))));

    assertThat(triggers.awaitIdle(Duration.ofMinutes(1))).isTrue();
    assertThat(seen).containsExactly("INSERT c-9");
    assertThat(mapping.failures()).isEmpty();
  }
}
