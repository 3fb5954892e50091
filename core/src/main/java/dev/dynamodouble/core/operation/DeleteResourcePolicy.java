package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.auth.ResourcePolicies;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** DeleteResourcePolicy: removes a table's or stream's policy, optionally only at a revision. */
public final class DeleteResourcePolicy implements Operation {
  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String arn = request.string("ResourceArn");
    String expected = request.string("ExpectedRevisionId");
    ResourcePolicies policies = context.engine().resourcePolicies();
    String revision = context.engine().write(() -> {
      ResourcePolicyRequests.resource(context, arn);
      ResourcePolicies.Attached current = policies.get(arn);
      if (current == null) {
        throw ResourcePolicyRequests.notFound(arn);
      }
      ResourcePolicyRequests.checkRevision(arn, expected, current);
      policies.remove(arn);
      return current.revisionId();
    });
    return out -> {
      out.writeStartObject();
      out.writeStringField("RevisionId", revision);
      out.writeEndObject();
    };
  }
}
