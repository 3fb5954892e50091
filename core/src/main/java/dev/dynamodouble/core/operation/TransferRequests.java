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
}
