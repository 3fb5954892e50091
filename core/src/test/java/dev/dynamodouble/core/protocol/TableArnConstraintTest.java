package dev.dynamodouble.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.Echo;
import org.junit.jupiter.api.Test;

/**
 * Where a table is named, an ARN must be a table's of the request's region:
 * arn:partition:service:region:account:table/name.
 */
class TableArnConstraintTest {
  private static final String PREFIX = "arn:aws:dynamodb:us-east-1:123456789012:";

  private static String refusal(String arn) {
    DynamoException e = catchThrowableOfType(DynamoException.class,
        () -> new Constraints().tableNameOrArn(arn, "tableName", "us-east-1").check());
    return e == null ? null : e.getMessage();
  }

  @Test
  void aTablesArnPasses() {
    assertThatCode(() -> new Constraints().tableNameOrArn(PREFIX + "table/orders", "tableName", "us-east-1").check())
        .doesNotThrowAnyException();
    assertThatCode(() -> new Constraints().itemTableName(PREFIX + "table/a.b-c_1", "tableName", "us-east-1").check())
        .doesNotThrowAnyException();
  }

  @Test
  void anArnOfNoTypeAndNameFailsTheArnFormat() {
    for (String arn : new String[] {PREFIX + "foo", "arn:aws:dynamodb", PREFIX + "table/orders/index/byDate",
        PREFIX + "table/or:ders", PREFIX + "table/" + "x".repeat(256)}) {
      assertThat(refusal(arn)).as(arn).isEqualTo("1 validation error detected: Value '" + Echo.of(arn)
          + "' at 'tableName' failed to satisfy constraint: " + Constraints.ARN_FORMAT);
    }
  }

  @Test
  void aShortNameAndAnotherResourceTypeAreToldApart() {
    assertThat(refusal(PREFIX + "table/ab")).endsWith("Table name of ARN must have length greater than or equal to 3");
    assertThat(refusal(PREFIX + "stream/orders"))
        .isEqualTo("1 validation error detected: Invalid resource type in '" + PREFIX + "stream/orders'");
  }

  @Test
  void anArnOfAnotherRegionThanTheRequestsIsAnInvalidRegion() {
    String west = PREFIX.replace("us-east-1", "eu-west-1") + "table/orders";
    assertThat(refusal(west)).isEqualTo("1 validation error detected: Invalid AWS region in '" + west + "'");
    assertThatCode(() -> new Constraints().itemTableName(west, "tableName", "eu-west-1").check())
        .doesNotThrowAnyException();
    DynamoException item = catchThrowableOfType(DynamoException.class,
        () -> new Constraints().itemTableName(west, "tableName", "us-east-1").check());
    assertThat(item.getMessage()).isEqualTo("1 validation error detected: Invalid AWS region in '" + west + "'");
  }

  @Test
  void theArnsResourceIsItsTypeAndEverythingAfterTheSlash() {
    assertThat(Catalog.resourceOf(PREFIX + "table/t/index/i"))
        .isEqualTo(new Catalog.ArnResource("aws", "us-east-1", "table", "t/index/i"));
    assertThat(Catalog.resourceOf(PREFIX + "foo")).isNull();
    assertThat(Catalog.resourceOf("arn:aws:dynamodb:us-east-1")).isNull();
    assertThat(Catalog.resourceOf("arn:aws:dynamodb::1:table/t")).isEqualTo(new Catalog.ArnResource("aws", "", "table", "t"));
    assertThat(Catalog.resourceOf("arn::dynamodb:cn-north-1:1:table/t"))
        .isEqualTo(new Catalog.ArnResource("", "cn-north-1", "table", "t"));
  }
}
