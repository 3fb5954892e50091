package dev.dynamodouble.core.auth;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;

/** The authentication errors DynamoDB answers, with its messages. */
final class AuthErrors {
  private AuthErrors() {}

  static DynamoException missingToken() {
    return new DynamoException(ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
  }

  static DynamoException unrecognizedClient() {
    return new DynamoException(ErrorCode.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
  }

  static DynamoException signatureMismatch() {
    return new DynamoException(ErrorCode.INVALID_SIGNATURE, "The request signature we calculated does not match the "
        + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
        + "documentation for details.");
  }

  static DynamoException invalidSignature(String message) {
    return new DynamoException(ErrorCode.INVALID_SIGNATURE, message);
  }

  static DynamoException incomplete(String message) {
    return new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, message);
  }
}
