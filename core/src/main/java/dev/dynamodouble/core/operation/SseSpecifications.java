package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;

/**
 * SSESpecification on CreateTable and UpdateTable. A new table always gets the default AWS owned
 * key; asking for an AWS KMS key, or for a change of a table's encryption, is refused by name
 * rather than answered as if it had happened.
 */
final class SseSpecifications {
  private static final String MEMBER = "SSESpecification";

  private SseSpecifications() {}

  /** The SSEType enum, checked with the request's other constraints. */
  static void checkShape(Constraints constraints, JsonRequest request) {
    JsonRequest sse = request.structure(MEMBER);
    if (sse != null) {
      constraints.oneOf(sse.string("SSEType"), "sSESpecification.sSEType", "AES256", "KMS");
    }
  }

  /** CreateTable: Enabled false (or absent) is the default AWS owned key; true asks for KMS. */
  static void requireDefaultKey(JsonRequest request) {
    JsonRequest sse = request.structure(MEMBER);
    if (sse == null) {
      return;
    }
    Boolean enabled = sse.bool("Enabled");
    if (enabled == null || !enabled) {
      if (sse.string("SSEType") != null) {
        throw DynamoException.invalidParameter("SSEType can not be specified if Enabled is false");
      }
      if (sse.string("KMSMasterKeyId") != null) {
        throw DynamoException.invalidParameter("KMSMasterKeyId can not be specified if Enabled is false");
      }
      return;
    }
    if ("AES256".equals(sse.string("SSEType"))) {
      throw DynamoException.invalidParameter(sse.string("KMSMasterKeyId") != null
          ? "SSEType KMS is required if KMSMasterKeyId is specified" : "SSEType AES256 is not supported");
    }
    throw DynamoException.validation("Server-side encryption with an AWS KMS key (SSESpecification Enabled true) "
        + "is not supported by Dynamo Double yet; leave SSESpecification out for the default AWS owned key");
  }

  /** UpdateTable: a change of encryption is not built yet. */
  static void refuseChange(JsonRequest request) {
    if (request.has(MEMBER)) {
      throw DynamoException.validation("Changing a table's server-side encryption (SSESpecification) "
          + "is not supported by Dynamo Double yet");
    }
  }
}
