package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import dev.dynamodouble.core.stream.StreamRecord;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.trigger.TriggerHandler;
import dev.dynamodouble.core.trigger.TriggerOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The control API's streams drain delivers an in-JVM trigger's due batches before it answers. */
class StreamsControlTest {
  private final DynamoDouble dynamo = DynamoDouble.builder().clock(DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z")))
      .start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    dynamo.close();
  }

  private JsonNode call(String method, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(dynamo.endpoint().resolve("/_dynamodouble/" + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  @Test
  void aDrainDeliversWhatIsDueAndThePendingViewShowsTheTrigger() throws Exception {
    DynamoDbClient client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "orders", "pk", null);
    client.updateTable(r -> r.tableName("orders").streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY")));
    List<StreamRecord> seen = new CopyOnWriteArrayList<>();
    dynamo.triggers().register("orders", TriggerOptions.defaults(), TriggerHandler.of(seen::addAll));
    client.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o1"))));

    JsonNode pending = call("GET", "streams/pending");
    assertThat(pending.get("triggers").get(0).get("table").asText()).isEqualTo("orders");
    assertThat(pending.get("triggers").get(0).get("idle").asBoolean()).isFalse();
    assertThat(pending.get("nextDeliveryAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(seen).isEmpty();

    JsonNode drained = call("POST", "streams/drain");
    assertThat(seen).hasSize(1);
    assertThat(drained.get("triggers").get(0).get("idle").asBoolean()).isTrue();
    assertThat(drained.get("triggers").get(0).get("invocations").asLong()).isEqualTo(1);
    assertThat(drained.get("nextDeliveryAt").isNull()).isTrue();
  }
}
