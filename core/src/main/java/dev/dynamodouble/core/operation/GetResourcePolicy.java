package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.auth.ResourcePolicies;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;

/** GetResourcePolicy: the policy attached to a table or stream, as given, with its revision id. */
public final class GetResourcePolicy implements Operation {
  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String arn = request.string("ResourceArn");
    ResourcePolicyRequests.resource(context, arn);
    ResourcePolicies.Attached attached = context.engine().resourcePolicies().get(arn);
    if (attached == null) {
      throw ResourcePolicyRequests.notFound(arn);
    }
    return out -> {
      out.writeStartObject();
      out.writeStringField("Policy", attached.policy().json());
      out.writeStringField("RevisionId", attached.revisionId());
      out.writeEndObject();
    };
  }
}
