package dev.dynamodouble.core.auth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An access key and the principal it signs as: an IAM user or role ARN with its identity-based
 * policies, or an account's root ({@code arn:aws:iam::ACCOUNT:root}), which may do everything.
 * Immutable: the {@code with...} methods return a copy.
 *
 * <pre>{@code
 * Identity tenantA = Identity.of("AKIDTENANTA", "secret-a", "arn:aws:iam::123456789012:role/tenant-a")
 *     .withPolicy("""
 *         {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:GetItem",
 *           "Resource": "arn:aws:dynamodb:*:*:table/orders",
 *           "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["tenant-a"]}}}]}""");
 * }</pre>
 */
public final class Identity {
  private final String accessKeyId;
  private final String secretAccessKey;
  private final String sessionToken;
  private final String principalArn;
  private final List<Policy> policies;
  private final Map<String, String> tags;
  private final String account;
  private final String principalName;

  private Identity(String accessKeyId, String secretAccessKey, String sessionToken, String principalArn,
                   List<Policy> policies, Map<String, String> tags) {
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
    this.principalArn = principalArn;
    this.policies = List.copyOf(policies);
    this.tags = Map.copyOf(tags);
    String[] parts = principalArn.split(":", 6);
    this.account = parts[4];
    this.principalName = parts[5].startsWith("user/") ? parts[5].substring(parts[5].lastIndexOf('/') + 1) : null;
  }

  /** A key of the root user of account 000000000000: signed requests may do everything. */
  public static Identity of(String accessKeyId, String secretAccessKey) {
    return of(accessKeyId, secretAccessKey, "arn:aws:iam::000000000000:root");
  }

  /**
   * A key of a principal: {@code arn:aws:iam::ACCOUNT:user/NAME}, {@code arn:aws:iam::ACCOUNT:role/NAME},
   * {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION} or {@code arn:aws:iam::ACCOUNT:root}.
   * Without policies a user or role may do nothing (IAM's implicit deny).
   */
  public static Identity of(String accessKeyId, String secretAccessKey, String principalArn) {
    if (accessKeyId == null || accessKeyId.isEmpty()) {
      throw new PolicyException("an identity needs an access key id");
    }
    if (secretAccessKey == null || secretAccessKey.isEmpty()) {
      throw new PolicyException("identity " + accessKeyId + " needs a secret access key");
    }
    checkPrincipal(principalArn, accessKeyId);
    return new Identity(accessKeyId, secretAccessKey, null, principalArn, List.of(), Map.of());
  }

  /** Temporary credentials: requests must carry this session token (X-Amz-Security-Token). */
  public Identity withSessionToken(String token) {
    return new Identity(accessKeyId, secretAccessKey, token, principalArn, policies, tags);
  }

  /** Adds an identity-based policy (IAM JSON); a malformed one is a {@link PolicyException}. */
  public Identity withPolicy(String policyJson) {
    try {
      return withPolicy(Policy.parse(policyJson));
    } catch (PolicyException e) {
      throw new PolicyException("policy of " + accessKeyId + ": " + e.getMessage());
    }
  }

  /** Adds an identity-based policy read from a file; the error of a malformed one names the file. */
  public Identity withPolicyFile(Path file) {
    return withPolicy(Policy.read(file));
  }

  public Identity withPolicy(Policy policy) {
    for (Statement statement : policy.statements()) {
      if (statement.resources() == null) {
        throw new PolicyException("policy of " + accessKeyId + ": an identity-based policy statement needs a Resource"
            + " or NotResource");
      }
      if (statement.principals() != null) {
        throw new PolicyException("policy of " + accessKeyId + ": an identity-based policy statement cannot have a"
            + (statement.notPrincipal() ? " NotPrincipal" : " Principal"));
      }
    }
    List<Policy> more = new ArrayList<>(policies);
    more.add(Objects.requireNonNull(policy));
    return new Identity(accessKeyId, secretAccessKey, sessionToken, principalArn, more, tags);
  }

  /** A principal tag, for policy variables such as {@code ${aws:PrincipalTag/tenant}}. */
  public Identity withTag(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(tags);
    more.put(key, value);
    return new Identity(accessKeyId, secretAccessKey, sessionToken, principalArn, policies, more);
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  public String secretAccessKey() {
    return secretAccessKey;
  }

  /** The session token, or null for long-term credentials. */
  public String sessionToken() {
    return sessionToken;
  }

  public String principalArn() {
    return principalArn;
  }

  public List<Policy> policies() {
    return policies;
  }

  public Map<String, String> tags() {
    return tags;
  }

  /** The account of the principal. */
  public String account() {
    return account;
  }

  /** Whether this is an account's root, which policies do not restrict. */
  public boolean isRoot() {
    return principalArn.endsWith(":root");
  }

  /** The user name (aws:username) of an IAM user, else null. */
  String principalName() {
    return principalName;
  }

  private static void checkPrincipal(String arn, String accessKeyId) {
    String[] parts = arn == null ? new String[0] : arn.split(":", 6);
    boolean ok = parts.length == 6 && parts[0].equals("arn") && (parts[2].equals("iam") || parts[2].equals("sts"))
        && parts[4].matches("\\d{12}") && (parts[5].equals("root") || parts[5].startsWith("user/")
        || parts[5].startsWith("role/") || parts[5].startsWith("assumed-role/"));
    if (!ok) {
      throw new PolicyException("identity " + accessKeyId + ": principal '" + arn + "' must be an IAM user, role, "
          + "assumed-role or root ARN such as arn:aws:iam::123456789012:user/alice");
    }
  }

  @Override
  public String toString() {
    return accessKeyId + " (" + principalArn + ")";
  }
}
