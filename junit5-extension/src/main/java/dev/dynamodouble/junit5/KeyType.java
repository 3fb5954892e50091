package dev.dynamodouble.junit5;

/** The type of a key attribute: string, number or binary, as in an AttributeDefinition. */
public enum KeyType {
  S, N, B
}
