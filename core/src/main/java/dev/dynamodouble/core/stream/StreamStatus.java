package dev.dynamodouble.core.stream;

/** A stream's status, as DescribeStream reports it. */
public enum StreamStatus { ENABLING, ENABLED, DISABLING, DISABLED }
