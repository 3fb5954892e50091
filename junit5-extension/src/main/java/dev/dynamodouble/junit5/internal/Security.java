package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.auth.AuthConfig;
import dev.dynamodouble.core.auth.Identity;
import dev.dynamodouble.core.auth.Policy;
import dev.dynamodouble.core.auth.PolicyException;
import dev.dynamodouble.core.server.TlsSettings;
import dev.dynamodouble.junit5.DynamoIdentity;
import dev.dynamodouble.junit5.DynamoSecurity;
import dev.dynamodouble.junit5.internal.AnnotationSearch.Found;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The security settings of a test class ({@link DynamoIdentity}, {@link DynamoSecurity}): the
 * identities the endpoint accepts, with the extension's own root key first, and whether it serves
 * HTTPS. {@link #NONE} when the class declares neither.
 */
public record Security(AuthConfig auth, boolean tls) {
  /** The key the extension's own clients sign with when auth is on: the account's root. */
  public static final String OWN_KEY = "dynamo-double";
  public static final Security NONE = new Security(null, false);

  /** Whether {@code testClass} itself (not only its enclosing class) declares security settings. */
  public static boolean declaredOn(Class<?> testClass) {
    return !AnnotationSearch.on(testClass, DynamoIdentity.class).isEmpty()
        || !AnnotationSearch.on(testClass, DynamoSecurity.class).isEmpty();
  }

  /** Reads the settings of a class and its superclasses; a problem names the annotation and what is wrong. */
  public static Security of(Class<?> testClass) {
    List<Found<DynamoIdentity>> declared = AnnotationSearch.onClassHierarchy(testClass, DynamoIdentity.class);
    List<Found<DynamoSecurity>> settings = AnnotationSearch.onClassHierarchy(testClass, DynamoSecurity.class);
    boolean tls = !settings.isEmpty() && settings.get(0).annotation().tls();
    List<Identity> identities = new ArrayList<>();
    for (Found<DynamoIdentity> found : declared) {
      try {
        identities.add(identity(found, testClass));
      } catch (PolicyException e) {
        throw new ExtensionConfigurationException(found.describe() + ": " + e.getMessage(), e);
      }
    }
    if (!settings.isEmpty() && !settings.get(0).annotation().authFile().isEmpty()) {
      Found<DynamoSecurity> found = settings.get(0);
      ResourceLocator.Resource file = ResourceLocator.require("auth file", found.annotation().authFile(),
          found.anchor(), testClass, found.describe());
      try {
        identities.addAll(AuthConfig.read(Path.of(file.url().toURI())).identities());
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new ExtensionConfigurationException(found.describe() + ": " + e.getMessage(), e);
      }
    }
    if (identities.isEmpty()) {
      return tls ? new Security(null, true) : NONE;
    }
    List<Identity> all = new ArrayList<>();
    String account = identities.get(0).account();
    all.add(Identity.of(OWN_KEY, OWN_KEY, "arn:aws:iam::" + account + ":root"));
    all.addAll(identities);
    try {
      return new Security(AuthConfig.of(all), tls);
    } catch (PolicyException e) {
      throw new ExtensionConfigurationException(testClass.getName() + ": " + e.getMessage(), e);
    }
  }

  private static Identity identity(Found<DynamoIdentity> found, Class<?> testClass) {
    DynamoIdentity declared = found.annotation();
    String secret = declared.secretAccessKey().isEmpty() ? declared.accessKeyId() + "-secret" : declared.secretAccessKey();
    Identity identity = Identity.of(declared.accessKeyId(), secret, declared.principal());
    if (!declared.sessionToken().isEmpty()) {
      identity = identity.withSessionToken(declared.sessionToken());
    }
    for (String tag : declared.tags()) {
      int eq = tag.indexOf('=');
      if (eq <= 0) {
        throw new PolicyException("tag '" + tag + "' must be key=value");
      }
      identity = identity.withTag(tag.substring(0, eq), tag.substring(eq + 1));
    }
    for (String policy : declared.policy()) {
      identity = identity.withPolicy(policy);
    }
    for (String name : declared.policyFile()) {
      ResourceLocator.Resource file = ResourceLocator.require("policy file", name, found.anchor(), testClass,
          found.describe());
      try (InputStream in = file.url().openStream()) {
        identity = identity.withPolicy(Policy.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new PolicyException(file.path() + ": cannot read (" + e + ")");
      } catch (PolicyException e) {
        throw new PolicyException(file.path() + ": " + e.getMessage());
      }
    }
    return identity;
  }

  /** Applies these settings to an endpoint being built. */
  public DynamoDouble.Builder apply(DynamoDouble.Builder builder) {
    if (auth != null) {
      builder.auth(auth);
    }
    if (tls) {
      builder.tls(TlsSettings.selfSigned());
    }
    return builder;
  }

  /** The declared identity of an access key, or null. */
  public Identity identity(String accessKeyId) {
    if (auth != null) {
      for (Identity identity : auth.identities()) {
        if (identity.accessKeyId().equals(accessKeyId)) {
          return identity;
        }
      }
    }
    return null;
  }
}
