package dev.dynamodouble.junit5;

/** The stream of a declared table: none, or enabled with one of DynamoDB's stream view types. */
public enum StreamView {
  NONE, KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES
}
