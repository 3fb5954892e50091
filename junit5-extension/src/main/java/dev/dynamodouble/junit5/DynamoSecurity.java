package dev.dynamodouble.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Security settings of a test class's endpoint: HTTPS with a generated certificate that the
 * injected clients trust, and identities from an auth file (the standalone server's
 * {@code --auth} format) besides any {@link DynamoIdentity}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface DynamoSecurity {
  /** Serve HTTPS with a self-signed certificate generated at start; the injected clients trust it. */
  boolean tls() default false;

  /** An auth file (classpath resource): identities, principals and policies; turns SigV4 and IAM on. */
  String authFile() default "";
}
