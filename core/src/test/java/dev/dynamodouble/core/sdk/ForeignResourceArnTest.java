package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The tagging and resource-policy calls given a ResourceArn of another region than the request's
 * (and the policy calls, of another partition than its region's): DynamoDB refuses it as an invalid
 * ARN (each family with its own message) rather than looking for the table, and this region's
 * namesake of the table is left alone.
 */
class ForeignResourceArnTest {
  static final String POLICY = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "000000000000"},
       "Action": "dynamodb:GetItem", "Resource": "%s"}]}""";

  static DynamoDouble dynamo;
  static DynamoDbClient client;
  static String here;
  static String elsewhere;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "shared", "pk", null);
    try (DynamoDbClient ireland = SdkTestSupport.client(dynamo, "eu-west-1")) {
      SdkTestSupport.createTable(ireland, "shared", "pk", null);
    }
    here = client.describeTable(r -> r.tableName("shared")).table().tableArn();
    elsewhere = here.replace(":us-east-1:", ":eu-west-1:");
    client.tagResource(r -> r.resourceArn(here).tags(Tag.builder().key("team").value("orders").build()));
    client.putResourcePolicy(r -> r.resourceArn(here).policy(POLICY.formatted(here)));
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @Test
  void theTaggingCallsAnswerAnInvalidTableArn() {
    Map<String, Consumer<String>> calls = new LinkedHashMap<>();
    calls.put("TagResource", arn -> client.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("k").value("v").build())));
    calls.put("UntagResource", arn -> client.untagResource(r -> r.resourceArn(arn).tagKeys("team")));
    calls.put("ListTagsOfResource", arn -> client.listTagsOfResource(r -> r.resourceArn(arn)));
    calls.forEach((operation, call) -> assertValidation(() -> call.accept(elsewhere),
        "Invalid TableArn: Invalid ResourceArn provided as input " + elsewhere));
    assertThat(client.listTagsOfResource(r -> r.resourceArn(here)).tags())
        .containsExactly(Tag.builder().key("team").value("orders").build());
  }

  @Test
  void theResourcePolicyCallsAnswerAnInvalidResourceArn() {
    String stream = elsewhere + "/stream/2026-01-01T00:00:00.000";
    String china = here.replace("arn:aws:", "arn:aws-cn:");
    for (String arn : new String[] {elsewhere, stream, china}) {
      String message = "One or more parameter values were invalid: Invalid resource Arn: " + arn;
      assertValidation(() -> client.getResourcePolicy(r -> r.resourceArn(arn)), message);
      assertValidation(() -> client.putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY.formatted(arn))), message);
      assertValidation(() -> client.deleteResourcePolicy(r -> r.resourceArn(arn)), message);
    }
    assertThat(client.getResourcePolicy(r -> r.resourceArn(here)).policy()).contains(here);
  }
}
