package dev.dynamodouble.core.auth;

import java.util.List;
import java.util.Map;

/**
 * One permission a request needs: an action on a resource ARN, with the condition keys the
 * request sets for it (dynamodb:LeadingKeys, dynamodb:Attributes ...; lower-case names).
 */
record Access(String action, String resource, Map<String, List<String>> keys) {}
