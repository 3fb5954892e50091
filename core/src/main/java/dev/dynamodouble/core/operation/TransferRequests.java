package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import java.util.regex.Pattern;

/** Checks shared by the export and import operations. */
final class TransferRequests {
  private static final Pattern BUCKET = Pattern.compile("^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$");
  private static final Pattern OWNER = Pattern.compile("[0-9]{12}");

  private TransferRequests() {}

  /** S3Bucket, S3BucketOwner and ClientToken against their patterns in the API model. */
  static void checkBucket(String bucket, String owner, String token) {
    if (bucket != null && !BUCKET.matcher(bucket).matches()) {
      throw DynamoException.validation("1 validation error detected: Value '" + bucket + "' at 's3Bucket' failed to "
          + "satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$");
    }
    if (owner != null && !OWNER.matcher(owner).matches()) {
      throw DynamoException.validation("1 validation error detected: Value '" + owner + "' at 's3BucketOwner' failed "
          + "to satisfy constraint: Member must satisfy regular expression pattern: [0-9]{12}");
    }
    if (token != null && (token.isEmpty() || token.indexOf('$') >= 0)) {
      throw DynamoException.validation("1 validation error detected: Value '" + token + "' at 'clientToken' failed "
          + "to satisfy constraint: Member must satisfy regular expression pattern: ^[^\\$]+$");
    }
  }

  /** The region of a table ARN of this account ({@code arn:aws:dynamodb:region:account:table/name}). */
  static String tableArnRegion(RequestContext context, String arn, String member) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("dynamodb") || !parts[5].startsWith("table/")
        || parts[5].length() <= "table/".length() || parts[5].indexOf('/', "table/".length()) >= 0) {
      throw DynamoException.validation(member + " is not a valid table ARN: " + arn);
    }
    if (!parts[4].equals(context.engine().options().accountId())) {
      throw DynamoException.validation(
          "This action is only supported by accounts that match the resource owner\u2019s account.");
    }
    return parts[3];
  }
}
