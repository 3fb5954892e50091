package dev.dynamodouble.junit5;

/** Which attributes a secondary index projects. */
public enum IndexProjection {
  /** Every attribute. */
  ALL,
  /** The table and index keys only. */
  KEYS_ONLY,
  /** The keys plus the attributes named in {@link Index#include()}. */
  INCLUDE
}
