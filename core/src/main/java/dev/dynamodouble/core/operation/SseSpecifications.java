package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.Encryption;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Server-side encryption settings of CreateTable, UpdateTable and the restores (SSEType's value set: EnumMembers). */
final class SseSpecifications {
  private SseSpecifications() {}

  /**
   * An SSESpecification (or a restore's SSESpecificationOverride): Enabled false (or absent) is the
   * default AWS-owned key, which DescribeTable does not describe (null); true is KMS with the given
   * key or the account's AWS-managed key.
   */
  static Encryption encryption(RequestContext context, JsonRequest sse) {
    Boolean enabled = sse.bool("Enabled");
    String type = sse.string("SSEType");
    String key = sse.string("KMSMasterKeyId");
    if (enabled == null || !enabled) {
      if (type != null) {
        throw DynamoException.invalidParameter("SSEType can not be specified if Enabled is false");
      }
      if (key != null) {
        throw DynamoException.invalidParameter("KMSMasterKeyId can not be specified if Enabled is false");
      }
      return null;
    }
    if ("AES256".equals(type)) {
      throw DynamoException.invalidParameter(key != null ? "SSEType KMS is required if KMSMasterKeyId is specified"
          : "SSEType AES256 is not supported");
    }
    return kms(context.engine().options().accountId(), context.region(), key);
  }

  /**
   * KMS encryption of a table of {@code region} with {@code key} (a key id, alias or ARN), or with
   * the account's AWS-managed key of that region when it is null.
   */
  static Encryption kms(String account, String region, String key) {
    String prefix = "arn:aws:kms:" + region + ":" + account + ":";
    String arn;
    if (key == null) {
      // The AWS-managed key (alias/aws/dynamodb) of this account and region: one stable id per region.
      arn = prefix + "key/" + UUID.nameUUIDFromBytes(("aws/dynamodb/" + region).getBytes(StandardCharsets.UTF_8));
    } else if (key.startsWith("arn:")) {
      arn = key;
    } else {
      arn = prefix + (key.startsWith("alias/") ? key : "key/" + key);
    }
    return new Encryption("KMS", arn);
  }
}
