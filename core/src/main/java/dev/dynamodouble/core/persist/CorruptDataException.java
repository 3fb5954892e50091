package dev.dynamodouble.core.persist;

/** A record whose checksum matched but whose contents make no sense: a bug or a foreign file. */
final class CorruptDataException extends RuntimeException {
  CorruptDataException(String message) {
    super(message);
  }
}
