package dev.dynamodouble.core.trigger;

/** Where a new trigger starts reading its stream. */
public enum StartingPosition {
  /** The oldest record still retained. */
  TRIM_HORIZON,
  /** Only records written after the trigger was registered. */
  LATEST
}
