package dev.dynamodouble.core.table;

/** How a table pays for throughput. */
public enum BillingMode { PROVISIONED, PAY_PER_REQUEST }
