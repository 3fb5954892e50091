package dev.dynamodouble.core.auth;

import java.util.Map;

/**
 * Authentication and IAM authorization for a DAX cluster, with the identities and policies of the
 * HTTP endpoint.
 *
 * <p>A DAX client authorizes each connection by sending its access key, a SigV4 signature, the
 * string it signed and its session token. What it signs is fixed: the canonical request
 * {@code POST /} with the headers {@code host:dax.amazonaws.com} and {@code x-amz-date}, an empty
 * body, in the scope {@code date/region/dax/aws4_request}. So the string to sign is rebuilt here
 * from its own date and region and must match what the client sent, and the signature must be
 * that string's, under the identity's secret key. The signing time is not checked against the
 * engine clock: the DAX client signs with the wall clock (it cannot be given another), while the
 * engine may run on a manual one.
 *
 * <p>Each data request is then authorized as the action {@code dax:<Operation>} on the cluster's
 * ARN, {@code arn:aws:dax:<region>:<account>:cache/<cluster name>}.
 */
public final class DaxAccessControl {
  private static final String HOST = "dax.amazonaws.com";
  private static final String SERVICE = "dax";

  private final Map<String, Identity> byAccessKey;
  private final Authorizer authorizer;
  private final SigningKeys keys = new SigningKeys();

  public DaxAccessControl(AuthConfig config, ResourcePolicies resourcePolicies) {
    this.byAccessKey = config.byAccessKey();
    this.authorizer = new Authorizer(resourcePolicies);
  }

  /**
   * The identity a connection's authorization request proves; DynamoDB's authentication errors
   * (UnrecognizedClientException, InvalidSignatureException, IncompleteSignatureException) when it
   * proves none.
   */
  public Identity authenticate(String accessKeyId, String signature, String stringToSign, String sessionToken) {
    Identity identity = accessKeyId == null ? null : byAccessKey.get(accessKeyId);
    if (identity == null || !java.util.Objects.equals(identity.sessionToken(), sessionToken)) {
      throw AuthErrors.unrecognizedClient();
    }
    String[] lines = stringToSign == null ? new String[0] : stringToSign.split("\n", -1);
    if (lines.length != 4 || !lines[0].equals(SigV4Verifier.ALGORITHM) || lines[1].length() != 16) {
      throw AuthErrors.incomplete("The string to sign of a DAX connection must be '" + SigV4Verifier.ALGORITHM
          + "', the request date, the credential scope and the canonical request's hash, one a line");
    }
    String[] scope = lines[2].split("/", -1);
    if (scope.length != 4 || !scope[3].equals("aws4_request") || !lines[1].startsWith(scope[0])) {
      throw AuthErrors.incomplete("Credential should be scoped to a valid region, not '"
          + (scope.length > 1 ? scope[1] : "") + "'. ");
    }
    if (!scope[2].equals(SERVICE)) {
      throw AuthErrors.invalidSignature("Credential should be scoped to correct service: '" + SERVICE + "'. ");
    }
    String expected = SigV4Verifier.ALGORITHM + '\n' + lines[1] + '\n' + lines[2] + '\n'
        + Canonical.sha256Hex(canonicalRequest(lines[1]));
    String computed = Canonical.hex(keys.sign(identity.secretAccessKey(), scope[0], scope[1], SERVICE, expected));
    if (!expected.equals(stringToSign) || signature == null || !computed.equalsIgnoreCase(signature)) {
      throw AuthErrors.signatureMismatch();
    }
    return identity;
  }

  /** What every DAX client signs: a POST to / of dax.amazonaws.com, at {@code amzDate}, with no body. */
  private static String canonicalRequest(String amzDate) {
    return "POST\n/\n\nhost:" + HOST + "\nx-amz-date:" + amzDate + "\n\nhost;x-amz-date\n" + Canonical.sha256Hex("");
  }

  /**
   * Throws DynamoDB's AccessDeniedException unless {@code identity} may perform {@code action} on the
   * cluster; {@code now} (the engine clock's) and {@code sourceIp} (or null) feed the date and address conditions.
   */
  public void authorize(Identity identity, String action, String clusterArn, String region, java.time.Instant now,
                        String sourceIp) {
    AccessRequest.GlobalKeys context = AccessRequest.context(identity, region, false, now, sourceIp);
    authorizer.check(identity, new Access(action, clusterArn, Map.of()), context);
  }

  /** The ARN of a cluster, as DAX's IAM policies name it. */
  public static String clusterArn(String region, String account, String clusterName) {
    return "arn:aws:dax:" + region + ":" + account + ":cache/" + clusterName;
  }
}
