package dev.dynamodouble.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an access key the class's endpoint accepts, the principal it signs as, and that
 * principal's identity-based IAM policies. Declaring one turns SigV4 verification and IAM
 * authorization on for the endpoint: the extension's own clients (table set-up, fixtures, plain
 * injected clients) then sign as the account's root, and {@code @DynamoInject(identity = "KEY")}
 * injects a client signed with this key.
 *
 * <pre>{@code
 * @DynamoTable(name = "orders", partitionKey = "tenant", sortKey = "id")
 * @DynamoIdentity(accessKeyId = "TENANT_A", principal = "arn:aws:iam::123456789012:role/tenant-a",
 *     policyFile = "tenant-policy.json", tags = "tenant=tenant-a")
 * class TenantIsolationTest {
 *   @Test
 *   void cannotReadAnotherTenant(@DynamoInject(identity = "TENANT_A") DynamoDbClient tenantA) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(DynamoIdentities.class)
public @interface DynamoIdentity {
  /** The access key id. */
  String accessKeyId();

  /** The secret access key; {@code "<accessKeyId>-secret"} by default. */
  String secretAccessKey() default "";

  /** A session token the requests must carry (temporary credentials); none by default. */
  String sessionToken() default "";

  /**
   * The principal: {@code arn:aws:iam::ACCOUNT:user/NAME}, {@code ...:role/NAME} or
   * {@code ...:root}. Its account becomes the account of the endpoint's ARNs.
   */
  String principal();

  /** Identity-based policies, inline as IAM JSON. */
  String[] policy() default {};

  /** Identity-based policies as classpath resources (beside the test class, or from the root with a leading '/'). */
  String[] policyFile() default {};

  /** Principal tags as {@code key=value}, for policy variables such as {@code ${aws:PrincipalTag/tenant}}. */
  String[] tags() default {};
}
