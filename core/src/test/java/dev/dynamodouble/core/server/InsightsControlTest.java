package dev.dynamodouble.core.server;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.fault.FaultRule;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** The control API's insights/keys: the accessed and throttled key counts a test out of process reads. */
class InsightsControlTest {
  private final DynamoDouble dynamo = DynamoDouble.builder().start();
  private final DynamoDbClient client = SdkTestSupport.client(dynamo);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    client.close();
    dynamo.close();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(dynamo.endpoint().resolve("/_dynamodouble/" + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(String pathAndQuery) throws Exception {
    HttpResponse<String> response = get(pathAndQuery);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  @Test
  void answersTheMostAccessedAndMostThrottledKeys() throws Exception {
    SdkTestSupport.createTable(client, "events", "pk", "sk");
    client.updateContributorInsights(r -> r.tableName("events").contributorInsightsAction(ContributorInsightsAction.ENABLE));
    for (int i = 0; i < 3; i++) {
      client.putItem(r -> r.tableName("events").item(item("pk", "hot", "sk", "1")));
    }
    client.putItem(r -> r.tableName("events").item(item("pk", "cold", "sk", "2")));
    dynamo.faults().add(FaultRule.on("GetItem").times(1).error("ProvisionedThroughputExceededException"));
    assertThatThrownBy(() -> client.getItem(r -> r.tableName("events")
        .key(item("pk", "cold", "sk", "2")))).isInstanceOf(ProvisionedThroughputExceededException.class);

    JsonNode partitions = json("insights/keys?table=events");
    assertThat(partitions.get("Table").asText()).isEqualTo("events");
    assertThat(partitions.has("Index")).isFalse();
    assertThat(partitions.get("Accessed").toString())
        .isEqualTo("[{\"Key\":\"hot\",\"Count\":3},{\"Key\":\"cold\",\"Count\":1}]");
    assertThat(partitions.get("Throttled").toString()).isEqualTo("[{\"Key\":\"cold\",\"Count\":1}]");

    JsonNode fullKeys = json("insights/keys?table=events&fullKey=true&limit=1");
    assertThat(fullKeys.get("Accessed").toString()).isEqualTo("[{\"Key\":\"hot,1\",\"Count\":3}]");
    assertThat(fullKeys.get("Throttled").toString()).isEqualTo("[{\"Key\":\"cold,2\",\"Count\":1}]");
  }

  @Test
  void refusesWhatItCannotAnswer() throws Exception {
    SdkTestSupport.createTable(client, "events", "pk", null);
    assertThat(get("insights/keys").statusCode()).isEqualTo(400);
    assertThat(get("insights/keys?table=missing").statusCode()).isEqualTo(404);
    assertThat(get("insights/keys?table=events&index=nope").statusCode()).isEqualTo(404);
    assertThat(get("insights/keys?table=events&limit=0").statusCode()).isEqualTo(400);
    assertThat(get("insights/keys?table=events&limit=x").statusCode()).isEqualTo(400);
    assertThat(http.send(HttpRequest.newBuilder(dynamo.endpoint().resolve("/_dynamodouble/insights/keys?table=events"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(405);
    assertThat(json("insights/keys?table=events").toString())
        .isEqualTo("{\"Table\":\"events\",\"Accessed\":[],\"Throttled\":[]}"); // insights never enabled
  }
}
