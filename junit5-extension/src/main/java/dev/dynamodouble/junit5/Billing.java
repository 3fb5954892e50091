package dev.dynamodouble.junit5;

/** The billing mode of a declared table. */
public enum Billing {
  /** On-demand capacity (no throughput to declare). */
  PAY_PER_REQUEST,
  /** Provisioned capacity: {@link DynamoTable#readCapacity()} and {@link DynamoTable#writeCapacity()} apply. */
  PROVISIONED
}
