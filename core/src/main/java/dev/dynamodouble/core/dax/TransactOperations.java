package dev.dynamodouble.core.dax;

/** TransactGetItems and TransactWriteItems through DAX. */
final class TransactOperations {
  private final DaxService dax;

  TransactOperations(DaxService dax) {
    this.dax = dax;
  }

  void get(CborReader in, CborWriter out, String requestId) {
    throw DaxError.notImplemented("TransactGetItems");
  }

  void write(CborReader in, CborWriter out, String requestId) {
    throw DaxError.notImplemented("TransactWriteItems");
  }
}
