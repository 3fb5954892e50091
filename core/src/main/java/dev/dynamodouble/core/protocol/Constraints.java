package dev.dynamodouble.core.protocol;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Partitions;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.Echo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects the service's member-constraint errors of one request and reports them together, as
 * "2 validation errors detected: Value null at 'tableName' failed to satisfy constraint: ...".
 */
public final class Constraints {
  public static final Pattern NAME_PATTERN = Pattern.compile("[a-zA-Z0-9_.-]+");
  private static final int MAX_ERRORS = 10;
  /** The constraint a table ARN of the wrong shape fails (the service's wording). */
  static final String ARN_FORMAT = "Valid ARN format is 'arn:<awsPartition>:<vendor>:<region>:<subscriber>:"
      + "resourceType/resourceName', where Resource name must have length less than or equal to 255, Resource name "
      + "must have length greater than or equal to 3, Resource name must satisfy regular expression pattern: "
      + NAME_PATTERN.pattern();

  private final List<String> errors = new ArrayList<>();
  /** The operation whose request this checks, for its members' message style; null: the older style. */
  private final String operation;

  public Constraints() {
    this(null);
  }

  private Constraints(String operation) {
    this.operation = operation;
  }

  /** Constraints of {@code operation}'s request, worded per member as the service words them ({@link NewStyleMembers}). */
  public static Constraints of(String operation) {
    return new Constraints(operation);
  }

  public Constraints notNull(Object value, String path) {
    if (value == null) {
      add(null, path, "Member must not be null");
    }
    return this;
  }

  /** A table or index name: 3 to 255 characters of [a-zA-Z0-9_.-]. */
  public Constraints name(String value, String path) {
    if (value == null) {
      return this;
    }
    if (!isName(value)) {
      add(value, path, "Member must satisfy regular expression pattern: " + NAME_PATTERN.pattern());
    }
    minLength(value, 3, path);
    return maxLength(value, 255, path);
  }

  /**
   * A table name or ARN (up to 1024 characters when it is an ARN, and a table's of {@code region},
   * the request's: see {@link #tableArn}).
   */
  public Constraints tableNameOrArn(String value, String path, String region) {
    if (value != null && value.startsWith("arn:")) {
      tableArn(value, path, region);
      return maxLength(value, 1024, path);
    }
    return name(value, path);
  }

  /**
   * The TableName of an item operation, which also takes a table ARN (of {@code region}, the
   * request's): at least 1 character, at most 255 (1024 for an ARN), and the name pattern. The
   * service reports at most one of these.
   */
  public Constraints itemTableName(String value, String path, String region) {
    if (value == null) {
      return this;
    }
    if (value.isEmpty()) {
      return minLength(value, 1, path);
    }
    if (value.startsWith("arn:")) {
      tableArn(value, path, region);
      return maxLength(value, 1024, path);
    }
    if (value.length() > 255) {
      return maxLength(value, 255, path);
    }
    if (!isName(value)) {
      add(value, path, "Member must satisfy regular expression pattern: " + NAME_PATTERN.pattern());
    }
    return this;
  }

  /**
   * An ARN where a table is named must be a table's of the request's region,
   * {@code arn:partition:service:region:account:table/name}, as DynamoDB checks it.
   *
   * <p>Order. The ARN gets one error at most. It is a constraint of its member like the others,
   * and DynamoDB counts it among them ("N validation errors detected: Invalid AWS region in ..."),
   * so it is reported in the member's place among the request's members, and before the member's
   * length. Within the ARN, its fields are judged in the order it writes them: an ARN that does not
   * split into them (no {@code type/name} resource) fails the ARN format, for it has no region to
   * judge; then the partition (one the request's region belongs to: see {@link Partitions}); then
   * the region, whatever the ARN names, because what it names belongs to that region
   * (a global table's other replica: looking its name up here would act on another table); then
   * the resource: another type is an invalid resource type, and a name that is no table name (an
   * index's, a stream's or a backup's ARN: the name goes on with a slash) fails the ARN format.
   * Which of two faults of one ARN DynamoDB names first is not on record; this order is ours.
   */
  private void tableArn(String arn, String path, String region) {
    Catalog.ArnResource resource = Catalog.resourceOf(arn);
    if (resource == null) {
      add(arn, path, ARN_FORMAT);
    } else if (!Partitions.accepts(resource.partition(), region)) {
      error("Invalid AWS partition in '" + Echo.of(arn) + "'");
    } else if (!resource.region().equals(region)) {
      error("Invalid AWS region in '" + Echo.of(arn) + "'");
    } else if (!resource.type().equals("table")) {
      error("Invalid resource type in '" + Echo.of(arn) + "'");
    } else if (resource.name().length() < 3) {
      add(arn, path, "Table name of ARN must have length greater than or equal to 3");
    } else if (resource.name().length() > 255 || !isName(resource.name())) {
      add(arn, path, ARN_FORMAT);
    }
  }

