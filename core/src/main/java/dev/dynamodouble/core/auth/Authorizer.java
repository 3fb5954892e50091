package dev.dynamodouble.core.auth;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import java.util.List;

/**
 * IAM's evaluation for one access: an explicit Deny in an identity-based or resource-based policy
 * wins; else an Allow in either (same account) or in both (another account's principal) allows;
 * else the implicit deny. An account's root is allowed whatever its (absent) identity policies say.
 */
final class Authorizer {
  private enum Decision { ALLOW, DENY, NONE }

  private final ResourcePolicies resourcePolicies;

  Authorizer(ResourcePolicies resourcePolicies) {
    this.resourcePolicies = resourcePolicies;
  }

  /** Throws an AccessDeniedException naming who, what, where and why when the access is not allowed. */
  void check(Identity identity, Access access, AccessRequest.GlobalKeys globalKeys) {
    AccessRequest request = new AccessRequest(identity, access.action(), access.resource(), access.keys(), globalKeys);
    Decision byIdentity = identity.isRoot() ? Decision.ALLOW : evaluate(identity.policies(), request, false);
    ResourcePolicies.Attached attached = access.resource().equals("*") ? null
        : resourcePolicies.governing(access.resource());
    Decision byResource = attached == null ? Decision.NONE : evaluate(List.of(attached.policy()), request, true);
    if (byIdentity == Decision.DENY) {
      throw denied(request, "with an explicit deny in an identity-based policy");
    }
    if (byResource == Decision.DENY) {
      throw denied(request, "with an explicit deny in a resource-based policy");
    }
    boolean sameAccount = access.resource().equals("*") || identity.account().equals(account(access.resource()));
    if (sameAccount) {
      if (byIdentity != Decision.ALLOW && byResource != Decision.ALLOW) {
        throw denied(request, "because no identity-based policy allows the " + access.action() + " action");
      }
    } else if (byIdentity != Decision.ALLOW) {
      throw denied(request, "because no identity-based policy allows the " + access.action() + " action");
    } else if (byResource != Decision.ALLOW) {
      throw denied(request, "because no resource-based policy allows the " + access.action() + " action");
    }
  }

  private static Decision evaluate(List<Policy> policies, AccessRequest request, boolean resourceBased) {
    Decision decision = Decision.NONE;
    for (Policy policy : policies) {
      for (Statement statement : policy.statements()) {
        if (resourceBased && (statement.principals() == null
            || !statement.matchesPrincipal(request.identity().principalArn(), request.identity().account()))) {
          continue;
        }
        if (statement.matchesAction(request.action()) && statement.matchesResource(request.resource(), request)
            && statement.conditionsHold(request)) {
          if (!statement.allow()) {
            return Decision.DENY;
          }
          decision = Decision.ALLOW;
        }
      }
    }
    return decision;
  }

  /** The account field of an ARN (the fifth, colon-separated), or "". */
  private static String account(String arn) {
    int at = 0;
    for (int field = 0; field < 4; field++) {
      at = arn.indexOf(':', at) + 1;
      if (at == 0) {
        return "";
      }
    }
    int end = arn.indexOf(':', at);
    return end < 0 ? "" : arn.substring(at, end);
  }

  private static DynamoException denied(AccessRequest request, String why) {
    return new DynamoException(ErrorCode.ACCESS_DENIED, "User: " + request.identity().principalArn()
        + " is not authorized to perform: " + request.action() + " on resource: " + request.resource() + " " + why);
  }
}
