package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.table.Table;
import java.util.regex.Pattern;

/** Finds the table a tagging request's ResourceArn names. */
final class TaggedTables {
  /** A table's ARN; an index's or a stream's (".../table/t/index/i") is not a taggable resource. */
  private static final Pattern TABLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}");

  private TaggedTables() {}

  static Table find(RequestContext context, String arn) {
    new Constraints().notNull(arn, "resourceArn").minLength(arn, 1, "resourceArn").maxLength(arn, 1283, "resourceArn")
        .check();
    if (!TABLE_ARN.matcher(arn).matches()) {
      throw invalid(arn);
    }
    String account = context.engine().options().accountId();
    if (!arn.split(":", 6)[4].equals(account)) {
      // Another account's table: no resource-based policy there can allow this engine's caller.
      String action = "dynamodb:" + context.call().operation();
      throw new DynamoException(ErrorCode.ACCESS_DENIED, "User: arn:aws:iam::" + account + ":root is not authorized to "
          + "perform: " + action + " on resource: " + arn + " because no resource-based policy allows the " + action
          + " action");
    }
    if (!Catalog.resourceOf(arn).region().equals(context.region())) {
      // DynamoDB refuses another region's table ARN as it refuses a malformed one (account first, then region)
      throw invalid(arn);
    }
    Table table = context.catalog().find(arn);
    if (table == null || !table.arn().equals(arn)) {
      throw DynamoException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
    }
    return table;
  }

  private static DynamoException invalid(String arn) {
    return DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
  }
}
