package dev.dynamodouble.core.auth;

import dev.dynamodouble.core.pipeline.Call;
import dev.dynamodouble.core.pipeline.RequestHead;
import dev.dynamodouble.core.pipeline.RequestStage;
import dev.dynamodouble.core.time.DynamoClock;
import java.time.Instant;
import java.util.Map;

/**
 * The auth stage: verifies the request's SigV4 signature (on the engine clock), leaves the
 * {@link Identity} as a note on the call, and authorizes every access the operation needs against
 * the identity's policies and the resource policies. A refused request never reaches its operation.
 */
public final class AuthStage implements RequestStage {
  private final SigV4Verifier verifier;
  private final Authorizer authorizer;
  private final OperationAccesses accesses;
  private final DynamoClock clock;
  private final ResourcePolicies resourcePolicies;
  private final ControlAccess controlAccess;

  public AuthStage(AuthConfig config, ResourcePolicies resourcePolicies, DynamoClock clock, String account) {
    Map<String, Identity> byKey = config.byAccessKey();
    this.verifier = new SigV4Verifier(byKey::get);
    this.authorizer = new Authorizer(resourcePolicies);
    this.accesses = new OperationAccesses(account);
    this.clock = clock;
    this.resourcePolicies = resourcePolicies;
    this.controlAccess = ControlAccess.of(config.controlToken());
  }

  /** Who may use the control API of an endpoint with this auth. */
  public ControlAccess controlAccess() {
    return controlAccess;
  }

  @Override
  public void before(Call call) {
    RequestHead head = call.head();
    if (head == ServiceCall.HEAD) {
      return; // a service of the engine (a DAX cluster) on its own authority: it authorized its client itself
    }
    if (head == null) {
      throw AuthErrors.missingToken();
    }
    Instant now = clock.now();
    Identity identity = verifier.verify(head, call.payload(), now);
    call.note(Identity.class, identity);
    if (identity.isRoot() && resourcePolicies.isEmpty()) {
      return; // policies do not restrict an account's root; only a resource policy's explicit deny could
    }
    AccessRequest.GlobalKeys global = AccessRequest.context(identity, call.region(), head.secure(), now,
        head.sourceIp());
    for (Access access : accesses.of(call)) {
      authorizer.check(identity, access, global);
    }
  }
}
