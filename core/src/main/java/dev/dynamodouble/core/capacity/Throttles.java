package dev.dynamodouble.core.capacity;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import java.util.List;

/**
 * The errors of a throttled request, as DynamoDB words them, each with the ThrottlingReasons
 * detail (reason and resource ARN) the service has sent since 2025.
 */
public final class Throttles {
  public static final String TABLE = "The level of configured provisioned throughput for the table was exceeded. "
      + "Consider increasing your provisioning level with the UpdateTable API.";
  static final String INDEX = "The level of configured provisioned throughput for one or more global secondary "
      + "indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned "
      + "global secondary indexes with the UpdateTable API";
  static final String BATCH = "The level of configured provisioned throughput for one or more tables was exceeded. "
      + "Consider increasing your provisioning level with the UpdateTable API";
  /** What an on-demand table answers when a partition or its maximum throughput is exceeded. */
  public static final String ON_DEMAND = "Throughput exceeds the current capacity of your table or index. DynamoDB "
      + "is automatically scaling your table or index so please try again shortly. If exceptions persist, check if "
      + "you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";

  /** One ThrottlingReason. */
  record Reason(String reason, String resource) {}

  private Throttles() {}

  /** The exception for one refused request: by what was exceeded, on which resource. */
  static DynamoException of(ResourceMeters resource, boolean writes, Limit limit, boolean onDemandTable) {
    Reason reason = new Reason(resource.reason(writes, limit), resource.arn);
    boolean indexWrites = resource.index && writes;
    if (onDemandTable) { // whatever the limit: its maximum, the quota, or a hot partition
      return exception(ErrorCode.THROTTLING, ON_DEMAND, List.of(reason), indexWrites);
    }
    String message = resource.index ? INDEX : TABLE;
    return exception(ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED, message, List.of(reason), indexWrites);
  }

  /** A batch of which nothing could be processed. */
  static DynamoException batch(List<Reason> reasons) {
    return exception(ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED, BATCH, reasons, false);
  }

  /**
   * Whether {@code error} is a request this stage refused because a global secondary index is out
   * of write capacity (a table write held back by its index): DynamoDB's Contributor Insights does
   * not count those throttles.
   */
  public static boolean forIndexWrites(DynamoException error) {
    return error instanceof IndexWriteThrottle;
  }

  /** A throttle of a write held back by a global secondary index's write capacity. */
  private static final class IndexWriteThrottle extends DynamoException {
    IndexWriteThrottle(ErrorCode code, String message, ErrorDetail detail) {
      super(code, message, detail);
    }
  }

  private static DynamoException exception(ErrorCode code, String message, List<Reason> reasons, boolean indexWrites) {
    List<Reason> distinct = reasons.stream().distinct().toList();
    // DynamoDB's model names the member "ThrottlingReasons" in ProvisionedThroughputExceededException
    // and "throttlingReasons" in ThrottlingException.
    String field = code == ErrorCode.THROTTLING ? "throttlingReasons" : "ThrottlingReasons";
    DynamoException.ErrorDetail detail = out -> {
      out.writeArrayFieldStart(field);
      for (Reason r : distinct) {
        out.writeStartObject();
        out.writeStringField("reason", r.reason());
        out.writeStringField("resource", r.resource());
        out.writeEndObject();
      }
      out.writeEndArray();
    };
    return indexWrites ? new IndexWriteThrottle(code, message, detail) : new DynamoException(code, message, detail);
  }
}
