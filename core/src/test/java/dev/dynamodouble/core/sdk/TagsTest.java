package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** TagResource, UntagResource and ListTagsOfResource on a table's ARN. */
class TagsTest {
  @Test
  void tagUntagAndList() {
    try (DynamoDouble dynamo = DynamoDouble.builder().start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      SdkTestSupport.createTable(client, "tagged", "pk", null);
      String arn = client.describeTable(r -> r.tableName("tagged")).table().tableArn();
      client.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("team").value("orders").build(),
          Tag.builder().key("env").value("test").build()));
      client.untagResource(r -> r.resourceArn(arn).tagKeys("env", "absent"));
      assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags())
          .containsExactly(Tag.builder().key("team").value("orders").build());
      String missing = arn.replace("tagged", "nothere");
      assertError(() -> client.listTagsOfResource(r -> r.resourceArn(missing)), "ResourceNotFoundException",
          "Requested resource not found: ResourcArn: " + missing + " not found");
      assertError(() -> client.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("aws:x").value("v").build())),
          "ValidationException", "Tag Key cannot be prefixed with aws:, Key: aws:x");

      // another region's ARN: see ForeignResourceArnTest
    }
  }
}
