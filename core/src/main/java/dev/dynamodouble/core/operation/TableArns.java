package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;

/** Table ARNs a request names in place of a table name (an export's table, a restore's source). */
final class TableArns {
  private TableArns() {}

  /**
   * The region of a table ARN of this account ({@code arn:aws:dynamodb:region:account:table/name});
   * a ValidationException with {@code invalid} when it is no table ARN.
   */
  static String region(RequestContext context, String arn, String invalid) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("dynamodb") || !parts[5].startsWith("table/")
        || parts[5].length() <= "table/".length() || parts[5].indexOf('/', "table/".length()) >= 0) {
      throw DynamoException.validation(invalid);
    }
    if (!parts[4].equals(context.engine().options().accountId())) {
      throw DynamoException.validation(
          "This action is only supported by accounts that match the resource owner\u2019s account.");
    }
    return parts[3];
  }
}
