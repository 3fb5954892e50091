package dev.dynamodouble.core.auth;

import dev.dynamodouble.core.protocol.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One statement of a policy. Exactly one of Action/NotAction and (in identity policies) of
 * Resource/NotResource; {@code principals} is null when the statement names none, and lists the
 * principals a NotPrincipal exempts when {@code notPrincipal}.
 */
record Statement(String sid, boolean allow, List<String> actions, boolean notAction, List<String> resources,
                 boolean notResource, List<String> principals, boolean notPrincipal, List<Condition> conditions) {
  private static final Set<String> FIELDS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
      "NotResource", "Principal", "NotPrincipal", "Condition");

  static Statement parse(JsonObject s, String where) {
    for (int i = 0; i < s.size(); i++) {
      if (!FIELDS.contains(s.name(i))) {
        throw new PolicyException(where + ": unknown field " + s.name(i));
      }
    }
    Object effect = s.get("Effect");
    if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
      throw new PolicyException(where + ": Effect must be Allow or Deny, not " + effect);
    }
    boolean notPrincipal = s.get("NotPrincipal") != null;
    if (notPrincipal && s.get("Principal") != null) {
      throw new PolicyException(where + ": Principal and NotPrincipal cannot both be given");
    }
    if (notPrincipal && !"Deny".equals(effect)) {
      throw new PolicyException(where + ": NotPrincipal must be used with \"Effect\": \"Deny\"");
    }
    boolean notAction = s.get("NotAction") != null;
    if (notAction == (s.get("Action") != null)) {
      throw new PolicyException(where + ": exactly one of Action and NotAction is required");
    }
    List<String> actions = Policy.strings(s.get(notAction ? "NotAction" : "Action"), where + "." + (notAction ? "NotAction" : "Action"));
    for (String action : actions) {
      if (!action.equals("*") && action.indexOf(':') < 0) {
        throw new PolicyException(where + ": action '" + action + "' must be service:action, e.g. dynamodb:GetItem");
      }
    }
    boolean notResource = s.get("NotResource") != null;
    if (notResource && s.get("Resource") != null) {
      throw new PolicyException(where + ": Resource and NotResource cannot both be given");
    }
    Object resource = s.get(notResource ? "NotResource" : "Resource");
    List<String> resources = resource == null ? null
        : Policy.strings(resource, where + "." + (notResource ? "NotResource" : "Resource"));
    if (resources != null) {
      for (String arn : resources) {
        if (!arn.equals("*") && !arn.startsWith("arn:")) {
          throw new PolicyException(where + ": resource '" + arn + "' must be an ARN or *");
        }
      }
    }
    List<String> principals = principals(s.get(notPrincipal ? "NotPrincipal" : "Principal"), where,
        notPrincipal ? "NotPrincipal" : "Principal");
    List<Condition> conditions = new ArrayList<>();
    Object condition = s.get("Condition");
    if (condition != null) {
      if (!(condition instanceof JsonObject operators)) {
        throw new PolicyException(where + ": Condition must be an object");
      }
      for (int i = 0; i < operators.size(); i++) {
        if (!(operators.value(i) instanceof JsonObject keys)) {
          throw new PolicyException(where + ": Condition." + operators.name(i) + " must be an object of keys");
        }
        for (int k = 0; k < keys.size(); k++) {
          conditions.add(Condition.parse(operators.name(i), keys.name(k),
              Policy.strings(keys.value(k), where + ".Condition." + operators.name(i) + "." + keys.name(k)), where));
        }
      }
    }
    Object sid = s.get("Sid");
    return new Statement(sid == null ? null : String.valueOf(sid), "Allow".equals(effect), actions, notAction,
        resources, notResource, principals, notPrincipal, List.copyOf(conditions));
  }

  private static List<String> principals(Object principal, String where, String field) {
    if (principal == null) {
      return null;
    }
    if ("*".equals(principal) && field.equals("Principal")) {
      return List.of("*");
    }
    if (!(principal instanceof JsonObject map)) {
      throw new PolicyException(where + ": " + field + " must be " + (field.equals("Principal") ? "\"*\" or " : "")
          + "an object such as {\"AWS\": \"arn:...\"}");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < map.size(); i++) {
      if (!map.name(i).equals("AWS")) {
        throw new PolicyException(where + ": only AWS principals are supported, not " + map.name(i));
      }
      out.addAll(Policy.strings(map.value(i), where + "." + field + ".AWS"));
    }
    return List.copyOf(out);
  }

  boolean matchesAction(String action) {
    boolean any = false;
    for (String pattern : actions) {
      if (Wildcard.matches(pattern, action, true)) {
        any = true;
        break;
      }
    }
    return any != notAction;
  }

  boolean matchesResource(String arn, AccessRequest request) {
    if (resources == null) {
      return true; // a resource policy's statement applies to the resource it is attached to
    }
    boolean any = false;
    for (String pattern : resources) {
      if (Wildcard.matches(request.substitute(pattern), arn, false)) {
        any = true;
        break;
      }
    }
    return any != notResource;
  }

  /**
   * Whether the statement applies to this principal (resource policies): one its Principal names,
   * or, with NotPrincipal, any principal it does not exempt. As in IAM, a NotPrincipal exempts a
   * principal only when it lists both the principal's account and the principal itself (an
   * account's root: the account alone); an account alone does not exempt its users and roles.
   */
  boolean matchesPrincipal(String principalArn, String account) {
    if (notPrincipal) {
      boolean accountListed = principals.contains(account) || principals.contains("arn:aws:iam::" + account + ":root");
      boolean root = principalArn.equals("arn:aws:iam::" + account + ":root");
      return !(accountListed && (root || principals.contains(principalArn)));
    }
    for (String p : principals) {
      if (p.equals("*") || p.equals(principalArn) || p.equals(account)
          || p.equals("arn:aws:iam::" + account + ":root") || Wildcard.matches(p, principalArn, false)) {
        return true;
      }
    }
    return false;
  }

  boolean conditionsHold(AccessRequest request) {
    for (Condition condition : conditions) {
      if (!condition.holds(request)) {
        return false;
      }
    }
    return true;
  }
}
