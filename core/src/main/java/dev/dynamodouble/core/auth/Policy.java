package dev.dynamodouble.core.auth;

import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonArray;
import dev.dynamodouble.core.protocol.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An IAM policy document (identity-based or resource-based): statements with Effect, Action or
 * NotAction, Resource or NotResource, Principal (resource policies) and Condition.
 */
public final class Policy {
  private final String json;
  private final List<Statement> statements;

  private Policy(String json, List<Statement> statements) {
    this.json = json;
    this.statements = statements;
  }

  /** Parses a policy document; a malformed one is a {@link PolicyException} saying what is wrong. */
  public static Policy parse(String json) {
    Object root;
    try {
      root = Json.parse(json);
    } catch (IllegalArgumentException e) {
      throw new PolicyException("the policy is not valid JSON (" + e.getMessage() + ")");
    }
    if (!(root instanceof JsonObject document)) {
      throw new PolicyException("the policy must be a JSON object");
    }
    Object version = document.get("Version");
    if (version != null && !"2012-10-17".equals(version) && !"2008-10-17".equals(version)) {
      throw new PolicyException("Version must be 2012-10-17 or 2008-10-17, not " + version);
    }
    Object statement = document.get("Statement");
    if (statement == null) {
      throw new PolicyException("the policy has no Statement");
    }
    List<Statement> statements = new ArrayList<>();
    List<Object> list = statement instanceof JsonArray array ? array : List.of(statement);
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof JsonObject s)) {
        throw new PolicyException("Statement[" + i + "] must be an object");
      }
      statements.add(Statement.parse(s, "Statement[" + i + "]"));
    }
    return new Policy(json, List.copyOf(statements));
  }

  /** Reads and parses a policy file; the error names the file. */
  public static Policy read(Path file) {
    return PolicyException.parseFile(file, "policy", Policy::parse);
  }

  /** The document as given. */
  public String json() {
    return json;
  }

  List<Statement> statements() {
    return statements;
  }

  /** Whether any statement names a principal (resource-based policies must). */
  public boolean everyStatementHasPrincipal() {
    for (Statement s : statements) {
      if (s.principals() == null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return json;
  }

  /** Strings of a value that is a string or a list of strings. */
  static List<String> strings(Object value, String where) {
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof JsonArray array) {
      List<String> out = new ArrayList<>(array.size());
      for (Object o : array) {
        if (o instanceof String || o instanceof Number || o instanceof Boolean) {
          out.add(String.valueOf(o));
        } else {
          throw new PolicyException(where + " must be a string or a list of strings");
        }
      }
      return out;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return List.of(String.valueOf(value));
    }
    throw new PolicyException(where + " must be a string or a list of strings");
  }
}
