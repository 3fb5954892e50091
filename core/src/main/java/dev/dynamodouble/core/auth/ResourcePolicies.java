package dev.dynamodouble.core.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource-based policies attached to tables and streams, by resource ARN, with their
 * revision ids. A table's policy also governs its indexes.
 */
public final class ResourcePolicies {
  /** A policy and its revision id. */
  public record Attached(Policy policy, String revisionId) {}

  private final ConcurrentHashMap<String, Attached> byArn = new ConcurrentHashMap<>();
  private long lastRevision;

  public boolean isEmpty() {
    return byArn.isEmpty();
  }

  /** The policy attached to exactly this table or stream ARN, or null. */
  public Attached get(String arn) {
    return byArn.get(arn);
  }

  /** Attaches (or replaces) a policy; returns its new revision id, a number that only grows. */
  public synchronized String put(String arn, Policy policy, long nowMillis) {
    lastRevision = Math.max(lastRevision + 1, nowMillis);
    String revision = Long.toString(lastRevision);
    byArn.put(arn, new Attached(policy, revision));
    return revision;
  }

  /** Removes the policy of this ARN; returns what was attached, or null. */
  public Attached remove(String arn) {
    return byArn.remove(arn);
  }

  /** Removes the policies of a table and of its streams (the table is deleted). */
  public void removeTable(String tableArn) {
    byArn.keySet().removeIf(arn -> arn.equals(tableArn) || arn.startsWith(tableArn + "/stream/"));
  }

  /** Every attached policy, by ARN (for an engine snapshot). */
  public java.util.Map<String, Attached> copy() {
    return java.util.Map.copyOf(byArn);
  }

  /** Puts back the policies of a {@link #copy()} (an engine snapshot's state of this service). */
  @SuppressWarnings("unchecked")
  public void restore(Object copy) {
    byArn.clear();
    byArn.putAll((java.util.Map<String, Attached>) copy);
  }

  /** The policy that governs a resource: a stream's own, else its table's (for the table and its indexes). */
  Attached governing(String resourceArn) {
    if (resourceArn.contains("/stream/")) {
      return byArn.get(resourceArn);
    }
    int index = resourceArn.indexOf("/index/");
    return byArn.get(index < 0 ? resourceArn : resourceArn.substring(0, index));
  }
}
