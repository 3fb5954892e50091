package dev.dynamodouble.benchmarks.differential;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What one system did with one case: success or an error (code, HTTP status, message), and
 * named observations in canonical text (returned attributes, items, pages, the stored item
 * afterwards). Two outcomes are compared field by field.
 */
final class Outcome {

  String errorCode;
  int status;
  String message;
  final Map<String, String> fields = new LinkedHashMap<>();
  /** The returned Attributes of a write, as values (for structural allow-list checks). */
  Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> attributes;

  /** The error message, or "" on success. */
  String message() {
    return message == null ? "" : message;
  }

  boolean failed() {
    return errorCode != null;
  }

  /**
   * Runs the case's main call: on success returns its response; on a service error records it
   * as this outcome's error (and the item a failed condition returns) and returns null.
   */
  <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (ConditionalCheckFailedException e) {
      fail(e);
      if (e.hasItem()) {
        fields.put("conditionFailedItem", Canon.item(e.item()));
      }
      return null;
    } catch (AwsServiceException e) {
      fail(e);
      return null;
    } catch (SdkException e) {
      errorCode = "client:" + e.getClass().getSimpleName();
      message = String.valueOf(e.getMessage());
      return null;
    }
  }

  private void fail(AwsServiceException e) {
    errorCode = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
    status = e.statusCode();
    message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
  }

  /** A call that must succeed on both systems (set-up, read-back); its failure becomes a field. */
  static <T> T aside(Map<String, String> fields, String field, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      fields.put(field, "error " + (e.awsErrorDetails() == null ? e.getClass().getSimpleName()
          : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage()));
      return null;
    }
  }

  String summary() {
    return failed() ? errorCode + " (" + status + "): " + message : "ok";
  }
}
