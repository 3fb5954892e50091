package dev.dynamodouble.core.kinesis;

/** The status of a Kinesis streaming destination, as DescribeKinesisStreamingDestination names it. */
public enum DestinationStatus {
  ENABLING, ACTIVE, DISABLING, DISABLED, ENABLE_FAILED, UPDATING;

  /** Whether changes are captured into the stream in this status. */
  boolean streams() {
    return this == ACTIVE || this == UPDATING;
  }

  /** Whether the destination is enabled or on its way there (not disabled). */
  boolean enabled() {
    return this == ENABLING || this == ACTIVE || this == UPDATING;
  }
}