  /** Whether {@code value} matches {@link #NAME_PATTERN} (checked on every item request, so without a regex). */
  static boolean isName(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  public Constraints minLength(String value, int min, String path) {
    if (value != null && value.length() < min) {
      add(value, path, "Member must have length greater than or equal to " + min);
    }
    return this;
  }

  public Constraints maxLength(String value, int max, String path) {
    if (value != null && value.length() > max) {
      add(value, path, "Member must have length less than or equal to " + max);
    }
    return this;
  }

  public Constraints minSize(Collection<?> value, int min, String path) {
    if (value != null && value.size() < min) {
      add(value, path, "Member must have length greater than or equal to " + min);
    }
    return this;
  }

  public Constraints maxSize(Collection<?> value, int max, String path) {
    if (value != null && value.size() > max) {
      add(value, path, "Member must have length less than or equal to " + max);
    }
    return this;
  }

  public Constraints minSize(Map<?, ?> value, int min, String path) {
    if (value != null && value.size() < min) {
      add(value, path, "Member must have length greater than or equal to " + min);
    }
    return this;
  }

  public Constraints maxSize(Map<?, ?> value, int max, String path) {
    if (value != null && value.size() > max) {
      add(value, path, "Member must have length less than or equal to " + max);
    }
    return this;
  }

  /** A list whose every string member has {@code min} to {@code max} characters. */
  public Constraints eachLength(List<String> values, int min, int max, String path) {
    if (values != null && values.stream().anyMatch(v -> v.length() < min || v.length() > max)) {
      add(values, path, "Member must satisfy constraint: [Member must have length less than or equal to " + max
          + ", Member must have length greater than or equal to " + min + "]");
    }
    return this;
  }

  public Constraints min(Number value, long min, String path) {
    if (value != null && value.longValue() < min) {
      add(value, path, "Member must have value greater than or equal to " + min);
    }
    return this;
  }

  public Constraints max(Number value, long max, String path) {
    if (value != null && value.longValue() > max) {
      add(value, path, "Member must have value less than or equal to " + max);
    }
    return this;
  }

  /** An enum member; {@code allowed} is listed in the order the service lists it. */
  public Constraints oneOf(String value, String path, String... allowed) {
    if (value == null) {
      return this;
    }
    for (String candidate : allowed) {
      if (candidate.equals(value)) {
        return this;
      }
    }
    add(value, path, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
    return this;
  }

  /** Every enum member of {@code operation}'s request (see {@link EnumMembers}). */
  public Constraints enums(JsonRequest request, String operation) {
    EnumMembers.check(operation, request, this);
    return this;
  }

  private void add(Object value, String path, String constraint) {
    String newStyle = NewStyleMembers.path(operation, path);
    if (newStyle != null) {
      error("Value at '" + newStyle + "' failed to satisfy constraint: " + constraint);
      return;
    }
    String shown = value == null ? "null" : "'" + describe(value) + "'";
    error("Value " + shown + " at '" + Echo.of(path) + "' failed to satisfy constraint: " + constraint);
  }

  /** One validation error of the report (the service lists at most {@value #MAX_ERRORS}). */
  private void error(String text) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(text);
    }
  }

  private static String describe(Object value) {
    if (value instanceof Collection<?> c) {
      return Echo.of(c);
    }
    return Echo.of(String.valueOf(value));
  }

  /** Whether nothing was found wrong. */
  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws the collected errors as one ValidationException, if there are any. */
  public void check() {
    if (!errors.isEmpty()) {
      int n = errors.size();
      throw DynamoException.validation(
          n + " validation error" + (n > 1 ? "s" : "") + " detected: " + String.join("; ", errors));
    }
  }
}
