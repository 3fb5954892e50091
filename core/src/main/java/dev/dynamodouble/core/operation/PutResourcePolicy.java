package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.auth.Policy;
import dev.dynamodouble.core.auth.ResourcePolicies;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** PutResourcePolicy: attaches a resource-based policy to a table or stream, optionally only at a revision. */
public final class PutResourcePolicy implements Operation {
  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String arn = request.string("ResourceArn");
    Policy policy = ResourcePolicyRequests.parse(request.string("Policy"));
    request.bool("ConfirmRemoveSelfResourceAccess"); // accepted: nothing here can lock the caller out for good
    String expected = request.string("ExpectedRevisionId");
    ResourcePolicies policies = context.engine().resourcePolicies();
    String revision = context.engine().write(() -> {
      ResourcePolicyRequests.resource(context, arn);
      ResourcePolicyRequests.checkRevision(arn, expected, policies.get(arn));
      return policies.put(arn, policy, context.now().toEpochMilli());
    });
    return out -> {
      out.writeStartObject();
      out.writeStringField("RevisionId", revision);
      out.writeEndObject();
    };
  }
}
