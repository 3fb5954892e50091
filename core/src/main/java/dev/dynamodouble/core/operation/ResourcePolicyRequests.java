package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.auth.Policy;
import dev.dynamodouble.core.auth.PolicyException;
import dev.dynamodouble.core.auth.ResourcePolicies;
import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.table.Table;
import java.nio.charset.StandardCharsets;

/** What PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy and CreateTable share. */
final class ResourcePolicyRequests {
  /** The ExpectedRevisionId that asks for no policy to be attached yet. */
  static final String NO_POLICY = "NO_POLICY";
  private static final int MAX_POLICY_BYTES = 20 * 1024;

  private ResourcePolicyRequests() {}

  /** Checks that the ARN names an existing table or a stream of one; returns the table. */
  static Table resource(RequestContext context, String arn) {
    new Constraints().notNull(arn, "resourceArn").minLength(arn, 1, "resourceArn").maxLength(arn, 1283, "resourceArn")
        .check();
    int stream = arn.indexOf("/stream/");
    String tableArn = stream < 0 ? arn : arn.substring(0, stream);
    Catalog.ArnResource resource = arn.startsWith("arn:") ? Catalog.resourceOf(tableArn) : null;
    if (resource != null && !resource.isIn(context.region())) {
      // another region's or partition's table is not looked up here (its namesake here is another table)
      throw DynamoException.validation("One or more parameter values were invalid: Invalid resource Arn: " + arn);
    }
    Table table = resource != null ? context.catalog().find(tableArn) : null;
    if (table == null || !table.arn().equals(tableArn)) {
      throw DynamoException.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
    }
    if (stream >= 0) {
      context.engine().streams().stream(arn); // ResourceNotFoundException for a stream that does not exist
    }
    return table;
  }

  /** Parses a resource-based policy; a malformed one is a ValidationException saying why. */
  static Policy parse(String json) {
    if (json == null) {
      throw DynamoException.validation("1 validation error detected: Value null at 'policy' failed to satisfy "
          + "constraint: Member must not be null");
    }
    if (json.getBytes(StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
      throw DynamoException.validation("Resource-based policy size exceeds the maximum allowed size of 20 KB");
    }
    Policy policy;
    try {
      policy = Policy.parse(json);
    } catch (PolicyException e) {
      throw DynamoException.validation("Invalid resource-based policy document: " + e.getMessage());
    }
    if (!policy.everyStatementHasPrincipal()) {
      throw DynamoException.validation("Invalid resource-based policy document: every statement needs a Principal");
    }
    return policy;
  }

  /** Checks ExpectedRevisionId (null: no condition; NO_POLICY: none may be attached yet). */
  static void checkRevision(String arn, String expected, ResourcePolicies.Attached current) {
    if (expected == null) {
      return;
    }
    if (expected.equals(NO_POLICY) ? current != null : current == null || !current.revisionId().equals(expected)) {
      throw new DynamoException(ErrorCode.POLICY_NOT_FOUND, "Resource-based policy not found for the provided "
          + "ResourceArn: Requested update for policy with revision id " + expected + ", but the policy associated "
          + "to target resource " + arn + " has revision id " + (current == null ? NO_POLICY : current.revisionId())
          + ".");
    }
  }

  static DynamoException notFound(String arn) {
    return new DynamoException(ErrorCode.POLICY_NOT_FOUND,
        "Resource-based policy not found for the provided ResourceArn: " + arn);
  }
}
