package dev.dynamodouble.core.expression;

/** The ComparisonOperator of legacy conditions (Expected, KeyConditions, QueryFilter, ScanFilter). */
public enum ComparisonOperator {
  EQ, NE, LE, LT, GE, GT, NOT_NULL, NULL, CONTAINS, NOT_CONTAINS, BEGINS_WITH, IN, BETWEEN
}
